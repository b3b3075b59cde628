package vn.truongso.assessment.tt27;

import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PrimaryResult;

/**
 * TT27 art. 11 and 12.2: Hoàn thành xuất sắc, Hoàn thành tốt and Hoàn thành complete the grade's
 * programme and the student goes up. A student at Chưa hoàn thành is helped and takes a
 * supplementary assessment, after which the result is made again; still not complete, the principal
 * decides promotion or repeating. A student on an individual education plan (art. 10) is decided by
 * the principal too. No absence limit applies (unlike TT22).
 */
final class Completion {

  private Completion() {}

  static Outcome outcome(
      PrimaryResult result,
      boolean supplemented,
      boolean individualPlan,
      @Nullable Boolean principalPromotes) {
    if (principalPromotes != null && (individualPlan || (supplemented && !result.completes()))) {
      return principalPromotes ? Outcome.PROMOTED : Outcome.RETAINED;
    }
    if (individualPlan) {
      return Outcome.PRINCIPAL_DECIDES;
    }
    if (result.completes()) {
      return Outcome.PROMOTED;
    }
    return supplemented ? Outcome.PRINCIPAL_DECIDES : Outcome.RETEST;
  }
}
