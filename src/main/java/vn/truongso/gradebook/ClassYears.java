package vn.truongso.gradebook;

import java.util.List;
import java.util.Map;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.PolicyCode;
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
   *     not see the class's book
   * @throws vn.truongso.platform.NotFoundException when the school has no such class
   */
  ClassYear of(long schoolId, long classId);

  /**
   * {@code policy} is null for a class no circular assesses here (primary, kindergarten); {@code
   * yearApproved} once the principal approved the year's results.
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
      List<StudentYear> students) {}

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
