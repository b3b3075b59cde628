package vn.truongso.gradebook;

import java.time.Instant;
import java.util.List;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;

/**
 * A past school year brought into the grade book as it was approved in the school's previous books:
 * the earlier years of a level, which the học bạ accumulates (BA-HBS), and the demo's last year. A
 * deployment door, not a page's: the caller (the demo, a migration run by the operator) is not a
 * signed-in user, so only a year before the school's current one is taken, only into a class with
 * nothing entered yet, and the whole year is taken or nothing.
 */
public interface FinishedYears {

  /** The subjects the class's book keeps and the columns each has in a term. */
  List<Sheet> sheets(long schoolId, long classId);

  /**
   * Writes the year's marks, conduct and absences as {@code year.enteredBy} entered them (the
   * marks' history names them, read from a file), then both periods as submitted by them and
   * approved by {@code year.approvedBy} at {@code year.approvedAt}, with the results the class's
   * circular computes. Answers how many results were stored.
   *
   * @throws vn.truongso.platform.UserInputException when the year is the current one or later, the
   *     class already has entries, a value is incomplete or leaves the principal a decision
   */
  int bringIn(long schoolId, long classId, Year year);

  record Sheet(String subject, SubjectKind kind, List<Slot> columns) {}

  record Year(
      List<Cell> cells,
      List<Conduct> conduct,
      List<Absences> absences,
      long enteredBy,
      String enteredByName,
      long approvedBy,
      Instant approvedAt) {}

  record Cell(long studentId, String subject, int term, Slot slot, Mark mark) {}

  record Conduct(long studentId, Period period, Level level) {}

  record Absences(long studentId, int term, int excused, int unexcused) {}
}
