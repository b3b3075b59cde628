package vn.truongso.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TT22 art. 21.1: the roadmap that decides which circular assesses a grade in a year. */
class PoliciesTests {

  @ParameterizedTest(name = "grade {0} in {1}: {2}")
  @CsvSource({
    "6, 2020, TT58_2011",
    "6, 2021, TT22_2021",
    "7, 2021, TT58_2011",
    "7, 2022, TT22_2021",
    "10, 2021, TT58_2011",
    "10, 2022, TT22_2021",
    "8, 2022, TT58_2011",
    "8, 2023, TT22_2021",
    "11, 2023, TT22_2021",
    "9, 2023, TT58_2011",
    "9, 2024, TT22_2021",
    "12, 2023, TT58_2011",
    "12, 2026, TT22_2021",
    "5, 2026, TT27_2020"
  })
  void roadmap(int grade, int startYear, PolicyCode code) {
    assertThat(Policies.forCohort(grade, startYear)).isEqualTo(code);
  }
}
