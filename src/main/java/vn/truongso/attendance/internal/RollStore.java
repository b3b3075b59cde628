package vn.truongso.attendance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.attendance.internal.RollRules.Kind;
import vn.truongso.attendance.internal.RollRules.Session;

/** The rolls, their absences and the sendings that carried them, as stored. */
@Repository
public class RollStore {

  private final JdbcClient jdbc;

  RollStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A roll as last saved. */
  public record Roll(int version, long takenBy, Instant takenAt, @Nullable String note) {}

  /** A student's mark in a roll. */
  public record Mark(Kind kind, @Nullable String reason) {}

  /** One absence of a class's month: which day and session, who, how. */
  public record Absence(LocalDate day, Session session, long studentId, Kind kind) {}

  /** A roll taken in a class on a day and session. */
  public record Taken(LocalDate day, Session session) {}

  /** What an earlier sending of the same key wrote. */
  record Sending(long classId, LocalDate day, Session session, int version) {}

  Optional<Roll> roll(long schoolId, long classId, LocalDate day, Session session) {
    return jdbc.sql(
            "SELECT version, taken_by, taken_at, note FROM attendance_roll"
                + " WHERE school_id = ? AND class_id = ? AND day = ? AND session = ?")
        .params(schoolId, classId, day, session.name())
        .query(
            (rs, n) ->
                new Roll(
                    rs.getInt(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
        .optional();
  }

  Map<Long, Mark> marks(long schoolId, long classId, LocalDate day, Session session) {
    Map<Long, Mark> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT student_id, kind, reason FROM attendance_absence WHERE school_id = ?"
                + " AND class_id = ? AND day = ? AND session = ?")
        .params(schoolId, classId, day, session.name())
        .query(
            rs -> {
              out.put(rs.getLong(1), new Mark(Kind.valueOf(rs.getString(2)), rs.getString(3)));
            });
    return out;
  }

  /**
   * Claims the sending's key; false when an earlier sending holds it (a concurrent one with the
   * same key waits here for the first to commit or roll back).
   */
  boolean claim(long schoolId, UUID key, long classId, LocalDate day, Session session, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO attendance_sending (school_id, sending_key, class_id, day, session,
                                                version, received_at)
                VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING
                """)
            .params(schoolId, key, classId, day, session.name(), Timestamp.from(at))
            .update()
        == 1;
  }

  Optional<Sending> sending(long schoolId, UUID key) {
    return jdbc.sql(
            "SELECT class_id, day, session, version FROM attendance_sending"
                + " WHERE school_id = ? AND sending_key = ?")
        .params(schoolId, key)
        .query(
            (rs, n) ->
                new Sending(
                    rs.getLong(1),
                    rs.getDate(2).toLocalDate(),
                    Session.valueOf(rs.getString(3)),
                    rs.getInt(4)))
        .optional();
  }

  void sent(long schoolId, UUID key, int version) {
    jdbc.sql("UPDATE attendance_sending SET version = ? WHERE school_id = ? AND sending_key = ?")
        .params(version, schoolId, key)
        .update();
  }

  /** Creates the day's first roll; false when another sending created it first. */
  boolean create(
      long schoolId,
      long classId,
      LocalDate day,
      Session session,
      long by,
      Instant at,
      @Nullable String note) {
    return jdbc.sql(
                """
                INSERT INTO attendance_roll (school_id, class_id, day, session, version, taken_by,
                                             taken_at, note)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            .params(schoolId, classId, day, session.name(), by, Timestamp.from(at), note)
            .update()
        == 1;
  }

  /** The roll's version, the row locked for the change; empty when there is none. */
  Optional<Integer> lock(long schoolId, long classId, LocalDate day, Session session) {
    return jdbc.sql(
            "SELECT version FROM attendance_roll WHERE school_id = ? AND class_id = ? AND day = ?"
                + " AND session = ? FOR UPDATE")
        .params(schoolId, classId, day, session.name())
        .query(Integer.class)
        .optional();
  }

  void update(
      long schoolId,
      long classId,
      LocalDate day,
      Session session,
      int version,
      long by,
      Instant at,
      @Nullable String note) {
    jdbc.sql(
            "UPDATE attendance_roll SET version = ?, taken_by = ?, taken_at = ?, note = ?"
                + " WHERE school_id = ? AND class_id = ? AND day = ? AND session = ?")
        .params(version, by, Timestamp.from(at), note, schoolId, classId, day, session.name())
        .update();
  }

  void replaceMarks(
      long schoolId, long classId, LocalDate day, Session session, Map<Long, Mark> marks) {
    jdbc.sql(
            "DELETE FROM attendance_absence WHERE school_id = ? AND class_id = ? AND day = ?"
                + " AND session = ?")
        .params(schoolId, classId, day, session.name())
        .update();
    for (var e : marks.entrySet()) {
      jdbc.sql(
              "INSERT INTO attendance_absence (school_id, class_id, day, session, student_id, kind,"
                  + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              schoolId,
              classId,
              day,
              session.name(),
              e.getKey(),
              e.getValue().kind().name(),
              e.getValue().reason())
          .update();
    }
  }

  /** Sessions absent per student in the class between two days: {excused, unexcused}. */
  Map<Long, int[]> totals(long schoolId, long classId, LocalDate from, LocalDate to) {
    Map<Long, int[]> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT student_id, count(*) FILTER (WHERE kind = 'P'), count(*) FILTER (WHERE kind = 'K')
              FROM attendance_absence
             WHERE school_id = ? AND class_id = ? AND day BETWEEN ? AND ? AND kind IN ('P', 'K')
             GROUP BY student_id
            """)
        .params(schoolId, classId, from, to)
        .query(
            rs -> {
              out.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
            });
    return out;
  }

  /** Every absence and late arrival of the class between two days, by day and session. */
  List<Absence> absences(long schoolId, long classId, LocalDate from, LocalDate to) {
    List<Absence> out = new ArrayList<>();
    jdbc.sql(
            "SELECT day, session, student_id, kind FROM attendance_absence WHERE school_id = ?"
                + " AND class_id = ? AND day BETWEEN ? AND ? ORDER BY day, session")
        .params(schoolId, classId, from, to)
        .query(
            rs -> {
              out.add(
                  new Absence(
                      rs.getDate(1).toLocalDate(),
                      Session.valueOf(rs.getString(2)),
                      rs.getLong(3),
                      Kind.valueOf(rs.getString(4))));
            });
    return out;
  }

  /** The rolls taken in the class between two days. */
  List<Taken> taken(long schoolId, long classId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "SELECT day, session FROM attendance_roll WHERE school_id = ? AND class_id = ?"
                + " AND day BETWEEN ? AND ? ORDER BY day, session")
        .params(schoolId, classId, from, to)
        .query((rs, n) -> new Taken(rs.getDate(1).toLocalDate(), Session.valueOf(rs.getString(2))))
        .list();
  }

  /** A class's rolls on a day: the sessions taken and the students absent in them. */
  public record DayStatus(List<Session> taken, int absent) {}

  /** The rolls of every class of the school on a day, by class. */
  Map<Long, DayStatus> day(long schoolId, LocalDate day) {
    Map<Long, DayStatus> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT r.class_id, array_agg(DISTINCT r.session ORDER BY r.session DESC),
                   count(a.student_id) FILTER (WHERE a.kind IN ('P', 'K'))
              FROM attendance_roll r
              LEFT JOIN attendance_absence a ON a.school_id = r.school_id AND a.class_id = r.class_id
                                            AND a.day = r.day AND a.session = r.session
             WHERE r.school_id = ? AND r.day = ?
             GROUP BY r.class_id
            """)
        .params(schoolId, day)
        .query(
            rs -> {
              List<Session> taken = new ArrayList<>();
              for (String s : (String[]) rs.getArray(2).getArray()) {
                taken.add(Session.valueOf(s));
              }
              out.put(rs.getLong(1), new DayStatus(taken, rs.getInt(3)));
            });
    return out;
  }
}
