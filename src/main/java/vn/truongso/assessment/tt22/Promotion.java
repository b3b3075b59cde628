package vn.truongso.assessment.tt22;

import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;

/**
 * TT22 art. 12–14. Promoted with year conduct and year learning Đạt or better and no more than 45
 * sessions absent (12.1); more than 45 sessions: not promoted. Year conduct Chưa đạt: summer
 * training (13). Conduct Đạt or better with learning Chưa đạt: summer re-assessment (14). Unlike
 * TT58, nobody is retained before the summer processes.
 */
final class Promotion {
  static final int ABSENCE_LIMIT = 45;

  private Promotion() {}

  /** The outcome at the end of the year, before any summer process. */
  static Outcome atYearEnd(Level conduct, Level learning, int absentSessions) {
    if (absentSessions > ABSENCE_LIMIT) {
      return Outcome.RETAINED;
    }
    if (conduct == Level.CHUA_DAT) {
      return Outcome.SUMMER_TRAINING;
    }
    return learning == Level.CHUA_DAT ? Outcome.RETEST : Outcome.PROMOTED;
  }

  /** After the summer conduct re-assessment (art. 13.3): what the student faces next. */
  static Outcome afterSummerTraining(
      Level summerConduct, Level learning, boolean reassessAfterSummerTraining) {
    if (summerConduct == Level.CHUA_DAT) {
      return Outcome.RETAINED;
    }
    if (learning != Level.CHUA_DAT) {
      return Outcome.PROMOTED;
    }
    // Art. 14 asks for year conduct Đạt or better; whether the re-assessed conduct counts is open.
    return reassessAfterSummerTraining ? Outcome.RETEST : Outcome.RETAINED;
  }

  /** After the subjects' re-assessment (art. 14.2): the recomputed learning level decides. */
  static Outcome afterRetest(Level learningAfterRetest) {
    return learningAfterRetest == Level.CHUA_DAT ? Outcome.RETAINED : Outcome.PROMOTED;
  }
}
