package vn.truongso.assessment.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Records;
import vn.truongso.assessment.Title;

/** TT22 art. 15.1: Học sinh Xuất sắc and Học sinh Giỏi. */
class TitlesTests {

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt22/titles.csv", numLinesToSkip = 1)
  void title(
      String article, String why, Level conduct, Level learning, String averages, Title title) {
    assertThat(Titles.of(conduct, learning, Records.decimals(averages))).isEqualTo(title);
  }
}
