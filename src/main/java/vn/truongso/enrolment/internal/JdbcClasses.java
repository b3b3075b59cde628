package vn.truongso.enrolment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.UserInputException;

@Service
@Transactional
class JdbcClasses implements Classes, ScopeDirectory {

  private static final String CLASS_SELECT =
      """
      SELECT c.*, (st.family_name || ' ' || st.middle_name || ' ' || st.given_name) AS homeroom_name,
             (SELECT count(*) FROM enrolment e WHERE e.school_id = c.school_id AND e.class_id = c.id
                AND e.starts_on <= :on AND (e.ends_on IS NULL OR e.ends_on >= :on)) AS size
      FROM school_class c
      LEFT JOIN staff st ON st.school_id = c.school_id AND st.id = c.homeroom_staff_id
      """;

  private final JdbcClient jdbc;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;

  JdbcClasses(JdbcClient jdbc, People people, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public long createClass(long schoolId, NewClass c) {
    if (c.name() == null || c.name().isBlank() || c.name().length() > 30) {
      throw new UserInputException("name", "class.nameRequired");
    }
    if (c.homeroomStaffId() != null && people.staff(schoolId, c.homeroomStaffId()).isEmpty()) {
      throw new UserInputException("homeroomStaffId", "class.homeroomUnknown");
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO school_class (school_id, start_year, grade, name, homeroom_staff_id, room, shift)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                c.startYear(),
                c.grade(),
                c.name().strip(),
                c.homeroomStaffId(),
                c.room(),
                c.shift() == null ? null : c.shift().name())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "enrolment.class.create", "school_class", id).after(c));
    return id;
  }

  @Override
  public void enrol(long schoolId, long classId, long studentId, LocalDate from) {
    if (schoolClass(schoolId, classId).isEmpty() || people.student(schoolId, studentId).isEmpty()) {
      throw new UserInputException("classId", "class.unknown");
    }
    if (classOf(schoolId, studentId, from).isPresent()) {
      throw new UserInputException("studentId", "enrolment.alreadyEnrolled");
    }
    long id =
        jdbc.sql(
                "INSERT INTO enrolment (school_id, class_id, student_id, starts_on) VALUES (?, ?, ?, ?) RETURNING id")
            .params(schoolId, classId, studentId, from)
            .query(Long.class)
            .single();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.enrol", "enrolment", id)
            .after(
                java.util.Map.of(
                    "classId", classId, "studentId", studentId, "from", from.toString())));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SchoolClass> schoolClass(long schoolId, long classId) {
    return jdbc.sql(CLASS_SELECT + " WHERE c.school_id = :school AND c.id = :id")
        .param("school", schoolId)
        .param("id", classId)
        .param("on", LocalDate.now(clock))
        .query(JdbcClasses::map)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<SchoolClass> classes(long schoolId, int startYear) {
    return jdbc.sql(
            CLASS_SELECT
                + " WHERE c.school_id = :school AND c.start_year = :year ORDER BY c.grade, c.name")
        .param("school", schoolId)
        .param("year", startYear)
        .param("on", LocalDate.now(clock))
        .query(JdbcClasses::map)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<People.Student> roster(long schoolId, long classId, LocalDate on) {
    List<Long> ids =
        jdbc.sql(
                "SELECT student_id FROM enrolment WHERE school_id = ? AND class_id = ? AND starts_on <= ?"
                    + " AND (ends_on IS NULL OR ends_on >= ?)")
            .params(schoolId, classId, on, on)
            .query(Long.class)
            .list();
    return ids.isEmpty() ? List.of() : people.students(schoolId, ids);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> classOf(long schoolId, long studentId, LocalDate on) {
    return jdbc.sql(
            "SELECT class_id FROM enrolment WHERE school_id = ? AND student_id = ? AND starts_on <= ?"
                + " AND (ends_on IS NULL OR ends_on >= ?) ORDER BY starts_on DESC LIMIT 1")
        .params(schoolId, studentId, on, on)
        .query(Long.class)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public int countStudents(long schoolId, int startYear, LocalDate on) {
    return jdbc.sql(
            """
            SELECT count(DISTINCT e.student_id) FROM enrolment e
            JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
            WHERE e.school_id = ? AND c.start_year = ? AND e.starts_on <= ? AND (e.ends_on IS NULL OR e.ends_on >= ?)
            """)
        .params(schoolId, startYear, on, on)
        .query(Integer.class)
        .single();
  }

  // ---- ScopeDirectory: classes and students for role pickers in identity

  @Override
  @Transactional(readOnly = true)
  public List<Option> classOptions(long schoolId, int startYear) {
    return classes(schoolId, startYear).stream()
        .map(c -> new Option(Long.toString(c.id()), c.name()))
        .toList();
  }

  @Override
  public List<Option> subjectOptions(long schoolId) {
    return List.of();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean classBelongs(long schoolId, long classId, Integer startYear) {
    return schoolClass(schoolId, classId)
        .filter(c -> startYear == null || c.startYear() == startYear)
        .isPresent();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean studentBelongs(long schoolId, long studentId) {
    return people.student(schoolId, studentId).isPresent();
  }

  private static SchoolClass map(ResultSet rs, int n) throws SQLException {
    String shift = rs.getString("shift");
    String homeroom = rs.getString("homeroom_name");
    return new SchoolClass(
        rs.getLong("school_id"),
        rs.getLong("id"),
        rs.getInt("start_year"),
        rs.getInt("grade"),
        rs.getString("name"),
        rs.getObject("homeroom_staff_id", Long.class),
        homeroom == null ? null : homeroom.replaceAll("\\s+", " "),
        rs.getString("room"),
        shift == null ? null : Shift.valueOf(shift),
        rs.getInt("size"));
  }
}
