package vn.truongso.gradebook;

import java.util.Map;

/**
 * The class book's absences as the daily roll counts them (TT22 art. 12 counts sessions, buổi): a
 * class that takes the roll has its term totals written here by the attendance module, replacing
 * the count the homeroom teacher would otherwise type. The grade book keeps the totals, its
 * controls and its log; the days stay with the roll.
 */
public interface RollAbsences {

  /**
   * Refuses, with the grade book's own reason, when the class book's absences of the term may not
   * change now: locked by the principal, past the year's cut-off, sealed, submitted or approved.
   * Call it inside the transaction that changes the roll, before writing.
   *
   * @throws vn.truongso.platform.UserInputException naming the lock, the date or the approval
   */
  void requireOpen(long schoolId, long classId, int term);

  /**
   * Writes the term's sessions absent of the class's students, with and without permission, as
   * counted from the roll by the account {@code changedBy}; a student the roll has no absence for
   * counts zero. Only the figures that change (or that were typed until now) are written, each
   * logged as the grade book's change.
   */
  void fromRoll(
      long schoolId, long classId, int term, Map<Long, Sessions> byStudent, long changedBy);

  /** Sessions absent with permission (P) and without (K). */
  record Sessions(int excused, int unexcused) {}
}
