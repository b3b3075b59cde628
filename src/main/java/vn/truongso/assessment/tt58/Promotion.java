package vn.truongso.assessment.tt58;

import static vn.truongso.assessment.Level.KEM;
import static vn.truongso.assessment.Level.YEU;

import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;

/**
 * TT58 art. 15–17. Promoted with conduct and learning Trung bình or better and no more than 45
 * sessions absent. Retained outright: more than 45 sessions, learning Kém, or learning and conduct
 * both Yếu. Learning Yếu with conduct Tb or better: re-test (16). Conduct Yếu with learning Tb or
 * better: summer training (17).
 */
final class Promotion {
  static final int ABSENCE_LIMIT = 45;

  private Promotion() {}

  static Outcome atYearEnd(Level conduct, Level learning, int absentSessions) {
    if (absentSessions > ABSENCE_LIMIT || learning == KEM || (learning == YEU && conduct == YEU)) {
      return Outcome.RETAINED;
    }
    if (learning == YEU) {
      return Outcome.RETEST;
    }
    return conduct == YEU ? Outcome.SUMMER_TRAINING : Outcome.PROMOTED;
  }

  /** Art. 16.2, 17.3: the re-classified level decides, Trung bình or better. */
  static Outcome afterSummer(Level reclassified) {
    return reclassified == YEU || reclassified == KEM ? Outcome.RETAINED : Outcome.PROMOTED;
  }
}
