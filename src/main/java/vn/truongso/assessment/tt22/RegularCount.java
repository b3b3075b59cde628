package vn.truongso.assessment.tt22;

import vn.truongso.assessment.SubjectKind;

/**
 * TT22 art. 6.2: regular assessments recorded each term. Comment subjects (and learning topics): 2.
 * Scored subjects by periods a year: 35 → 2; over 35 up to 70 → 3; over 70 → 4.
 */
final class RegularCount {
  private RegularCount() {}

  static int required(SubjectKind kind, int periodsPerYear) {
    if (kind == SubjectKind.COMMENT) {
      return 2;
    }
    if (periodsPerYear <= 35) {
      return 2;
    }
    return periodsPerYear <= 70 ? 3 : 4;
  }
}
