package vn.truongso.gradebook.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The stored results (student_result), written in batches; only rows that change are updated. */
@Repository
public class StoredResults {

  /** One student's result for a period as the books print it. */
  public record Row(
      long schoolId,
      long classId,
      long studentId,
      int period,
      String policy,
      String learning,
      String conduct,
      String outcome,
      String title,
      List<String> retestSubjects,
      int absentSessions) {}

  private static final String UPSERT =
      """
      INSERT INTO student_result (school_id, class_id, student_id, period, policy, learning,
                                  conduct, outcome, title, retest_subjects, absent_sessions,
                                  computed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (school_id, class_id, student_id, period) DO UPDATE
        SET policy = excluded.policy, learning = excluded.learning, conduct = excluded.conduct,
            outcome = excluded.outcome, title = excluded.title,
            retest_subjects = excluded.retest_subjects,
            absent_sessions = excluded.absent_sessions, computed_at = excluded.computed_at
        WHERE (student_result.policy, student_result.learning, student_result.conduct,
               student_result.outcome, student_result.title, student_result.retest_subjects,
               student_result.absent_sessions)
          IS DISTINCT FROM (excluded.policy, excluded.learning, excluded.conduct, excluded.outcome,
               excluded.title, excluded.retest_subjects, excluded.absent_sessions)
      """;

  private final JdbcTemplate jdbc;

  StoredResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the rows; returns how many were new or different from what was stored. */
  public int write(List<Row> rows, Instant at) {
    if (rows.isEmpty()) {
      return 0;
    }
    Timestamp ts = Timestamp.from(at);
    int[][] counts =
        jdbc.batchUpdate(
            UPSERT,
            rows,
            500,
            (PreparedStatement ps, Row r) -> {
              ps.setLong(1, r.schoolId());
              ps.setLong(2, r.classId());
              ps.setLong(3, r.studentId());
              ps.setInt(4, r.period());
              ps.setString(5, r.policy());
              ps.setString(6, r.learning());
              ps.setString(7, r.conduct());
              ps.setString(8, r.outcome());
              ps.setString(9, r.title());
              ps.setArray(10, array(ps, r.retestSubjects()));
              ps.setInt(11, r.absentSessions());
              ps.setTimestamp(12, ts);
            });
    int changed = 0;
    for (int[] batch : counts) {
      for (int c : batch) {
        changed += Math.max(c, 0);
      }
    }
    return changed;
  }

  private static Array array(PreparedStatement ps, List<String> values) throws SQLException {
    return ps.getConnection().createArrayOf("text", values.toArray());
  }

  public List<Row> ofClass(long schoolId, long classId, int period) {
    return jdbc.query(
        "SELECT * FROM student_result WHERE school_id = ? AND class_id = ? AND period = ?"
            + " ORDER BY student_id",
        (rs, n) ->
            new Row(
                rs.getLong("school_id"),
                rs.getLong("class_id"),
                rs.getLong("student_id"),
                rs.getInt("period"),
                rs.getString("policy"),
                rs.getString("learning"),
                rs.getString("conduct"),
                rs.getString("outcome"),
                rs.getString("title"),
                List.of((String[]) rs.getArray("retest_subjects").getArray()),
                rs.getInt("absent_sessions")),
        schoolId,
        classId,
        period);
  }
}
