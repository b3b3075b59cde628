package vn.truongso.assessment.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;

/** TT22 art. 12–14: promotion, summer training and summer re-assessment at the year's end. */
class PromotionTests {

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt22/promotion.csv", numLinesToSkip = 1)
  void outcomeAtYearEnd(
      String article, String why, Level conduct, Level learning, int absences, Outcome outcome) {
    assertThat(Promotion.atYearEnd(conduct, learning, absences)).isEqualTo(outcome);
  }
}
