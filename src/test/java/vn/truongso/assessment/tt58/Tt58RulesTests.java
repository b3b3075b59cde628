package vn.truongso.assessment.tt58;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Records;
import vn.truongso.assessment.TermMarks;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.common.Averages;

/** TT58/2011 as amended by TT26/2020: learning levels, comment subjects, promotion, titles. */
class Tt58RulesTests {

  static final List<String> CODES =
      List.of("toan", "ngu_van", "ngoai_ngu", "vat_li", "hoa_hoc", "sinh_hoc", "lich_su", "dia_li");

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt58/academic-level.csv", numLinesToSkip = 1)
  void academicLevel(String article, String why, String scores, String comments, Level expected) {
    List<BigDecimal> values = Records.decimals(scores);
    Map<String, BigDecimal> byCode = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      byCode.put(CODES.get(i), values.get(i));
    }
    BigDecimal overall = Averages.mean(values);
    assertThat(AcademicLevel.level(overall, byCode, Records.comments(comments)).level())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt58/comment-term.csv", numLinesToSkip = 1)
  void commentSubjectTerm(
      String article, String why, String regular, String mid, String fin, Comment expected) {
    TermMarks t = new TermMarks(Records.marks(regular), Records.mark(mid), Records.mark(fin));
    assertThat(CommentResult.term(t, 3)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt58/promotion.csv", numLinesToSkip = 1)
  void outcomeAtYearEnd(
      String article, String why, Level conduct, Level learning, int absences, Outcome outcome) {
    assertThat(Promotion.atYearEnd(conduct, learning, absences)).isEqualTo(outcome);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt58/titles.csv", numLinesToSkip = 1)
  void title(String article, String why, Level conduct, Level learning, Title title) {
    assertThat(Titles.of(conduct, learning)).isEqualTo(title);
  }
}
