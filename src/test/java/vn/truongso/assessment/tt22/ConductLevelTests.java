package vn.truongso.assessment.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Level;

/** TT22 art. 8.2: the year's conduct from the two terms, all sixteen pairs. */
class ConductLevelTests {

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt22/conduct-year.csv", numLinesToSkip = 1)
  void yearFollowsTheTable(String article, String why, Level term1, Level term2, Level year) {
    assertThat(ConductLevel.year(term1, term2)).isEqualTo(year);
  }
}
