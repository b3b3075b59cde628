package vn.truongso.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The level of a grade, and which levels keep the secondary grade book. */
class SchoolLevelTests {

  @ParameterizedTest
  @CsvSource({
    "0, KINDERGARTEN, false",
    "1, PRIMARY, false",
    "5, PRIMARY, false",
    "6, LOWER_SECONDARY, true",
    "9, LOWER_SECONDARY, true",
    "10, UPPER_SECONDARY, true",
    "12, UPPER_SECONDARY, true"
  })
  void aGradesLevelDecidesWhetherItKeepsTheSecondaryBook(
      int grade, SchoolLevel level, boolean secondaryBook) {
    assertThat(SchoolLevel.ofGrade(grade)).isEqualTo(level);
    assertThat(level.keepsSecondaryBook()).isEqualTo(secondaryBook);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 13})
  void aGradeOutsideEveryLevelIsAnError(int grade) {
    assertThatThrownBy(() -> SchoolLevel.ofGrade(grade))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
