package vn.truongso.assessment;

import vn.truongso.assessment.tt22.Tt22Policy;
import vn.truongso.assessment.tt27.Tt27Policy;
import vn.truongso.assessment.tt58.Tt58Policy;

/** Which circular assesses a cohort, and the policy object for a code. */
public final class Policies {

  private Policies() {}

  /**
   * TT22 art. 21.1: grade 6 from 2021–22; grades 7 and 10 from 2022–23; 8 and 11 from 2023–24; 9
   * and 12 from 2024–25. Earlier secondary years stay under TT58 as amended by TT26. Primary grades
   * are under TT27/2020.
   *
   * @param startYear the calendar year the school year starts in (2024 for 2024–25)
   */
  public static PolicyCode forCohort(int grade, int startYear) {
    if (grade < 1 || grade > 12) {
      throw new IllegalArgumentException("grade " + grade);
    }
    if (grade <= 5) {
      return PolicyCode.TT27_2020;
    }
    int firstYear =
        switch (grade) {
          case 6 -> 2021;
          case 7, 10 -> 2022;
          case 8, 11 -> 2023;
          default -> 2024;
        };
    return startYear >= firstYear ? PolicyCode.TT22_2021 : PolicyCode.TT58_2011;
  }

  /** The policy of a code. */
  public static AssessmentPolicy of(PolicyCode code) {
    return switch (code) {
      case TT22_2021, TT58_2011 -> secondary(code);
      case TT27_2020 -> Tt27Policy.INSTANCE;
    };
  }

  /** The primary policy of a code; secondary codes have none. */
  public static PrimaryPolicy primary(PolicyCode code) {
    return switch (code) {
      case TT27_2020 -> Tt27Policy.INSTANCE;
      case TT22_2021, TT58_2011 ->
          throw new IllegalArgumentException(code + " is not a primary policy");
    };
  }

  /** The secondary policy of a code; primary has none. */
  public static SecondaryPolicy secondary(PolicyCode code) {
    return switch (code) {
      case TT22_2021 -> Tt22Policy.INSTANCE;
      case TT58_2011 -> Tt58Policy.INSTANCE;
      case TT27_2020 -> throw new IllegalArgumentException("TT27_2020 is not a secondary policy");
    };
  }
}
