package vn.truongso.enrolment.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/**
 * The year's classes, who was enrolled in each and when, and those students' particulars as the
 * register (sổ đăng bộ) keeps them, for the sealed archive.
 */
@Component
class EnrolmentYearRecords implements YearRecords {

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "enrolment.classes",
        "SELECT * FROM school_class WHERE school_id = :school AND start_year = :year ORDER BY id",
        "enrolment.enrolments",
        "SELECT x.* FROM enrolment x" + OF_YEAR_CLASSES + " ORDER BY x.id",
        "enrolment.students",
        "SELECT s.id, s.student_code, s.family_name, s.middle_name, s.given_name, s.birth_date,"
            + " s.sex, s.ethnicity_code, s.personal_id FROM student s"
            + " WHERE s.school_id = :school AND s.id IN (SELECT x.student_id FROM enrolment x"
            + OF_YEAR_CLASSES
            + ") ORDER BY s.id",
        "enrolment.register",
        "SELECT r.* FROM register_entry r WHERE r.school_id = :school AND r.student_id IN"
            + " (SELECT x.student_id FROM enrolment x"
            + OF_YEAR_CLASSES
            + ") ORDER BY r.register_no");
  }
}
