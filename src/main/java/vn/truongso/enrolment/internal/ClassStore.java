package vn.truongso.enrolment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.enrolment.AgeBand;
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.Classes.NewClass;
import vn.truongso.enrolment.Classes.SchoolClass;
import vn.truongso.enrolment.Classes.Shift;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.ScopeDirectory.Option;
import vn.truongso.platform.UserInputException;

/**
 * The {@code school_class} table: opening a class, reading classes with their homeroom teacher and
 * today's size, and who is in which class on a given day (read from {@code enrolment}, which {@link
 * EnrolmentStore} writes). Also the class pickers and checks that identity reaches through {@code
 * ScopeDirectory}.
 */
@Repository
class ClassStore {

  private static final String CLASS_SELECT =
      """
      SELECT c.*, (st.family_name || ' ' || st.middle_name || ' ' || st.given_name) AS homeroom_name,
             (SELECT count(*) FROM enrolment e WHERE e.school_id = c.school_id AND e.class_id = c.id
                AND e.starts_on <= :on AND (e.ends_on IS NULL OR e.ends_on >= :on)) AS size
      FROM school_class c
      LEFT JOIN staff st ON st.school_id = c.school_id AND st.id = c.homeroom_staff_id
      """;

  /** Grades 1–12 by number; kindergarten groups by their youngest band, then their oldest. */
  static final String BY_AGE =
      "c.grade, array_position(ARRAY['NT_3_12','NT_12_24','NT_24_36','MG_3_4','MG_4_5','MG_5_6'],"
          + " c.age_from), array_position(ARRAY['NT_3_12','NT_12_24','NT_24_36','MG_3_4',"
          + "'MG_4_5','MG_5_6'], c.age_to), c.name";

  /** The enrolments of a school open on the day {@code :on}. */
  private static final String ENROLLED_ON =
      " FROM enrolment WHERE school_id = :school AND starts_on <= :on"
          + " AND (ends_on IS NULL OR ends_on >= :on)";

  private final JdbcClient jdbc;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;

  ClassStore(JdbcClient jdbc, People people, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  long createClass(long schoolId, NewClass c) {
    if (c.name() == null || c.name().isBlank() || c.name().length() > 30) {
      throw new UserInputException("name", "class.nameRequired");
    }
    if ((c.ageFrom() == null) != (c.ageTo() == null)
        || (c.ageFrom() != null && (c.grade() != 0 || c.ageFrom().compareTo(c.ageTo()) > 0))) {
      throw new UserInputException("ageFrom", "class.ageBandInvalid");
    }
    if (c.homeroomStaffId() != null && people.staff(schoolId, c.homeroomStaffId()).isEmpty()) {
      throw new UserInputException("homeroomStaffId", "class.homeroomUnknown");
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO school_class (school_id, start_year, grade, name, homeroom_staff_id, room, shift,
                  age_from, age_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                c.startYear(),
                c.grade(),
                c.name().strip(),
                c.homeroomStaffId(),
                c.room(),
                c.shift() == null ? null : c.shift().name(),
                c.ageFrom() == null ? null : c.ageFrom().name(),
                c.ageTo() == null ? null : c.ageTo().name())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "enrolment.class.create", "school_class", id).after(c));
    return id;
  }

  Optional<SchoolClass> schoolClass(long schoolId, long classId) {
    return classesWhere(schoolId, "c.id = :value", classId).optional();
  }

  List<SchoolClass> classes(long schoolId, int startYear) {
    return classesWhere(schoolId, "c.start_year = :value ORDER BY " + BY_AGE, startYear).list();
  }

  /** The school's classes matching {@code filter}, which compares a column with {@code :value}. */
  private JdbcClient.MappedQuerySpec<SchoolClass> classesWhere(
      long schoolId, String filter, Object value) {
    return jdbc.sql(CLASS_SELECT + " WHERE c.school_id = :school AND " + filter)
        .param("school", schoolId)
        .param("value", value)
        .param("on", LocalDate.now(clock))
        .query(ClassStore::map);
  }

  List<People.Student> roster(long schoolId, long classId, LocalDate on) {
    List<Long> ids = enrolledOn("student_id", " AND class_id = :id", schoolId, classId, on).list();
    return ids.isEmpty() ? List.of() : people.students(schoolId, ids);
  }

  List<Classes.Leaver> leavers(long schoolId, long classId, LocalDate until) {
    java.util.Map<Long, Left> byStudent = new java.util.HashMap<>();
    jdbc.sql(
            """
            SELECT e.student_id, e.ends_on + 1, e.end_reason FROM enrolment e
            WHERE e.school_id = :school AND e.class_id = :id
              AND e.end_reason IN ('TRANSFER_OUT', 'DROP_OUT') AND e.ends_on < :until
              AND NOT EXISTS (SELECT 1 FROM enrolment b WHERE b.school_id = e.school_id
                AND b.class_id = e.class_id AND b.student_id = e.student_id
                AND b.starts_on <= :until AND (b.ends_on IS NULL OR b.ends_on >= :until))
            ORDER BY e.ends_on
            """)
        .param("school", schoolId)
        .param("id", classId)
        .param("until", until)
        .query(
            rs -> {
              // the last time they left counts (a drop-out who came back and left again)
              long id = rs.getLong(1);
              byStudent.put(id, new Left(rs.getObject(2, LocalDate.class), rs.getString(3)));
            });
    if (byStudent.isEmpty()) {
      return List.of();
    }
    return people.students(schoolId, List.copyOf(byStudent.keySet())).stream()
        .map(
            s -> {
              Left l = byStudent.get(s.id());
              return new Classes.Leaver(s, l.on(), l.reason());
            })
        .toList();
  }

  private record Left(LocalDate on, String reason) {}

  Optional<Long> classOf(long schoolId, long studentId, LocalDate on) {
    return enrolledOn(
            "class_id",
            " AND student_id = :id ORDER BY starts_on DESC LIMIT 1",
            schoolId,
            studentId,
            on)
        .optional();
  }

  /** One column of the enrolments open on the day, for the class or student {@code :id}. */
  private JdbcClient.MappedQuerySpec<Long> enrolledOn(
      String column, String tail, long schoolId, long id, LocalDate on) {
    return jdbc.sql("SELECT " + column + ENROLLED_ON + tail)
        .param("school", schoolId)
        .param("on", on)
        .param("id", id)
        .query(Long.class);
  }

  int countStudents(long schoolId, int startYear, LocalDate on) {
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

  List<Option> classOptions(long schoolId, int startYear) {
    return classes(schoolId, startYear).stream()
        .map(c -> new Option(Long.toString(c.id()), c.name()))
        .toList();
  }

  boolean classBelongs(long schoolId, long classId, Integer startYear) {
    return schoolClass(schoolId, classId)
        .filter(c -> startYear == null || c.startYear() == startYear)
        .isPresent();
  }

  boolean studentBelongs(long schoolId, long studentId) {
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
        rs.getInt("size"),
        band(rs.getString("age_from")),
        band(rs.getString("age_to")));
  }

  private static AgeBand band(String code) {
    return code == null ? null : AgeBand.valueOf(code);
  }
}
