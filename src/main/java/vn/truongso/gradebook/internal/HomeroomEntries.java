package vn.truongso.gradebook.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conduct and absences of a class as the homeroom teacher entered them. */
@Repository
class HomeroomEntries {

  private final JdbcClient jdbc;

  HomeroomEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Conduct(String level, String comment) {}

  record Absences(int excused, int unexcused) {
    int total() {
      return excused + unexcused;
    }
  }

  /** student → period (HK1, HK2, CN, HE) → conduct */
  Map<Long, Map<String, Conduct>> conduct(long schoolId, long classId) {
    Map<Long, Map<String, Conduct>> out = new HashMap<>();
    jdbc.sql(
            "SELECT student_id, period, level, comment FROM conduct_entry"
                + " WHERE school_id = ? AND class_id = ?")
        .params(schoolId, classId)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                  .put(rs.getString(2), new Conduct(rs.getString(3), rs.getString(4)));
            });
    return out;
  }

  /** student → term → absences */
  Map<Long, Map<Integer, Absences>> absences(long schoolId, long classId) {
    Map<Long, Map<Integer, Absences>> out = new HashMap<>();
    jdbc.sql(
            "SELECT student_id, term_no, excused, unexcused FROM absence_entry"
                + " WHERE school_id = ? AND class_id = ?")
        .params(schoolId, classId)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                  .put(rs.getInt(2), new Absences(rs.getInt(3), rs.getInt(4)));
            });
    return out;
  }

  /** student → the terms whose absences the daily roll counts (the typed figure no longer does) */
  Map<Long, java.util.Set<Integer>> rolledTerms(long schoolId, long classId) {
    Map<Long, java.util.Set<Integer>> out = new HashMap<>();
    jdbc.sql(
            "SELECT student_id, term_no FROM absence_entry"
                + " WHERE school_id = ? AND class_id = ? AND source = 'ROLL'")
        .params(schoolId, classId)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), id -> new java.util.TreeSet<>()).add(rs.getInt(2));
            });
    return out;
  }

  /**
   * Sets a term's absences as the daily roll counts them; from then on the typed figure no longer
   * applies.
   */
  void setFromRoll(
      long schoolId, long classId, long studentId, int term, Absences a, Instant at, long by) {
    upsertAbsences(schoolId, classId, studentId, term, a, at, by, "ROLL");
  }

  void setConduct(
      long schoolId, long classId, long studentId, String period, Conduct c, Instant at, long by) {
    if (c == null) {
      jdbc.sql(
              "DELETE FROM conduct_entry WHERE school_id = ? AND class_id = ? AND student_id = ?"
                  + " AND period = ?")
          .params(schoolId, classId, studentId, period)
          .update();
      return;
    }
    jdbc.sql(
            """
            INSERT INTO conduct_entry (school_id, class_id, student_id, period, level, comment,
                                       changed_at, changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, class_id, student_id, period) DO UPDATE
              SET level = excluded.level, comment = excluded.comment,
                  changed_at = excluded.changed_at, changed_by = excluded.changed_by
            """)
        .params(
            schoolId,
            classId,
            studentId,
            period,
            c.level(),
            c.comment(),
            java.sql.Timestamp.from(at),
            by)
        .update();
  }

  void setAbsences(
      long schoolId, long classId, long studentId, int term, Absences a, Instant at, long by) {
    upsertAbsences(schoolId, classId, studentId, term, a, at, by, "TYPED");
  }

  /** {@code source}: TYPED by the homeroom teacher, or counted from the daily ROLL. */
  private void upsertAbsences(
      long schoolId,
      long classId,
      long studentId,
      int term,
      Absences a,
      Instant at,
      long by,
      String source) {
    jdbc.sql(
            """
            INSERT INTO absence_entry (school_id, class_id, student_id, term_no, excused, unexcused,
                                       changed_at, changed_by, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, class_id, student_id, term_no) DO UPDATE
              SET excused = excluded.excused, unexcused = excluded.unexcused,
                  changed_at = excluded.changed_at, changed_by = excluded.changed_by,
                  source = excluded.source
            """)
        .params(
            schoolId,
            classId,
            studentId,
            term,
            a.excused(),
            a.unexcused(),
            java.sql.Timestamp.from(at),
            by,
            source)
        .update();
  }

  /** A homeroom cell's row as stored, with the moment it last changed. */
  record Stamped(Conduct conduct, Absences absences, Instant changedAt) {}

  /**
   * The row behind a homeroom cell ({@code slot} HK1, HK2, CN, HE: conduct; P, K: the term's
   * absences), locked for update; null when nothing was ever entered.
   */
  Stamped lock(long schoolId, long classId, long studentId, int term, String slot) {
    if (slot.equals("P") || slot.equals("K")) {
      return jdbc.sql(
              "SELECT excused, unexcused, changed_at FROM absence_entry WHERE school_id = ?"
                  + " AND class_id = ? AND student_id = ? AND term_no = ? FOR UPDATE")
          .params(schoolId, classId, studentId, term)
          .query(
              (rs, n) ->
                  new Stamped(
                      null,
                      new Absences(rs.getInt(1), rs.getInt(2)),
                      rs.getTimestamp(3).toInstant()))
          .optional()
          .orElse(null);
    }
    return jdbc.sql(
            "SELECT level, comment, changed_at FROM conduct_entry WHERE school_id = ?"
                + " AND class_id = ? AND student_id = ? AND period = ? FOR UPDATE")
        .params(schoolId, classId, studentId, slot)
        .query(
            (rs, n) ->
                new Stamped(
                    new Conduct(rs.getString(1), rs.getString(2)),
                    null,
                    rs.getTimestamp(3).toInstant()))
        .optional()
        .orElse(null);
  }

  /**
   * Writes one corrected homeroom cell, keeping the rest of its row (the comment, the other count).
   */
  void correct(
      long schoolId,
      long classId,
      long studentId,
      int term,
      String slot,
      String value,
      Instant at,
      long by) {
    Stamped was = lock(schoolId, classId, studentId, term, slot);
    switch (slot) {
      case "P", "K" -> {
        Absences a = was == null ? new Absences(0, 0) : was.absences();
        int n = Integer.parseInt(value);
        setAbsences(
            schoolId,
            classId,
            studentId,
            term,
            slot.equals("P") ? new Absences(n, a.unexcused()) : new Absences(a.excused(), n),
            at,
            by);
      }
      default ->
          setConduct(
              schoolId,
              classId,
              studentId,
              slot,
              new Conduct(value, was == null ? null : was.conduct().comment()),
              at,
              by);
    }
  }
}
