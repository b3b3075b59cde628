package vn.truongso.people.internal;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.people.People.Origin;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;

/**
 * Owns a student's move between schools on TruongSo: the {@code moved_from_*} / {@code moved_to_*}
 * columns of {@code student}, and the copies of the profile, the {@code student_photo} and (through
 * {@link GuardianCopies}) the guardians that the receiving school gets. The old record stays for
 * the old school's books and points to the new one.
 */
@Component
class StudentMoves {

  private final JdbcClient jdbc;
  private final AuditLog audit;

  StudentMoves(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  long moveToSchool(long fromSchoolId, long studentId, long toSchoolId) {
    long id = copyProfile(fromSchoolId, studentId, toSchoolId);
    jdbc.sql(
            "UPDATE student SET moved_to_school_id = ?, moved_to_student_id = ?"
                + " WHERE school_id = ? AND id = ?")
        .params(toSchoolId, id, fromSchoolId, studentId)
        .update();
    // The unique personal ID and student code pass to the new record once the old one points on.
    jdbc.sql(
            """
            UPDATE student n SET personal_id = o.personal_id, student_code = o.student_code
            FROM student o WHERE o.school_id = ? AND o.id = ? AND n.school_id = ? AND n.id = ?
            """)
        .params(fromSchoolId, studentId, toSchoolId, id)
        .update();
    jdbc.sql(
            """
            INSERT INTO student_photo (school_id, student_id, content_type, bytes, sha256, uploaded_at)
            SELECT ?, ?, content_type, bytes, sha256, uploaded_at FROM student_photo
            WHERE school_id = ? AND student_id = ?
            """)
        .params(toSchoolId, id, fromSchoolId, studentId)
        .update();
    // The receiving school gets its own copies of the guardians' records, as it gets the profile.
    GuardianCopies.copy(jdbc, fromSchoolId, studentId, toSchoolId, id);
    audit.record(
        AuditEvent.of(toSchoolId, "people.student.movedIn", "student", id)
            .after(Map.of("fromSchoolId", fromSchoolId, "fromStudentId", studentId)));
    audit.record(
        AuditEvent.of(fromSchoolId, "people.student.movedOut", "student", studentId)
            .after(Map.of("toSchoolId", toSchoolId, "toStudentId", id)));
    return id;
  }

  /** The new record, without the IDs yet: the old record still holds them. */
  private long copyProfile(long fromSchoolId, long studentId, long toSchoolId) {
    return jdbc.sql(
            """
            INSERT INTO student (school_id, family_name, middle_name, given_name, birth_date, sex,
              ethnicity_code, religion_code, nationality, place_of_birth, home_town,
              permanent_ward_code, permanent_address, current_ward_code, current_address,
              policy_status, disability, health_insurance_no, moved_from_school_id,
              moved_from_student_id)
            SELECT ?, family_name, middle_name, given_name, birth_date, sex, ethnicity_code,
              religion_code, nationality, place_of_birth, home_town, permanent_ward_code,
              permanent_address, current_ward_code, current_address, policy_status, disability,
              health_insurance_no, school_id, id
            FROM student WHERE school_id = ? AND id = ? AND moved_to_student_id IS NULL
            RETURNING id
            """)
        .params(toSchoolId, fromSchoolId, studentId)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("student"));
  }

  Optional<Origin> origin(long schoolId, long studentId) {
    return jdbc.sql(
            "SELECT moved_from_school_id, moved_from_student_id FROM student"
                + " WHERE school_id = ? AND id = ? AND moved_from_student_id IS NOT NULL")
        .params(schoolId, studentId)
        .query((rs, n) -> new Origin(rs.getLong(1), rs.getLong(2)))
        .optional();
  }
}
