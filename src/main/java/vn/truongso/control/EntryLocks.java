package vn.truongso.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import vn.truongso.assessment.Slot;
import vn.truongso.platform.AuthenticatedUser;

/**
 * Locks on the grade book. The principal locks and opens at any scope with a reason, effective for
 * everyone at once; the data administrator may do so only citing the principal's instruction. Every
 * save asks the {@link EntryGate}, which weighs the locks {@link #touching} its cell, in its own
 * transaction.
 */
public interface EntryLocks {

  /** Where a lock applies; null dimensions are "every". */
  record Scope(Integer term, Integer grade, Long classId, String subject, String slot) {
    public static final Scope YEAR = new Scope(null, null, null, null, null);
  }

  /** A lock (or an opening inside a wider lock) in force. */
  record Lock(
      long id,
      boolean opens,
      Scope scope,
      String reason,
      String instruction,
      long lockedBy,
      String lockedByName,
      Instant lockedAt) {}

  /** The assessment columns a lock can name (TT22 art. 6–7; re-tests art. 12). */
  List<String> SLOTS = Arrays.stream(Slot.values()).map(Slot::name).toList();

  /**
   * The locks and openings in force that can touch a class's cells of one term and subject ({@code
   * subject} null: the homeroom teacher's conduct and absences), narrowed so that a save weighs
   * only the few that matter however many are in force; read in the caller's transaction.
   */
  List<Lock> touching(
      long schoolId, int startYear, int grade, long classId, int term, String subject);

  /** Every lock and opening in force in the school year, newest first. */
  List<Lock> inForce(long schoolId, int startYear);

  /**
   * The same, for work that runs without a user (a listener refreshing stored figures after a
   * commit): no permission is asked, so the caller shows what it derives only to those who may see
   * the school's locks.
   */
  List<Lock> inForceForBackgroundWork(long schoolId, int startYear);

  /** Whether the user may lock and open: the principal, or the data administrator (instructed). */
  boolean mayLock(long schoolId);

  /**
   * Locks ({@code opens} false) or opens a scope of the school year. {@code instruction}: the
   * principal's written instruction, required from anyone but the principal.
   */
  long lock(
      AuthenticatedUser user,
      long schoolId,
      int startYear,
      Scope scope,
      boolean opens,
      String reason,
      String instruction);

  /**
   * Locks the column of a mark just corrected (DH-SD art. 5.2: "Sau khi giáo viên sửa điểm xong thì
   * phải khóa điểm ngay"), in the correction's transaction, in the name of the data administrator
   * who carried it out: the corrections procedure has checked who may.
   */
  long lockCorrected(
      AuthenticatedUser user, long schoolId, int startYear, Scope column, String reason);

  /** Lifts a lock or an opening, with a reason; the row stays as history. */
  void lift(AuthenticatedUser user, long schoolId, long lockId, String reason);
}
