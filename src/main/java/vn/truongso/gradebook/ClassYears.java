package vn.truongso.gradebook;

import java.util.List;
import java.util.Map;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.YearResult;

/**
 * A class's school year as its class book computes it from the stored marks: what the official
 * books (the học bạ, the printed class book) write down. Read only; the caller's right to see the
 * class book is checked here.
 */
public interface ClassYears {

  /**
   * @throws org.springframework.security.access.AccessDeniedException when the signed-in user may
   *     not see the class's book (those who view it, and its subject teachers, who sign it)
   * @throws vn.truongso.platform.NotFoundException when the school has no such class
   */
  ClassYear of(long schoolId, long classId);

  /**
   * The marks behind the year, column by column as the printed class book writes them (TX1–TX4, GK,
   * CK of each term; the summer re-assessment on term II), each term's subject results and learning
   * level as far as the book has them, and each term's absences as the homeroom teacher entered
   * them. Same right and exceptions as {@link #of}.
   */
  Sheets sheets(long schoolId, long classId);

  /**
   * {@code columns}: subject code → the columns of one term, in the book's order (none for a class
   * no circular assesses here).
   */
  record Sheets(
      Map<String, List<Slot>> columns,
      List<Cell> cells,
      List<TermResults> terms,
      List<Absences> absences) {}

  /** One cell; {@code absent}: the student missed the test and makes it up ({@code mark} null). */
  record Cell(String subject, int term, long studentId, Slot slot, Mark mark, boolean absent) {}

  /**
   * A student's term: each subject's average or result once its marks are complete (an exempt
   * subject has none), and the learning level once every subject has one.
   */
  record TermResults(long studentId, int term, Map<String, Mark> subjects, Level learning) {}

  /** Sessions missed in a term, excused (có phép) and not (không phép). */
  record Absences(long studentId, int term, int excused, int unexcused) {}

  /**
   * {@code policy} is null for a class no circular assesses here (primary, kindergarten); {@code
   * yearApproved} once the principal approved the year's results; {@code leavers} the students who
   * left the school from the class during the year, whose values stop on the day they left ({@link
   * #sheets} holds their terms too).
   */
  record ClassYear(
      long schoolId,
      long classId,
      String className,
      String homeroomTeacher,
      int grade,
      int startYear,
      PolicyCode policy,
      boolean yearApproved,
      List<Subject> subjects,
      List<StudentYear> students,
      List<Leaver> leavers) {}

  /**
   * A student who left: {@code year} as far as the book had it ({@code year.year()} null unless the
   * year was complete), {@code reason} {@code TRANSFER_OUT} or {@code DROP_OUT}.
   */
  record Leaver(StudentYear year, java.time.LocalDate leftOn, String reason) {}

  record Subject(String code, String name, SubjectKind kind) {}

  /**
   * One student's year: {@code year} null while the book still lacks something; {@code conduct} the
   * homeroom teacher's levels by period; {@code exemptions} the exempt subjects and for which
   * period.
   */
  record StudentYear(
      long studentId,
      YearResult year,
      Map<Period, Level> conduct,
      int absentSessions,
      Map<String, Period> exemptions) {}
}
