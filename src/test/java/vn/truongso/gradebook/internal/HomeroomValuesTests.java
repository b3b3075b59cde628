package vn.truongso.gradebook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.platform.InvalidInput;

/** What the homeroom teacher types: conduct levels on the circular's scale, and absences. */
class HomeroomValuesTests {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/gradebook/homeroom-values.csv", numLinesToSkip = 1)
  void takesALevelOfTheScaleOrSaysWhyNot(
      String why, PolicyCode policy, String level, String comment, String conduct, String refusal) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    HomeroomEntries.Conduct read =
        HomeroomValues.conduct(Policies.secondary(policy), level, comment, "HK1-7", errors);
    if (refusal != null) {
      assertThat(read).isNull();
      assertThat(errors.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.field()).isEqualTo("HK1-7");
                assertThat(e.messageKey()).isEqualTo(refusal);
              });
      return;
    }
    assertThat(errors.errors()).isEmpty();
    HomeroomEntries.Conduct expected =
        conduct == null
            ? null
            : new HomeroomEntries.Conduct(
                conduct.split("\\|")[0], conduct.contains("|") ? conduct.split("\\|")[1] : null);
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void aCommentIsAtMostFiveHundredCharacters() {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    var policy = Policies.secondary(PolicyCode.TT22_2021);
    assertThat(HomeroomValues.conduct(policy, "TOT", "x".repeat(500), "HK2-1", errors)).isNotNull();
    assertThat(errors.has("HK2-1")).isFalse();
    assertThat(HomeroomValues.conduct(policy, "TOT", "x".repeat(501), "HK2-1", errors)).isNull();
    assertThat(errors.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.messageKey()).isEqualTo("gradebook.conduct.commentLength"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/gradebook/absence-counts.csv", numLinesToSkip = 1)
  void countsSessionsFromZeroToTwoHundred(String why, String typed, Integer count) {
    assertThat(HomeroomValues.count(typed)).isEqualTo(count);
  }

  @Test
  void aWrongCountRefusesTheTermsAbsences() {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    assertThat(HomeroomValues.absences("2", "", "absent1-3", errors))
        .isEqualTo(new HomeroomEntries.Absences(2, 0));
    assertThat(HomeroomValues.absences("2", "x", "absent1-3", errors)).isNull();
    assertThat(errors.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.messageKey()).isEqualTo("gradebook.absences.count"));
  }

  @Test
  void anEntryIsTheSameWhenLevelAndCommentAre() {
    var tot = new HomeroomEntries.Conduct("TOT", null);
    assertThat(HomeroomValues.sameConduct(null, null)).isTrue();
    assertThat(HomeroomValues.sameConduct(tot, new HomeroomEntries.Conduct("TOT", null))).isTrue();
    assertThat(HomeroomValues.sameConduct(tot, new HomeroomEntries.Conduct("TOT", "x"))).isFalse();
    assertThat(HomeroomValues.sameConduct(tot, null)).isFalse();
    assertThat(HomeroomValues.sameConduct(null, tot)).isFalse();
  }
}
