package vn.truongso.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.control.EntryLocks;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.gradebook.TestScores;
import vn.truongso.reporting.internal.AnomalyRules.Flag;
import vn.truongso.reporting.internal.AnomalyRules.Thresholds;

/**
 * The anomaly flags of a school year: computed from the whole year's changes, scored columns and
 * locks by the pure {@link AnomalyRules}, and kept in {@code anomaly_flag} as last computed, so
 * that a leader's home page reads a few rows instead of computing them. {@code anomaly_refresh}
 * says when the kept flags were computed. The kept rows carry what a flag's sentence needs (its
 * kind and arguments), not the changes behind it: the anomaly page computes those afresh.
 */
@Service
public class AnomalyFlags {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The open flags as the home page shows them: how many, and the first few. */
  public record Open(int count, List<Flag> first) {}

  private final MarkHistory history;
  private final TestScores scores;
  private final EntryLocks locks;
  private final JdbcClient jdbc;
  private final Clock clock;

  AnomalyFlags(
      MarkHistory history, TestScores scores, EntryLocks locks, JdbcClient jdbc, Clock clock) {
    this.history = history;
    this.scores = scores;
    this.locks = locks;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Computes the school year's flags from its data as it is now. It asks no permission (a listener
   * runs it with no user): the pages that show flags ask for MONITOR_GRADEBOOK.
   */
  List<Flag> compute(long schoolId, int startYear, Thresholds t) {
    List<MarkHistory.Change> changes =
        history.changes(
            schoolId, startYear, Instant.EPOCH, clock.instant().plus(1, ChronoUnit.DAYS));
    List<TestScores.Column> columns = scores.ofSchool(schoolId, startYear);
    List<Flag> out = new ArrayList<>();
    out.addAll(AnomalyRules.cellChanges(changes, t));
    out.addAll(
        AnomalyRules.beforeLocks(
            changes, locks.inForceForBackgroundWork(schoolId, startYear), t, VIETNAM));
    out.addAll(AnomalyRules.offHours(changes, t, VIETNAM));
    out.addAll(AnomalyRules.classAverages(columns, t));
    out.addAll(AnomalyRules.shares(columns, t));
    return out;
  }

  /**
   * Recomputes and keeps the flags, unless a refresh that began after {@code notBefore} has already
   * kept them: it saw every change committed before then. Refreshes of one school year wait for
   * each other on its {@code anomaly_refresh} row.
   */
  @Transactional
  public void refreshUnlessSeen(long schoolId, int startYear, Thresholds t, Instant notBefore) {
    jdbc.sql(
            """
            INSERT INTO anomaly_refresh (school_id, start_year, started_at)
            VALUES (?, ?, 'epoch') ON CONFLICT DO NOTHING
            """)
        .params(schoolId, startYear)
        .update();
    Instant last =
        jdbc.sql(
                """
                SELECT started_at FROM anomaly_refresh
                WHERE school_id = ? AND start_year = ? FOR UPDATE
                """)
            .params(schoolId, startYear)
            .query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
            .single();
    if (last.isAfter(notBefore)) {
      return;
    }
    Instant started = databaseNow();
    keep(schoolId, startYear, compute(schoolId, startYear, t), started);
  }

  /** The moment the database says it is: the one clock both a change and a refresh are read on. */
  @Transactional(readOnly = true)
  public Instant databaseNow() {
    return jdbc.sql("SELECT clock_timestamp()")
        .query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
        .single();
  }

  /**
   * Keeps {@code flags} as the school year's flags, computed from the data as committed at {@code
   * started} (read with {@link #databaseNow} before computing them).
   */
  @Transactional
  public void keep(long schoolId, int startYear, List<Flag> flags, Instant started) {
    int newer =
        jdbc.sql(
                """
                INSERT INTO anomaly_refresh (school_id, start_year, started_at) VALUES (?, ?, ?)
                ON CONFLICT (school_id, start_year) DO UPDATE SET started_at = EXCLUDED.started_at
                WHERE anomaly_refresh.started_at < EXCLUDED.started_at
                """)
            .params(schoolId, startYear, started.atOffset(java.time.ZoneOffset.UTC))
            .update();
    if (newer == 0) {
      return; // flags computed later than these are kept already
    }
    jdbc.sql("DELETE FROM anomaly_flag WHERE school_id = ? AND start_year = ?")
        .params(schoolId, startYear)
        .update();
    int position = 0;
    for (Flag f : flags) {
      jdbc.sql(
              """
              INSERT INTO anomaly_flag (school_id, start_year, position, flag_key, kind, args)
              VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))
              """)
          .params(schoolId, startYear, position++, f.key(), f.kind().name(), args(f.args()))
          .update();
    }
  }

  /** Drops what was kept for the school's years, so that they are computed on the next look. */
  @Transactional
  public void forget(long schoolId) {
    jdbc.sql("DELETE FROM anomaly_refresh WHERE school_id = ?").param(schoolId).update();
  }

  /** Whether the school year's flags have been kept at least once. */
  @Transactional(readOnly = true)
  public boolean kept(long schoolId, int startYear) {
    return jdbc.sql("SELECT count(*) FROM anomaly_refresh WHERE school_id = ? AND start_year = ?")
            .params(schoolId, startYear)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The kept flags no leader has reviewed yet: their number and the first {@code limit}. */
  @Transactional(readOnly = true)
  public Open open(long schoolId, int startYear, int limit) {
    String unreviewed =
        """
        FROM anomaly_flag f WHERE f.school_id = ? AND f.start_year = ?
          AND NOT EXISTS (SELECT 1 FROM anomaly_review r WHERE r.school_id = f.school_id
                          AND r.start_year = f.start_year AND r.flag_key = f.flag_key)
        """;
    int count =
        jdbc.sql("SELECT count(*) " + unreviewed)
            .params(schoolId, startYear)
            .query(Integer.class)
            .single();
    List<Flag> first =
        jdbc.sql("SELECT flag_key, kind, args::text " + unreviewed + " ORDER BY position LIMIT ?")
            .params(schoolId, startYear, limit)
            .query(
                (rs, i) ->
                    new Flag(
                        AnomalyRules.Kind.valueOf(rs.getString("kind")),
                        rs.getString("flag_key"),
                        args(rs.getString("args")),
                        List.of()))
            .list();
    return new Open(count, first);
  }

  /** A flag's arguments with their types (the sentence formats numbers and text differently). */
  static String args(List<Object> args) {
    List<Map<String, Object>> typed = new ArrayList<>();
    for (Object a : args) {
      Map<String, Object> m = new LinkedHashMap<>();
      switch (a) {
        case Integer n -> m.put("i", n);
        case Long n -> m.put("l", n);
        case BigDecimal d -> m.put("d", d.toPlainString());
        case String s -> m.put("s", s);
        default -> throw new IllegalArgumentException("A flag argument of " + a.getClass());
      }
      typed.add(m);
    }
    return JSON.writeValueAsString(typed);
  }

  static List<Object> args(String json) {
    List<Object> out = new ArrayList<>();
    for (var node : JSON.readTree(json)) {
      if (node.has("i")) {
        out.add(node.get("i").intValue());
      } else if (node.has("l")) {
        out.add(node.get("l").longValue());
      } else if (node.has("d")) {
        out.add(new BigDecimal(node.get("d").stringValue()));
      } else {
        out.add(node.get("s").stringValue());
      }
    }
    return out;
  }
}
