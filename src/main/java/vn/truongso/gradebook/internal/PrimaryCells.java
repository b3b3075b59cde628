package vn.truongso.gradebook.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.assessment.PrimaryPoint;

/** The rows of {@code primary_assessment}: SQL only. */
@Repository
class PrimaryCells {

  enum Kind {
    SUBJECT,
    QUALITY,
    COMPETENCE
  }

  record Key(
      long schoolId, long classId, long studentId, PrimaryPoint point, Kind kind, String item) {
    Object[] values() {
      return new Object[] {schoolId, classId, studentId, point.name(), kind.name(), item};
    }
  }

  /** A stored value; {@code level} as stored (T, H, C, D). */
  record Value(String level, String comment, Integer score, int version) {}

  record Row(long studentId, PrimaryPoint point, Kind kind, String item, Value value) {}

  private final JdbcClient jdbc;

  PrimaryCells(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Value> lock(Key k) {
    return jdbc.sql(
            "SELECT level, comment, score, version FROM primary_assessment WHERE school_id = ?"
                + " AND class_id = ? AND student_id = ? AND point = ? AND kind = ? AND item = ?"
                + " FOR UPDATE")
        .params(k.values())
        .query(
            (rs, n) ->
                new Value(
                    rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getInt(4)))
        .optional();
  }

  void save(Key k, String level, String comment, Integer score, int version, long by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO primary_assessment (school_id, class_id, student_id, point, kind, item,
                                            level, comment, score, version, changed_at, changed_by)
            VALUES (:school, :class, :student, :point, :kind, :item, :level, :comment, :score,
                    :version, :at, :by)
            ON CONFLICT (school_id, class_id, student_id, point, kind, item) DO UPDATE
              SET level = excluded.level, comment = excluded.comment, score = excluded.score,
                  version = excluded.version, changed_at = excluded.changed_at,
                  changed_by = excluded.changed_by
            """)
        .param("school", k.schoolId())
        .param("class", k.classId())
        .param("student", k.studentId())
        .param("point", k.point().name())
        .param("kind", k.kind().name())
        .param("item", k.item())
        .param("level", level)
        .param("comment", comment)
        .param("score", score)
        .param("version", version)
        .param("at", Timestamp.from(at))
        .param("by", by)
        .update();
  }

  /** The comments someone wrote most often in a subject at the school, the most used first. */
  List<String> frequentComments(long schoolId, long accountId, String item, int limit) {
    return jdbc.sql(
            "SELECT comment FROM primary_assessment WHERE school_id = ? AND changed_by = ? AND"
                + " kind = 'SUBJECT' AND item = ? AND comment IS NOT NULL GROUP BY comment"
                + " ORDER BY count(*) DESC, comment LIMIT ?")
        .params(schoolId, accountId, item, limit)
        .query(String.class)
        .list();
  }

  /** Per class, point and item: how many values have a level and how many a score. */
  record Count(long classId, PrimaryPoint point, Kind kind, String item, int levels, int scores) {}

  List<Count> counts(long schoolId, List<Long> classIds) {
    return jdbc.sql(
            "SELECT class_id, point, kind, item, count(level), count(score) FROM"
                + " primary_assessment WHERE school_id = ? AND class_id = ANY(?)"
                + " GROUP BY class_id, point, kind, item")
        .params(schoolId, classIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Count(
                    rs.getLong(1),
                    PrimaryPoint.valueOf(rs.getString(2)),
                    Kind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getInt(6)))
        .list();
  }

  /** The pupils whose value of an item at a point was written after {@code since}. */
  java.util.Set<Long> changedSince(
      long schoolId, long classId, PrimaryPoint point, Kind kind, String item, Instant since) {
    return new java.util.HashSet<>(
        jdbc.sql(
                "SELECT student_id FROM primary_assessment WHERE school_id = ? AND class_id = ?"
                    + " AND point = ? AND kind = ? AND item = ? AND changed_at > ?")
            .params(schoolId, classId, point.name(), kind.name(), item, Timestamp.from(since))
            .query(Long.class)
            .list());
  }

  /** The pupils any of whose qualities, competencies or comments at a point changed after. */
  java.util.Set<Long> homeroomChangedSince(
      long schoolId, long classId, PrimaryPoint point, Instant since) {
    return new java.util.HashSet<>(
        jdbc.sql(
                "SELECT DISTINCT student_id FROM primary_assessment WHERE school_id = ? AND"
                    + " class_id = ? AND point = ? AND kind <> 'SUBJECT' AND changed_at > ?")
            .params(schoolId, classId, point.name(), Timestamp.from(since))
            .query(Long.class)
            .list());
  }

  List<Row> ofPupil(long schoolId, long classId, long studentId, PrimaryPoint point) {
    return ofClass(schoolId, classId, point).stream()
        .filter(r -> r.studentId() == studentId)
        .toList();
  }

  List<Row> ofClass(long schoolId, long classId, PrimaryPoint point) {
    return jdbc.sql(
            "SELECT student_id, kind, item, level, comment, score, version FROM primary_assessment"
                + " WHERE school_id = ? AND class_id = ? AND point = ?")
        .params(schoolId, classId, point.name())
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    point,
                    Kind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    new Value(
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, Integer.class),
                        rs.getInt(7))))
        .list();
  }
}
