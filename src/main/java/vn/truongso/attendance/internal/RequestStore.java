package vn.truongso.attendance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.attendance.StudentAttendance;

/** Absence requests and the students' marks as the family reads them. */
@Repository
public class RequestStore {

  private final JdbcClient jdbc;

  RequestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A request with the class and student it is for. */
  public record Stored(long classId, long studentId, StudentAttendance.Request request) {}

  long insert(
      long schoolId,
      long studentId,
      long classId,
      LocalDate from,
      LocalDate to,
      String reason,
      long by,
      Instant at) {
    return jdbc.sql(
            """
            INSERT INTO attendance_request (school_id, student_id, class_id, from_day, to_day, reason,
                                            requested_by, requested_at, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') RETURNING id
            """)
        .params(schoolId, studentId, classId, from, to, reason, by, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  List<StudentAttendance.Request> ofStudent(long schoolId, long studentId) {
    return jdbc.sql(
            "SELECT * FROM attendance_request WHERE school_id = ? AND student_id = ?"
                + " ORDER BY requested_at DESC, id DESC")
        .params(schoolId, studentId)
        .query((rs, n) -> request(rs))
        .list();
  }

  /** The class's requests that are waiting, or that cover a day from {@code since}. */
  List<Stored> ofClass(long schoolId, long classId, LocalDate since) {
    return jdbc.sql(
            "SELECT * FROM attendance_request WHERE school_id = ? AND class_id = ?"
                + " AND (state = 'PENDING' OR to_day >= ?) ORDER BY from_day, id")
        .params(schoolId, classId, since)
        .query((rs, n) -> new Stored(rs.getLong("class_id"), rs.getLong("student_id"), request(rs)))
        .list();
  }

  /** The request locked for its answer. */
  Optional<Stored> lock(long schoolId, long id) {
    return jdbc.sql("SELECT * FROM attendance_request WHERE school_id = ? AND id = ? FOR UPDATE")
        .params(schoolId, id)
        .query((rs, n) -> new Stored(rs.getLong("class_id"), rs.getLong("student_id"), request(rs)))
        .optional();
  }

  void answer(long schoolId, long id, String state, @Nullable String answer, long by, Instant at) {
    jdbc.sql(
            "UPDATE attendance_request SET state = ?, answer = ?, answered_by = ?, answered_at = ?"
                + " WHERE school_id = ? AND id = ?")
        .params(state, answer, by, Timestamp.from(at), schoolId, id)
        .update();
  }

  List<StudentAttendance.DayMark> marks(
      long schoolId, long studentId, LocalDate from, LocalDate to) {
    List<StudentAttendance.DayMark> out = new ArrayList<>();
    jdbc.sql(
            "SELECT day, session, kind, reason FROM attendance_absence WHERE school_id = ?"
                + " AND student_id = ? AND day BETWEEN ? AND ? ORDER BY day DESC, session")
        .params(schoolId, studentId, from, to)
        .query(
            rs -> {
              out.add(
                  new StudentAttendance.DayMark(
                      rs.getDate(1).toLocalDate(),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4)));
            });
    return out;
  }

  /** Students with an accepted request covering the day, with its reason. */
  java.util.Map<Long, String> acceptedOn(long schoolId, long classId, LocalDate day) {
    java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT student_id, reason FROM attendance_request WHERE school_id = ? AND class_id = ?"
                + " AND state = 'ACCEPTED' AND ? BETWEEN from_day AND to_day ORDER BY id")
        .params(schoolId, classId, day)
        .query(
            rs -> {
              out.put(rs.getLong(1), rs.getString(2));
            });
    return out;
  }

  private static StudentAttendance.Request request(ResultSet rs) throws SQLException {
    Timestamp answered = rs.getTimestamp("answered_at");
    return new StudentAttendance.Request(
        rs.getLong("id"),
        rs.getDate("from_day").toLocalDate(),
        rs.getDate("to_day").toLocalDate(),
        rs.getString("reason"),
        rs.getString("state"),
        rs.getString("answer"),
        rs.getTimestamp("requested_at").toInstant(),
        answered == null ? null : answered.toInstant());
  }
}
