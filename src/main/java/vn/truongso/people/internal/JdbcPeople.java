package vn.truongso.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.UserInputException;

@Service
@Transactional
class JdbcPeople implements People {

  // Lists of people sort by given name, middle name, family name (the database collates in ICU vi).
  private static final String NAME_ORDER =
      " ORDER BY s.given_name, s.middle_name, s.family_name, s.id";

  private final JdbcClient jdbc;
  private final AuditLog audit;

  JdbcPeople(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  public long addStudent(long schoolId, NewStudent s) {
    requireName(s.name());
    if (s.personalId() != null) {
      PersonalId.problem(s.personalId(), s.birthDate(), s.sex())
          .ifPresent(
              key -> {
                throw new UserInputException("personalId", key);
              });
      if (jdbc.sql("SELECT count(*) FROM student WHERE personal_id = ?")
              .param(s.personalId())
              .query(Integer.class)
              .single()
          > 0) {
        throw new UserInputException("personalId", "personalId.taken");
      }
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO student (school_id, family_name, middle_name, given_name, birth_date, sex,
                                     ethnicity_code, personal_id, student_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                s.name().family(),
                s.name().middle(),
                s.name().given(),
                s.birthDate(),
                s.sex().name(),
                s.ethnicityCode(),
                s.personalId(),
                s.studentCode())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "people.student.create", "student", id).after(s));
    return id;
  }

  @Override
  public long addStaff(long schoolId, NewStaff s) {
    requireName(s.name());
    long id =
        jdbc.sql(
                """
                INSERT INTO staff (school_id, family_name, middle_name, given_name, birth_date, sex,
                  ethnicity_code, personal_id, phone, email, position, subject_group, main_subject)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                s.name().family(),
                s.name().middle(),
                s.name().given(),
                s.birthDate(),
                s.sex().name(),
                s.ethnicityCode(),
                s.personalId(),
                s.phone(),
                s.email(),
                s.position(),
                s.subjectGroup(),
                s.mainSubject())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "people.staff.create", "staff", id).after(s));
    return id;
  }

  @Override
  public long addGuardian(NewGuardian g) {
    long id =
        jdbc.sql(
                "INSERT INTO guardian (full_name, birth_year, occupation, phone, personal_id)"
                    + " VALUES (?, ?, ?, ?, ?) RETURNING id")
            .params(g.fullName(), g.birthYear(), g.occupation(), g.phone(), g.personalId())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(null, "people.guardian.create", "guardian", id).after(g));
    return id;
  }

  @Override
  public void linkGuardian(long schoolId, long studentId, long guardianId, Relation relation) {
    jdbc.sql(
            "INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES (?, ?, ?, ?)")
        .params(schoolId, studentId, guardianId, relation.name())
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.guardian.link", "student", studentId)
            .after(Map.of("guardianId", guardianId, "relation", relation.name())));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Student> student(long schoolId, long studentId) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND s.id = ?")
        .params(schoolId, studentId)
        .query(JdbcPeople::mapStudent)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Student> students(long schoolId, Collection<Long> ids) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND s.id = ANY(?)" + NAME_ORDER)
        .params(schoolId, ids.toArray(Long[]::new))
        .query(JdbcPeople::mapStudent)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StaffMember> staff(long schoolId, long staffId) {
    return jdbc.sql("SELECT * FROM staff s WHERE s.school_id = ? AND s.id = ?")
        .params(schoolId, staffId)
        .query(JdbcPeople::mapStaff)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<StaffMember> staffOf(long schoolId) {
    return jdbc.sql("SELECT * FROM staff s WHERE s.school_id = ?" + NAME_ORDER)
        .param(schoolId)
        .query(JdbcPeople::mapStaff)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public int countStaff(long schoolId) {
    return jdbc.sql("SELECT count(*) FROM staff WHERE school_id = ?")
        .param(schoolId)
        .query(Integer.class)
        .single();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Guardian> guardiansOf(long schoolId, long studentId) {
    return jdbc.sql(
            """
            SELECT g.*, sg.relation FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
            WHERE sg.school_id = ? AND sg.student_id = ? ORDER BY sg.relation
            """)
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new Guardian(
                    rs.getLong("id"),
                    rs.getString("full_name"),
                    rs.getObject("birth_year", Integer.class),
                    rs.getString("occupation"),
                    rs.getString("phone"),
                    Relation.valueOf(rs.getString("relation"))))
        .list();
  }

  private static final String STUDENT_SELECT =
      "SELECT s.*, e.short_name AS ethnicity_name FROM student s JOIN ethnic_group e ON e.code = s.ethnicity_code";

  private static void requireName(PersonName name) {
    if (name.given().isEmpty() || name.full().length() > 100) {
      throw new UserInputException("name", "person.nameRequired");
    }
  }

  private static PersonName name(ResultSet rs) throws SQLException {
    return new PersonName(
        rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"));
  }

  private static Student mapStudent(ResultSet rs, int n) throws SQLException {
    return new Student(
        rs.getLong("school_id"),
        rs.getLong("id"),
        name(rs),
        rs.getObject("birth_date", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("ethnicity_code"),
        rs.getString("ethnicity_name"),
        rs.getString("personal_id"),
        rs.getString("student_code"));
  }

  private static StaffMember mapStaff(ResultSet rs, int n) throws SQLException {
    return new StaffMember(
        rs.getLong("school_id"),
        rs.getLong("id"),
        name(rs),
        rs.getObject("birth_date", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("position"),
        rs.getString("subject_group"),
        rs.getString("main_subject"),
        rs.getString("phone"),
        rs.getString("email"));
  }
}
