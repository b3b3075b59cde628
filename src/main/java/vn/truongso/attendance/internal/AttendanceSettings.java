package vn.truongso.attendance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The school's roll settings and its closed months. */
@Repository
public class AttendanceSettings {

  /** What a school has until its principal chooses: the day itself, 3, and 30/40/45. */
  public static final Settings DEFAULTS = new Settings(0, 3, List.of(30, 40, 45));

  private final JdbcClient jdbc;

  AttendanceSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@code freeDays}: days after a day in which its roll changes without a note; {@code
   * monthUnexcused}: the sessions without permission in a month that warn; {@code yearThresholds}:
   * the year's sessions absent that warn (45 is the limit past which a student is not promoted,
   * TT22 art. 12).
   */
  public record Settings(int freeDays, int monthUnexcused, List<Integer> yearThresholds) {}

  /** A closed month: who closed it and when. */
  public record MonthLock(LocalDate month, long lockedBy, Instant lockedAt) {}

  public Settings of(long schoolId) {
    return jdbc.sql(
            "SELECT free_days, month_unexcused, year_thresholds FROM attendance_setting"
                + " WHERE school_id = ?")
        .params(schoolId)
        .query(
            (rs, n) ->
                new Settings(
                    rs.getInt(1),
                    rs.getInt(2),
                    Arrays.stream((Integer[]) rs.getArray(3).getArray()).sorted().toList()))
        .optional()
        .orElse(DEFAULTS);
  }

  void save(long schoolId, Settings s, long by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO attendance_setting (school_id, free_days, month_unexcused,
                                            year_thresholds, changed_at, changed_by)
            VALUES (?, ?, ?, ?::integer[], ?, ?)
            ON CONFLICT (school_id) DO UPDATE
              SET free_days = excluded.free_days,
                  month_unexcused = excluded.month_unexcused,
                  year_thresholds = excluded.year_thresholds,
                  changed_at = excluded.changed_at, changed_by = excluded.changed_by
            """)
        .params(
            schoolId,
            s.freeDays(),
            s.monthUnexcused(),
            "{" + String.join(",", s.yearThresholds().stream().map(String::valueOf).toList()) + "}",
            Timestamp.from(at),
            by)
        .update();
  }

  /**
   * The month's lock; for a save, share-locked so that reopening the month waits for the save (a
   * month being closed while a roll is saved may still take that one roll).
   */
  Optional<MonthLock> lockOf(long schoolId, LocalDate month, boolean forSave) {
    return jdbc.sql(
            "SELECT month, locked_by, locked_at FROM attendance_month_lock WHERE school_id = ?"
                + " AND month = ?"
                + (forSave ? " FOR SHARE" : ""))
        .params(schoolId, month.withDayOfMonth(1))
        .query(
            (rs, n) ->
                new MonthLock(
                    rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getTimestamp(3).toInstant()))
        .optional();
  }

  List<MonthLock> locks(long schoolId) {
    return jdbc.sql(
            "SELECT month, locked_by, locked_at FROM attendance_month_lock WHERE school_id = ?"
                + " ORDER BY month")
        .params(schoolId)
        .query(
            (rs, n) ->
                new MonthLock(
                    rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  boolean lock(long schoolId, LocalDate month, long by, Instant at) {
    return jdbc.sql(
                "INSERT INTO attendance_month_lock (school_id, month, locked_at, locked_by)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(schoolId, month.withDayOfMonth(1), Timestamp.from(at), by)
            .update()
        == 1;
  }

  boolean unlock(long schoolId, LocalDate month) {
    return jdbc.sql("DELETE FROM attendance_month_lock WHERE school_id = ? AND month = ?")
            .params(schoolId, month.withDayOfMonth(1))
            .update()
        == 1;
  }
}
