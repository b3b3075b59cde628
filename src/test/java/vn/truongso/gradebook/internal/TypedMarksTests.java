package vn.truongso.gradebook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.platform.UserInputException;

/** What a teacher types into a cell, read as a mark and written back as the book shows it. */
class TypedMarksTests {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/gradebook/typed-marks.csv", numLinesToSkip = 1)
  void readsWhatIsTypedOrSaysWhyNot(
      String why, SubjectKind kind, String typed, String text, String refusal) {
    if (refusal != null) {
      assertThatThrownBy(() -> TypedMarks.parse(kind, typed))
          .isInstanceOfSatisfying(
              UserInputException.class,
              e -> {
                assertThat(e.field()).isEqualTo("value");
                assertThat(e.messageKey()).isEqualTo(refusal);
              });
      return;
    }
    ScoreCells.Content mark = TypedMarks.parse(kind, typed);
    assertThat(TypedMarks.text(mark)).isEqualTo(Objects.toString(text, ""));
    // What the page shows for a cell types back as the same mark.
    assertThat(TypedMarks.parse(kind, TypedMarks.text(mark))).isEqualTo(mark);
  }

  @Test
  void blankIsTheEmptyCell() {
    assertThat(TypedMarks.parse(SubjectKind.SCORE, null)).isEqualTo(ScoreCells.Content.EMPTY);
    assertThat(TypedMarks.parse(SubjectKind.COMMENT, " ")).isEqualTo(ScoreCells.Content.EMPTY);
  }

  @Test
  void resultsKeepTheirDecimalAndCommentsTheirCode() {
    assertThat(TypedMarks.result(new BigDecimal("7.0"))).isEqualTo("7,0");
    assertThat(TypedMarks.result(new BigDecimal("8.5"))).isEqualTo("8,5");
    assertThat(TypedMarks.result(Comment.CHUA_DAT)).isEqualTo("CHUA_DAT");
    assertThat(TypedMarks.result(null)).isEmpty();
  }

  @Test
  void theAuditLogKeepsTheCellAsText() {
    assertThat(TypedMarks.state(TypedMarks.parse(SubjectKind.SCORE, "8.5")))
        .isEqualTo(Map.of("value", "8,5"));
    assertThat(TypedMarks.state(ScoreCells.Content.EMPTY)).isEqualTo(Map.of("value", ""));
  }
}
