package vn.truongso.records.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.gradebook.ClassYears;
import vn.truongso.org.School;
import vn.truongso.records.internal.StudentYearRecord.Departure;
import vn.truongso.records.internal.StudentYearRecord.Results;
import vn.truongso.records.internal.StudentYearRecord.Subject;

/**
 * The year of a student who left the school during it, as far as the class book had it on the day
 * they left: each subject's term results where complete, the terms' levels, conduct and absences;
 * no year result, promotion or title unless the year was complete (the school hands over a học bạ
 * that stops there: DH-DK "in khi … học sinh chuyển trường hoặc thôi học").
 */
final class LeaverYears {

  private final ClassYears.ClassYear classYear;
  private final School school;
  private final Map<String, String> names;
  private final Map<String, ClassYears.TermResults> terms = new HashMap<>();

  LeaverYears(
      ClassYears.ClassYear classYear,
      School school,
      Map<String, String> names,
      ClassYears.Sheets sheets) {
    this.classYear = classYear;
    this.school = school;
    this.names = names;
    sheets.terms().forEach(t -> terms.put(t.studentId() + "/" + t.term(), t));
  }

  StudentYearRecord.Year year(ClassYears.Leaver l) {
    Departure left = new Departure(l.leftOn(), "TRANSFER_OUT".equals(l.reason()));
    ClassYears.StudentYear s = l.year();
    if (s.year() != null) {
      return HocBaRecords.year(classYear, school, s, s.year(), names, left);
    }
    ClassYears.@Nullable TermResults t1 = terms.get(s.studentId() + "/1");
    ClassYears.@Nullable TermResults t2 = terms.get(s.studentId() + "/2");
    List<Subject> subjects = new ArrayList<>();
    for (ClassYears.Subject sub : classYear.subjects()) {
      subjects.add(
          new Subject(
              sub.code(),
              sub.name(),
              sub.kind(),
              t1 == null ? null : t1.subjects().get(sub.code()),
              t2 == null ? null : t2.subjects().get(sub.code()),
              null,
              null,
              s.exemptions().get(sub.code())));
    }
    Map<Period, Level> conduct = s.conduct();
    return new StudentYearRecord.Year(
        classYear.startYear(),
        classYear.className(),
        classYear.homeroomTeacher(),
        school.principalName(),
        classYear.policy(),
        subjects,
        new Results(
            t1 == null ? null : t1.learning(), t2 == null ? null : t2.learning(), null, null),
        new Results(conduct.get(Period.HK1), conduct.get(Period.HK2), null, null),
        s.absentSessions(),
        null,
        null,
        null,
        left);
  }
}
