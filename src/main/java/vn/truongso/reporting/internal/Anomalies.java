package vn.truongso.reporting.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.reporting.internal.AnomalyRules.Flag;
import vn.truongso.reporting.internal.AnomalyRules.Thresholds;

/**
 * The anomaly flags of a school year as the leaders see them: computed afresh from the marks, their
 * changes and the locks with the school's thresholds, each with the review a leader wrote, if any.
 */
@Service
public class Anomalies {

  public record Review(String note, String byName, Instant at) {}

  public record Shown(Flag flag, Review review) {}

  public record Report(Thresholds thresholds, List<Shown> open, List<Shown> reviewed) {}

  private final AnomalyFlags flags;
  private final JdbcClient jdbc;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  Anomalies(
      AnomalyFlags flags,
      JdbcClient jdbc,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.flags = flags;
    this.jdbc = jdbc;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** The report computed afresh, which also keeps its flags for the home page. */
  @Transactional
  public Report of(long schoolId, int startYear) {
    authorization.require(Action.MONITOR_GRADEBOOK, Target.school(schoolId));
    Thresholds t = thresholds(schoolId);
    Map<String, Review> reviews = reviews(schoolId, startYear);
    List<Shown> open = new ArrayList<>();
    List<Shown> reviewed = new ArrayList<>();
    Instant started = flags.databaseNow();
    List<Flag> computed = flags.compute(schoolId, startYear, t);
    flags.keep(schoolId, startYear, computed, started);
    for (Flag f : computed) {
      Review r = reviews.get(f.key());
      (r == null ? open : reviewed).add(new Shown(f, r));
    }
    reviewed.sort(Comparator.comparing((Shown s) -> s.review().at()).reversed());
    return new Report(t, open, reviewed);
  }

  /**
   * The open flags for a leader's home page, as last kept (a school year never computed is computed
   * now, once).
   */
  @Transactional
  public AnomalyFlags.Open openOnHome(long schoolId, int startYear, int limit) {
    authorization.require(Action.MONITOR_GRADEBOOK, Target.school(schoolId));
    if (!flags.kept(schoolId, startYear)) {
      Instant started = flags.databaseNow();
      flags.keep(
          schoolId, startYear, flags.compute(schoolId, startYear, thresholds(schoolId)), started);
    }
    return flags.open(schoolId, startYear, limit);
  }

  /** Marks a flag that is raised now as looked into, with what the leader found. */
  @Transactional
  public void review(
      AuthenticatedUser user, long schoolId, int startYear, String key, String note) {
    authorization.require(Action.MONITOR_GRADEBOOK, Target.school(schoolId));
    String n = note == null ? "" : note.strip();
    if (n.isEmpty() || n.length() > 1000) {
      throw new UserInputException("note", "reporting.anomaly.noteRequired");
    }
    boolean raised =
        flags.compute(schoolId, startYear, thresholds(schoolId)).stream()
            .anyMatch(f -> f.key().equals(key));
    if (!raised) {
      throw new UserInputException("key", "reporting.anomaly.gone");
    }
    int written =
        jdbc.sql(
                """
                INSERT INTO anomaly_review (school_id, start_year, flag_key, note, reviewed_by,
                                            reviewed_by_name, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            .params(
                schoolId,
                startYear,
                key,
                n,
                user.accountId(),
                user.displayName(),
                Timestamp.from(clock.instant()))
            .update();
    if (written == 0) {
      throw new UserInputException("key", "reporting.anomaly.alreadyReviewed");
    }
    audit.record(
        AuditEvent.of(schoolId, "reporting.anomaly.reviewed", "anomaly_review", key)
            .after(Map.of("startYear", startYear, "note", n)));
  }

  public Thresholds thresholds(long schoolId) {
    return jdbc.sql(
            """
            SELECT max_cell_changes, average_deviation, min_scores, ten_share, zero_share,
                   work_starts, work_ends, lock_hours, lock_changes
            FROM anomaly_settings WHERE school_id = ?
            """)
        .param(schoolId)
        .query(
            (rs, i) ->
                new Thresholds(
                    rs.getInt("max_cell_changes"),
                    rs.getBigDecimal("average_deviation"),
                    rs.getInt("min_scores"),
                    rs.getInt("ten_share"),
                    rs.getInt("zero_share"),
                    rs.getObject("work_starts", LocalTime.class),
                    rs.getObject("work_ends", LocalTime.class),
                    rs.getInt("lock_hours"),
                    rs.getInt("lock_changes")))
        .optional()
        .orElse(Thresholds.DEFAULT);
  }

  /** Replaces the school's thresholds; every field is checked before anything is written. */
  @Transactional
  public void setThresholds(AuthenticatedUser user, long schoolId, Thresholds t) {
    authorization.require(Action.MONITOR_GRADEBOOK, Target.school(schoolId));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    range(errors, "maxCellChanges", t.maxCellChanges(), 1, 50);
    range(errors, "minScores", t.minScores(), 5, 100);
    range(errors, "tenShare", t.tenSharePercent(), 1, 100);
    range(errors, "zeroShare", t.zeroSharePercent(), 1, 100);
    range(errors, "lockHours", t.lockHours(), 1, 168);
    range(errors, "lockChanges", t.lockChanges(), 2, 1000);
    if (t.averageDeviation() == null
        || t.averageDeviation().compareTo(new BigDecimal("0.5")) < 0
        || t.averageDeviation().compareTo(BigDecimal.valueOf(5)) > 0
        || t.averageDeviation().scale() > 1) {
      errors.add("averageDeviation", "reporting.thresholds.deviation");
    }
    if (t.workStarts() == null || t.workEnds() == null || !t.workStarts().isBefore(t.workEnds())) {
      errors.add("workHours", "reporting.thresholds.hours");
    }
    errors.throwIfAny();
    Thresholds before = thresholds(schoolId);
    jdbc.sql(
            """
            INSERT INTO anomaly_settings (school_id, max_cell_changes, average_deviation,
                                          min_scores, ten_share, zero_share, work_starts,
                                          work_ends, lock_hours, lock_changes, changed_by,
                                          changed_by_name, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id) DO UPDATE SET
              max_cell_changes = EXCLUDED.max_cell_changes,
              average_deviation = EXCLUDED.average_deviation,
              min_scores = EXCLUDED.min_scores, ten_share = EXCLUDED.ten_share,
              zero_share = EXCLUDED.zero_share, work_starts = EXCLUDED.work_starts,
              work_ends = EXCLUDED.work_ends, lock_hours = EXCLUDED.lock_hours,
              lock_changes = EXCLUDED.lock_changes, changed_by = EXCLUDED.changed_by,
              changed_by_name = EXCLUDED.changed_by_name, changed_at = EXCLUDED.changed_at
            """)
        .params(
            schoolId,
            t.maxCellChanges(),
            t.averageDeviation(),
            t.minScores(),
            t.tenSharePercent(),
            t.zeroSharePercent(),
            t.workStarts(),
            t.workEnds(),
            t.lockHours(),
            t.lockChanges(),
            user.accountId(),
            user.displayName(),
            Timestamp.from(clock.instant()))
        .update();
    // the kept flags were computed with the old thresholds: the next look computes them again
    flags.forget(schoolId);
    audit.record(
        AuditEvent.of(schoolId, "reporting.thresholds.set", "anomaly_settings", schoolId)
            .before(before)
            .after(t));
  }

  private static void range(
      InvalidInput.Collector errors, String field, int value, int min, int max) {
    if (value < min || value > max) {
      errors.add(field, "reporting.thresholds.range", min, max);
    }
  }

  private Map<String, Review> reviews(long schoolId, int startYear) {
    Map<String, Review> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT flag_key, note, reviewed_by_name, reviewed_at FROM anomaly_review
            WHERE school_id = ? AND start_year = ?
            """)
        .params(schoolId, startYear)
        .query(
            (rs, i) ->
                Map.entry(
                    rs.getString("flag_key"),
                    new Review(
                        rs.getString("note"),
                        rs.getString("reviewed_by_name"),
                        rs.getTimestamp("reviewed_at").toInstant())))
        .list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
