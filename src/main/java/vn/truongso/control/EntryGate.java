package vn.truongso.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.truongso.control.internal.Refusals;
import vn.truongso.platform.UserInputException;

/**
 * Whether a grade-book cell may be typed into now: the principal's locks and openings first, then
 * the hard cut-off, then the column's entry window. A closed window locks by itself, at once, with
 * no job to run. Saves ask {@link #requireOpen} inside their own transaction.
 */
public interface EntryGate {

  /**
   * A cell as the gate sees it; {@code subject} and {@code slot} are null for the homeroom
   * teacher's conduct and absences of a term, {@code slot} is {@code HE} for the summer's conduct.
   */
  record Cell(
      long schoolId,
      int startYear,
      int term,
      int grade,
      long classId,
      String subject,
      String slot) {}

  /**
   * One subject's sheet in one class and term: where the columns of {@link #columns} lie, each of
   * them a {@link Cell} of this sheet.
   */
  record Sheet(long schoolId, int startYear, int term, int grade, long classId, String subject) {

    public Cell cell(String slot) {
      return new Cell(schoolId, startYear, term, grade, classId, subject, slot);
    }
  }

  enum State {
    OPEN,
    /** locked by the principal (or on their instruction) */
    LOCKED,
    /** the column's window has passed */
    CLOSED,
    /** the school year's hard cut-off has passed */
    CUT_OFF,
    /** the principal has closed the school year for good */
    SEALED
  }

  /**
   * {@code lock}: the lock or opening that decided, if one did; {@code due} and {@code
   * closesAfter}: the column's deadline for the progress check and its last day (null: none; the
   * cut-off date once that has passed).
   */
  record Verdict(
      State state,
      EntryLocks.Lock lock,
      LocalDate due,
      LocalDate closesAfter,
      boolean unscheduled,
      YearSeals.Seal seal) {

    public boolean open() {
      return state == State.OPEN;
    }

    /** Whether the cell is open only because the principal opened it as an exception. */
    public boolean openedAsException() {
      return open() && lock != null && lock.opens();
    }
  }

  /** The verdict of each of a subject's columns in one class and term, for its sheet. */
  Map<String, Verdict> columns(Sheet sheet, List<String> slots);

  /**
   * The verdicts of several sheets of one school year (a family's page: every subject of both
   * terms), reading the year's seal, calendar and locks once rather than per sheet.
   */
  Map<Sheet, Map<String, Verdict>> columns(Map<Sheet, List<String>> sheets);

  /** The verdict of one cell (a page's view; a save calls {@link #requireOpen}). */
  Verdict verdict(Cell c, int regularColumns);

  /**
   * Refuses the save unless the cell is open, with a message naming who locked it, when and why, or
   * the deadline that passed. The school year's control row is share-locked first, so a lock being
   * set waits for the saves in flight and a save waits for a lock being set; the verdict is then
   * read after the lock has taken effect.
   */
  void requireOpen(Cell c, int regularColumns);

  /**
   * {@link #columns} inside a save of many cells (a sheet import): the control row is share-locked
   * first, as in {@link #requireOpen}.
   */
  Map<String, Verdict> columnsForSave(Sheet sheet, List<String> slots);

  /** {@link #verdict} inside a save's transaction, after share-locking the control row. */
  Verdict verdictForSave(Cell c, int regularColumns);

  /** Why a closed cell refuses a change: who locked it, when and why, or the date that passed. */
  static UserInputException refusal(Verdict v) {
    return Refusals.closed(v);
  }
}
