package vn.truongso.gradebook.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;

/** The rows of {@code primary_year} and {@code primary_supplementary}: SQL only. */
@Repository
class PrimaryYearRows {

  /** A pupil's year-end facts besides the points' values. */
  record Year(
      boolean outstandingProposed,
      String outstandingNote,
      boolean individualPlan,
      Boolean principalPromotes,
      String decisionReason,
      Long decidedBy,
      Instant decidedAt,
      int version) {
    static final Year NONE = new Year(false, null, false, null, null, null, null, 0);
  }

  /** A supplementary assessment's value of one subject, quality or competency. */
  record Supplementary(Kind kind, String item, String level, Integer score, int version) {}

  private final JdbcClient jdbc;

  PrimaryYearRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<Long, Year> years(long schoolId, long classId) {
    Map<Long, Year> out = new HashMap<>();
    jdbc.sql("SELECT * FROM primary_year WHERE school_id = ? AND class_id = ?")
        .params(schoolId, classId)
        .query(
            rs -> {
              out.put(
                  rs.getLong("student_id"),
                  new Year(
                      rs.getBoolean("outstanding_proposed"),
                      rs.getString("outstanding_note"),
                      rs.getBoolean("individual_plan"),
                      rs.getObject("principal_promotes", Boolean.class),
                      rs.getString("decision_reason"),
                      rs.getObject("decided_by", Long.class),
                      rs.getTimestamp("decided_at") == null
                          ? null
                          : rs.getTimestamp("decided_at").toInstant(),
                      rs.getInt("version")));
            });
    return out;
  }

  /** The pupil's row, locked for the save that follows. */
  Year lock(long schoolId, long classId, long studentId) {
    jdbc.sql(
            "SELECT 1 FROM primary_year WHERE school_id = ? AND class_id = ? AND student_id = ?"
                + " FOR UPDATE")
        .params(schoolId, classId, studentId)
        .query(Integer.class)
        .optional();
    return years(schoolId, classId).getOrDefault(studentId, Year.NONE);
  }

  void save(long schoolId, long classId, long studentId, Year y, long by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO primary_year (school_id, class_id, student_id, outstanding_proposed,
              outstanding_note, individual_plan, principal_promotes, decision_reason, decided_by,
              decided_at, version, changed_at, changed_by)
            VALUES (:school, :class, :student, :proposed, :note, :plan, :promotes, :reason,
              :decidedBy, :decidedAt, :version, :at, :by)
            ON CONFLICT (school_id, class_id, student_id) DO UPDATE
              SET outstanding_proposed = excluded.outstanding_proposed,
                  outstanding_note = excluded.outstanding_note,
                  individual_plan = excluded.individual_plan,
                  principal_promotes = excluded.principal_promotes,
                  decision_reason = excluded.decision_reason,
                  decided_by = excluded.decided_by, decided_at = excluded.decided_at,
                  version = excluded.version, changed_at = excluded.changed_at,
                  changed_by = excluded.changed_by
            """)
        .param("school", schoolId)
        .param("class", classId)
        .param("student", studentId)
        .param("proposed", y.outstandingProposed())
        .param("note", y.outstandingNote())
        .param("plan", y.individualPlan())
        .param("promotes", y.principalPromotes())
        .param("reason", y.decisionReason())
        .param("decidedBy", y.decidedBy())
        .param("decidedAt", y.decidedAt() == null ? null : Timestamp.from(y.decidedAt()))
        .param("version", y.version())
        .param("at", Timestamp.from(at))
        .param("by", by)
        .update();
  }

  Map<Long, List<Supplementary>> supplementary(long schoolId, long classId) {
    Map<Long, List<Supplementary>> out = new HashMap<>();
    jdbc.sql(
            "SELECT student_id, kind, item, level, score, version FROM primary_supplementary"
                + " WHERE school_id = ? AND class_id = ? ORDER BY kind, item")
        .params(schoolId, classId)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                  .add(
                      new Supplementary(
                          Kind.valueOf(rs.getString(2)),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getObject(5, Integer.class),
                          rs.getInt(6)));
            });
    return out;
  }

  Optional<Supplementary> lockSupplementary(
      long schoolId, long classId, long studentId, Kind kind, String item) {
    return jdbc.sql(
            "SELECT kind, item, level, score, version FROM primary_supplementary WHERE school_id"
                + " = ? AND class_id = ? AND student_id = ? AND kind = ? AND item = ? FOR UPDATE")
        .params(schoolId, classId, studentId, kind.name(), item)
        .query(
            (rs, n) ->
                new Supplementary(
                    Kind.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, Integer.class),
                    rs.getInt(5)))
        .optional();
  }

  void saveSupplementary(
      long schoolId, long classId, long studentId, Supplementary s, long by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO primary_supplementary (school_id, class_id, student_id, kind, item, level,
              score, version, changed_at, changed_by)
            VALUES (:school, :class, :student, :kind, :item, :level, :score, :version, :at, :by)
            ON CONFLICT (school_id, class_id, student_id, kind, item) DO UPDATE
              SET level = excluded.level, score = excluded.score, version = excluded.version,
                  changed_at = excluded.changed_at, changed_by = excluded.changed_by
            """)
        .param("school", schoolId)
        .param("class", classId)
        .param("student", studentId)
        .param("kind", s.kind().name())
        .param("item", s.item())
        .param("level", s.level())
        .param("score", s.score())
        .param("version", s.version())
        .param("at", Timestamp.from(at))
        .param("by", by)
        .update();
  }
}
