package vn.truongso.gradebook.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Score;
import vn.truongso.gradebook.MarkHistory;

/** The grade book's cells in the database; every write checks the version it was based on. */
@Repository
class ScoreCells {

  private final JdbcClient jdbc;
  private final MarkEvents events;

  ScoreCells(JdbcClient jdbc, MarkEvents events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Where a cell lives. */
  record Key(
      long schoolId, long classId, String subjectCode, int term, long studentId, String slot) {
    String id() {
      return classId + "/" + subjectCode + "/" + term + "/" + studentId + "/" + slot;
    }

    /** The key's values in the order every statement here names its columns. */
    Object[] values() {
      return new Object[] {schoolId, classId, subjectCode, term, studentId, slot};
    }
  }

  /** What a cell holds: a mark, "absent, to be made up", or nothing. */
  record Content(Mark mark, boolean absent) {
    static final Content EMPTY = new Content(null, false);

    boolean isEmpty() {
      return mark == null && !absent;
    }
  }

  record Cell(long studentId, String slot, Content content, int version) {}

  /**
   * Who writes a cell and when, and how: the name is kept with the cell's history as it is now, as
   * the audit log keeps it; {@code requestId} names the correction request that a correction
   * carries out.
   */
  record Author(
      Instant at, long accountId, String name, MarkHistory.Source source, Long requestId) {}

  /** The cells of a class, subject and term written after {@code since}, as student/slot. */
  java.util.Set<String> changedSince(
      long schoolId, long classId, String subject, int term, Instant since) {
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                SELECT student_id || '/' || slot FROM score_cell
                WHERE school_id = ? AND class_id = ? AND subject_code = ? AND term_no = ?
                  AND changed_at > ?
                """)
            .params(schoolId, classId, subject, term, since.atOffset(java.time.ZoneOffset.UTC))
            .query(String.class)
            .list());
  }

  /** The cell as stored, locked for the rest of the transaction. */
  Optional<Cell> lock(Key k) {
    return jdbc.sql(
            """
            SELECT student_id, slot, score, comment, absent, version FROM score_cell
            WHERE school_id = ? AND class_id = ? AND subject_code = ? AND term_no = ?
              AND student_id = ? AND slot = ? FOR UPDATE
            """)
        .params(k.values())
        .query(ScoreCells::cell)
        .optional();
  }

  /**
   * Creates the cell and its first version; false when another writer created it first. Empty
   * content is never stored as a first version: there is nothing to create.
   */
  boolean insert(Key k, Content c, Author by) {
    boolean created =
        jdbc.sql(
                    """
                    INSERT INTO score_cell (school_id, class_id, subject_code, term_no, student_id,
                                            slot, score, comment, absent, version, changed_at,
                                            changed_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                    ON CONFLICT DO NOTHING
                    """)
                .params(k.values())
                .params(
                    score(c),
                    comment(c),
                    c.absent(),
                    java.sql.Timestamp.from(by.at()),
                    by.accountId())
                .update()
            == 1;
    if (created) {
      history(k, 1, null, c, by);
    }
    return created;
  }

  /** Replaces the cell's content with {@code c} as its {@code version}, keeping the version. */
  void update(Key k, Content before, Content c, int version, Author by) {
    jdbc.sql(
            """
            UPDATE score_cell SET score = ?, comment = ?, absent = ?, version = ?,
                                  changed_at = ?, changed_by = ?
            WHERE school_id = ? AND class_id = ? AND subject_code = ? AND term_no = ?
              AND student_id = ? AND slot = ?
            """)
        .params(
            score(c),
            comment(c),
            c.absent(),
            version,
            java.sql.Timestamp.from(by.at()),
            by.accountId())
        .params(k.values())
        .update();
    history(k, version, before, c, by);
  }

  private void history(Key k, int version, Content before, Content after, Author by) {
    // every write of a cell passes here: the one place that tells other modules marks changed
    events.changed(k);
    jdbc.sql(
            """
            INSERT INTO score_cell_version (school_id, class_id, subject_code, term_no, student_id,
                                            slot, version, value_before, value_after, changed_at,
                                            changed_by, changed_by_name, source,
                                            correction_request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(k.values())
        .params(
            version,
            before == null ? null : TypedMarks.text(before),
            TypedMarks.text(after),
            java.sql.Timestamp.from(by.at()),
            by.accountId(),
            by.name(),
            by.source().name(),
            by.requestId())
        .update();
  }

  /** Every cell of a class, subject and term (one student's when {@code studentId} is set). */
  List<Cell> cells(long schoolId, long classId, String subjectCode, int term, Long studentId) {
    return jdbc.sql(
            """
            SELECT student_id, slot, score, comment, absent, version FROM score_cell
            WHERE school_id = ? AND class_id = ? AND subject_code = ? AND term_no = ?
              AND (CAST(? AS bigint) IS NULL OR student_id = ?)
            """)
        .params(schoolId, classId, subjectCode, term, studentId, studentId)
        .query(ScoreCells::cell)
        .list();
  }

  /** The subjects of which the class has any cell. */
  List<String> subjectsOfClass(long schoolId, long classId) {
    return jdbc.sql(
            "SELECT DISTINCT subject_code FROM score_cell WHERE school_id = ? AND class_id = ?")
        .params(schoolId, classId)
        .query(String.class)
        .list();
  }

  /** A cell of any subject and term of the class. */
  record ClassCell(String subject, int term, long studentId, String slot, Content content) {}

  List<ClassCell> cellsOfClass(long schoolId, long classId) {
    return cellsOfClass(schoolId, classId, null);
  }

  /** The class's cells of one student ({@code studentId} set), or of everyone. */
  List<ClassCell> cellsOfClass(long schoolId, long classId, Long studentId) {
    return jdbc.sql(
            """
            SELECT subject_code, term_no, student_id, slot, score, comment, absent, version
            FROM score_cell WHERE school_id = ? AND class_id = ?
              AND (CAST(? AS bigint) IS NULL OR student_id = ?)
            """)
        .params(schoolId, classId, studentId, studentId)
        .query(
            (rs, n) ->
                new ClassCell(
                    rs.getString("subject_code"),
                    rs.getInt("term_no"),
                    rs.getLong("student_id"),
                    rs.getString("slot"),
                    cell(rs, n).content()))
        .list();
  }

  private static BigDecimal score(Content c) {
    return c.mark() instanceof Score s ? s.value() : null;
  }

  private static String comment(Content c) {
    return c.mark() instanceof Comment m ? m.name() : null;
  }

  private static Cell cell(ResultSet rs, int n) throws SQLException {
    BigDecimal score = rs.getBigDecimal("score");
    String comment = rs.getString("comment");
    Mark mark =
        score != null ? new Score(score) : comment != null ? Comment.valueOf(comment) : null;
    return new Cell(
        rs.getLong("student_id"),
        rs.getString("slot"),
        new Content(mark, rs.getBoolean("absent")),
        rs.getInt("version"));
  }
}
