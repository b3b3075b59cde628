package vn.truongso.gradebook.corrections;

import java.util.List;
import java.util.Map;
import vn.truongso.platform.AuthenticatedUser;

/**
 * The grade book's cells as the correction procedure sees them (DH-SD art. 5.2): what a cell holds,
 * whether typing into it is closed (so a correction is the only way), and the one write that passes
 * a closed cell, made once a request has been approved and carried out.
 *
 * <p>A subject's cells are named by their column (TX1…TX4, GK, CK, RETEST); the homeroom teacher's
 * ({@code subject} null) by HK1, HK2, CN, HE for conduct and P (excused) or K (unexcused) for the
 * term's absences.
 */
public interface Marks {

  /** One cell of a class's book. */
  record CellRef(String subject, int term, long studentId, String slot) {}

  /** A class's cells of one subject (or the homeroom teacher's) and term, for a request form. */
  record Grid(
      long classId,
      String className,
      int grade,
      int startYear,
      String subject,
      String subjectName,
      int term,
      List<String> slots,
      List<Row> rows,
      boolean mayFile) {}

  record Row(long studentId, String name, Map<String, Shown> cells) {}

  /** A cell as shown: its text in the book's notation and whether typing into it is closed. */
  record Shown(String text, boolean closed) {}

  /**
   * A cell as stored, read for update: {@code stamp} changes whenever the stored value does, so a
   * request can tell that its cell was changed after it was filed.
   */
  record Stored(String text, String stamp, boolean closed, String studentName) {}

  /** The class's cells for the user who files (the assigned teacher) or reviews a request. */
  Grid grid(long schoolId, long classId, String subject, int term);

  /** Whether the user is the teacher who enters these cells (and so may ask to correct them). */
  boolean mayFile(long schoolId, long classId, String subject);

  /** The cell as stored now, locked until the caller's transaction ends. */
  Stored stored(long schoolId, long classId, CellRef cell);

  /** What {@code typed} means in the cell, in the book's notation; refused when not allowed. */
  String normalise(long schoolId, long classId, CellRef cell, String typed);

  /** A cell to correct: the stamp it held when the request was filed, and its new text. */
  record Correction(CellRef cell, String stamp, String text) {}

  /**
   * Writes the corrected values of a request, whatever locks and deadlines say: the caller has an
   * approved request carried out by the teacher and the data administrator. Each is audited with
   * the request's number; stored results of approved periods are recomputed once, in the same
   * transaction.
   *
   * @throws IllegalStateException when a cell no longer holds its stamp
   */
  void correct(
      AuthenticatedUser user, long schoolId, long classId, List<Correction> cells, long requestId);
}
