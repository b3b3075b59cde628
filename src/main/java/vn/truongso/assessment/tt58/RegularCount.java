package vn.truongso.assessment.tt58;

/**
 * TT58 art. 7 as amended by TT26/2020: at least 2 regular assessments a term for subjects of up to
 * 35 periods a year, 3 over 35 up to 70, 4 over 70. A teacher may record more.
 */
final class RegularCount {
  private RegularCount() {}

  static int required(int periodsPerYear) {
    if (periodsPerYear <= 35) {
      return 2;
    }
    return periodsPerYear <= 70 ? 3 : 4;
  }
}
