package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollOverRulesTests {

  @ParameterizedTest(name = "{0} (khối {1}) → {2}")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
          6A1,      6,  7A1
          9A3,      9,  10A3
          10 Toán,  10, 11 Toán
          1A,       1,  2A
          6A1,      7,  -
          Lá 1,     0,  -
          A1,       6,  -
          """)
  void classNamesAdvanceWithTheirGrade(String name, int grade, String next) {
    assertThat(RollOverRules.advancedName(name, grade).orElse(null)).isEqualTo(next);
  }

  /**
   * TT22/2021 art. 12 (promotion is decided by the results; a student not promoted stays in the
   * grade); the school's last grade completes the level (THCS: grade 9, Tiểu học: grade 5).
   */
  @ParameterizedTest(name = "khối {0}, khối cuối {1}, lên lớp {2} → {3}")
  @CsvSource(
      textBlock =
          """
          6, 9,  true,  PROMOTE
          8, 9,  true,  PROMOTE
          9, 9,  true,  COMPLETE
          9, 9,  false, REPEAT
          6, 9,  false, REPEAT
          5, 5,  true,  COMPLETE
          9, 12, true,  PROMOTE
          """)
  void decisions(int grade, int lastGrade, boolean promoted, RollOverRules.Decision expected) {
    assertThat(RollOverRules.decide(grade, lastGrade, promoted)).isEqualTo(expected);
  }
}
