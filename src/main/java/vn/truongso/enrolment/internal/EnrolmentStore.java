package vn.truongso.enrolment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.enrolment.Classes.Movement;
import vn.truongso.enrolment.Classes.RegisterEntry;
import vn.truongso.enrolment.Classes.SchoolClass;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.UserInputException;

/**
 * The {@code enrolment} rows (which student is in which class from which day, and why it began and
 * ended) and the enrolment register ({@code register_entry}, sổ đăng bộ, numbered through {@code
 * register_counter}): enrolling, class changes, drop-outs and returns, transfers out. A movement
 * closes the open enrolment and opens another, never edits an older one, so any day's roster can be
 * reproduced.
 */
@Repository
class EnrolmentStore {

  private static final String REGISTER_SELECT =
      "SELECT register_no, student_id, enrolled_on, left_on, leaving_reason, leaving_note,"
          + " destination FROM register_entry WHERE school_id = ?";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final ClassStore classes;

  EnrolmentStore(JdbcClient jdbc, AuditLog audit, ClassStore classes) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.classes = classes;
  }

  /** A student's enrolment that has not ended. */
  record OpenEnrolment(long id, long classId, LocalDate startsOn) {}

  void enrol(long schoolId, long classId, long studentId, LocalDate from) {
    start(schoolId, classId, studentId, from, "ENROL", null);
  }

  void enrolTransferIn(
      long schoolId, long classId, long studentId, LocalDate from, String fromSchool) {
    start(schoolId, classId, studentId, from, "TRANSFER_IN", text(fromSchool, "fromSchool", 200));
  }

  void changeClass(long schoolId, long studentId, long toClassId, LocalDate on, String note) {
    OpenEnrolment current = current(schoolId, studentId, on);
    SchoolClass from = classes.schoolClass(schoolId, current.classId()).orElseThrow();
    SchoolClass to =
        classes
            .schoolClass(schoolId, toClassId)
            .orElseThrow(() -> new UserInputException("toClassId", "class.unknown"));
    if (to.id() == from.id() || to.startYear() != from.startYear()) {
      throw new UserInputException("toClassId", "movement.classSameYear");
    }
    String why = text(note, "note", 500);
    close(schoolId, current, on, "CLASS_CHANGE", why);
    start(schoolId, toClassId, studentId, on, "CLASS_CHANGE", why);
  }

  void dropOut(long schoolId, long studentId, LocalDate on, String reason) {
    String why = required(reason, "reason");
    leaveSchool(schoolId, studentId, on, "DROP_OUT", why, null);
  }

  void transferOut(long schoolId, long studentId, LocalDate on, String destination, String reason) {
    String to = required(destination, "destination");
    String why = required(reason, "reason");
    leaveSchool(schoolId, studentId, on, "TRANSFER_OUT", why, to);
  }

  /** Ends the student's enrolment the day before {@code on} and marks the register line left. */
  private void leaveSchool(
      long schoolId, long studentId, LocalDate on, String reason, String why, String destination) {
    close(schoolId, current(schoolId, studentId, on), on, reason, why);
    leave(schoolId, studentId, on, reason, why, destination);
  }

  void returnAfterDropOut(long schoolId, long studentId, long classId, LocalDate on) {
    RegisterEntry entry =
        registerEntry(schoolId, studentId)
            .orElseThrow(() -> new UserInputException("studentId", "movement.notDroppedOut"));
    if (!"DROP_OUT".equals(entry.leavingReason()) || on.isBefore(entry.leftOn())) {
      throw new UserInputException("studentId", "movement.notDroppedOut");
    }
    start(schoolId, classId, studentId, on, "RETURN", null);
    jdbc.sql(
            "UPDATE register_entry SET left_on = NULL, leaving_reason = NULL, leaving_note = NULL,"
                + " destination = NULL WHERE school_id = ? AND student_id = ?")
        .params(schoolId, studentId)
        .update();
  }

  List<Movement> history(long schoolId, long studentId) {
    return jdbc.sql(
            """
            SELECT e.class_id, c.name, c.start_year, e.starts_on, e.start_reason, e.ends_on,
                   e.end_reason, e.note
            FROM enrolment e JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
            WHERE e.school_id = ? AND e.student_id = ? ORDER BY e.starts_on, e.id
            """)
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new Movement(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  List<RegisterEntry> register(long schoolId) {
    return registerWhere(" ORDER BY register_no", schoolId).list();
  }

  Optional<RegisterEntry> registerEntry(long schoolId, long studentId) {
    return registerWhere(" AND student_id = ?", schoolId, studentId).optional();
  }

  /** Lines of the students whose first enrolment at the school is in a class of that year. */
  List<RegisterEntry> registerOfCohort(long schoolId, int startYear) {
    // the first enrolment gave the register number, so its class's year is the admission's
    return registerWhere(
            " AND (SELECT c.start_year FROM enrolment e JOIN school_class c"
                + " ON c.school_id = e.school_id AND c.id = e.class_id"
                + " WHERE e.school_id = register_entry.school_id"
                + " AND e.student_id = register_entry.student_id"
                + " ORDER BY e.starts_on, e.id LIMIT 1) = ? ORDER BY register_no",
            schoolId,
            startYear)
        .list();
  }

  /** Lines of the school's register; {@code tail} follows {@code WHERE school_id = ?}. */
  private JdbcClient.MappedQuerySpec<RegisterEntry> registerWhere(String tail, Object... params) {
    return jdbc.sql(REGISTER_SELECT + tail).params(params).query(EnrolmentStore::mapRegister);
  }

  private static RegisterEntry mapRegister(ResultSet rs, int n) throws SQLException {
    return new RegisterEntry(
        rs.getInt(1),
        rs.getLong(2),
        rs.getObject(3, LocalDate.class),
        rs.getObject(4, LocalDate.class),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }

  /** Opens an enrolment; the first one at the school also gives the register number. */
  void start(
      long schoolId, long classId, long studentId, LocalDate from, String reason, String note) {
    // Plain existence checks: the class query counts its roster, which an import of 2 000 rows
    // would otherwise do 2 000 times.
    boolean known =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM school_class WHERE school_id = ? AND id = ?)"
                    + " AND EXISTS (SELECT 1 FROM student WHERE school_id = ? AND id = ?)")
            .params(schoolId, classId, schoolId, studentId)
            .query(Boolean.class)
            .single();
    if (!known) {
      throw new UserInputException("classId", "class.unknown");
    }
    boolean enrolled =
        !jdbc.sql(
                "SELECT 1 FROM enrolment WHERE school_id = ? AND student_id = ?"
                    + " AND (ends_on IS NULL OR ends_on >= ?)")
            .params(schoolId, studentId, from)
            .query((rs, n) -> 1)
            .list()
            .isEmpty();
    if (enrolled) {
      throw new UserInputException("studentId", "enrolment.alreadyEnrolled");
    }
    long id =
        jdbc.sql(
                "INSERT INTO enrolment (school_id, class_id, student_id, starts_on, start_reason, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
            .params(schoolId, classId, studentId, from, reason, note)
            .query(Long.class)
            .single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("classId", classId);
    after.put("studentId", studentId);
    after.put("from", from.toString());
    after.put("reason", reason);
    if (registerEntry(schoolId, studentId).isEmpty()) {
      after.put("registerNo", newRegisterEntry(schoolId, studentId, from));
    }
    audit.record(
        AuditEvent.of(schoolId, "enrolment.start", "enrolment", id).after(after).because(note));
  }

  private int newRegisterEntry(long schoolId, long studentId, LocalDate from) {
    // The counter row stays locked until commit, so two enrolments never get the same number, and
    // a number once given (even to a student who later left) is never given again.
    int registerNo =
        jdbc.sql(
                """
                INSERT INTO register_counter (school_id, last_no) VALUES (?, 1)
                ON CONFLICT (school_id) DO UPDATE SET last_no = register_counter.last_no + 1
                RETURNING last_no
                """)
            .param(schoolId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "INSERT INTO register_entry (school_id, register_no, student_id, enrolled_on)"
                + " VALUES (?, ?, ?, ?)")
        .params(schoolId, registerNo, studentId, from)
        .update();
    return registerNo;
  }

  /** The student's enrolment that has not ended, if any. */
  Optional<OpenEnrolment> open(long schoolId, long studentId) {
    return jdbc.sql(
            "SELECT id, class_id, starts_on FROM enrolment WHERE school_id = ? AND student_id = ?"
                + " AND ends_on IS NULL")
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new OpenEnrolment(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
        .optional();
  }

  /** The open enrolment that a movement on {@code on} ends; it must have begun before that day. */
  private OpenEnrolment current(long schoolId, long studentId, LocalDate on) {
    OpenEnrolment c =
        open(schoolId, studentId)
            .orElseThrow(() -> new UserInputException("studentId", "movement.notEnrolled"));
    if (!on.isAfter(c.startsOn())) {
      throw new UserInputException("on", "movement.dateBeforeStart");
    }
    return c;
  }

  /** Ends the enrolment on the day before {@code on}, the day the student is elsewhere. */
  void close(long schoolId, OpenEnrolment current, LocalDate on, String reason, String note) {
    jdbc.sql(
            "UPDATE enrolment SET ends_on = ?, end_reason = ? WHERE school_id = ? AND id = ?"
                + " AND ends_on IS NULL")
        .params(on.minusDays(1), reason, schoolId, current.id())
        .update();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.end", "enrolment", current.id())
            .after(Map.of("lastDay", on.minusDays(1).toString(), "reason", reason))
            .because(note));
  }

  void leave(
      long schoolId, long studentId, LocalDate on, String reason, String note, String destination) {
    jdbc.sql(
            "UPDATE register_entry SET left_on = ?, leaving_reason = ?, leaving_note = ?,"
                + " destination = ? WHERE school_id = ? AND student_id = ?")
        .params(on, reason, note, destination, schoolId, studentId)
        .update();
  }

  /** A typed reason or note that must be given. */
  static String required(String value, String field) {
    String v = text(value, field, 500);
    if (v == null) {
      throw new UserInputException(field, "movement.required");
    }
    return v;
  }

  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new UserInputException(field, "movement.tooLong", max);
    }
    return v;
  }
}
