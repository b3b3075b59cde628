package vn.truongso.corrections.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.corrections.Evidence;
import vn.truongso.corrections.Filing;
import vn.truongso.corrections.Item;
import vn.truongso.corrections.Request;
import vn.truongso.corrections.Request.State;
import vn.truongso.corrections.Waiver;
import vn.truongso.gradebook.corrections.Marks;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.NotFoundException;

/**
 * Every statement of the corrections module. It owns four tables: {@code correction_request} (one
 * row a request: what it asks for, its state, who decided and who confirmed), {@code
 * correction_item} (its cells with their values when filed), {@code correction_evidence} (its
 * files, kept in the database) and {@code correction_exception} (the principal's exceptions to the
 * filing bar). Which writes are allowed when is {@code Corrections}' business, with {@link
 * RequestLifecycle}; this class only reads and writes rows, always within one school.
 */
@Repository
public class CorrectionStore {

  private final JdbcClient jdbc;

  CorrectionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- requests

  /** A new request in state FILED, with its cells; its id. */
  public long insert(
      long schoolId,
      Marks.Grid grid,
      Filing f,
      String reason,
      Long exceptionId,
      AuthenticatedUser by,
      Instant at,
      List<Item> items) {
    long id =
        jdbc.sql(
                """
                INSERT INTO correction_request (school_id, start_year, class_id, class_name, grade,
                  subject_code, subject_name, term_no, reason, state, exception_id, filed_by,
                  filed_by_name, filed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                grid.startYear(),
                f.classId(),
                grid.className(),
                grid.grade(),
                f.subject(),
                grid.subjectName(),
                f.term(),
                reason,
                exceptionId,
                by.accountId(),
                by.displayName(),
                Timestamp.from(at))
            .query(Long.class)
            .single();
    for (Item i : items) {
      jdbc.sql(
              """
              INSERT INTO correction_item (school_id, request_id, n, student_id, student_name, slot,
                old_text, old_stamp, new_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              schoolId,
              id,
              i.n(),
              i.studentId(),
              i.studentName(),
              i.slot(),
              i.oldText(),
              i.oldStamp(),
              i.newText())
          .update();
    }
    return id;
  }

  /** The request locked for a step on it. */
  public Request forUpdate(long schoolId, long id) {
    return request(schoolId, id, " FOR UPDATE").orElseThrow(() -> new NotFoundException("request"));
  }

  public Optional<Request> request(long schoolId, long id) {
    return request(schoolId, id, "");
  }

  private Optional<Request> request(long schoolId, long id, String lock) {
    return jdbc.sql("SELECT * FROM correction_request WHERE school_id = ? AND id = ?" + lock)
        .params(schoolId, id)
        .query(CorrectionStore::request)
        .optional();
  }

  /** The year's requests, newest first: all of them, or those {@code filedBy} filed. */
  public List<Request> list(long schoolId, int startYear, boolean all, long filedBy) {
    return jdbc.sql(
            "SELECT * FROM correction_request WHERE school_id = ? AND start_year = ?"
                + " AND (? OR filed_by = ?) ORDER BY filed_at DESC, id DESC")
        .params(schoolId, startYear, all, filedBy)
        .query(CorrectionStore::request)
        .list();
  }

  /** The decision: APPROVED, or REJECTED (which ends the request). */
  public void decide(Request r, State state, AuthenticatedUser by, Instant at, String note) {
    jdbc.sql(
            "UPDATE correction_request SET state = ?, decided_by = ?, decided_by_name = ?,"
                + " decided_at = ?, decision_note = ?, ended_at = ? WHERE school_id = ? AND id = ?")
        .params(
            state.name(),
            by.accountId(),
            by.displayName(),
            Timestamp.from(at),
            note,
            state == State.REJECTED ? Timestamp.from(at) : null,
            r.schoolId(),
            r.id())
        .update();
  }

  /** The teacher's ({@code teacher}) or the data administrator's confirmation. */
  public void confirm(Request r, boolean teacher, AuthenticatedUser by, Instant at) {
    jdbc.sql(
            teacher
                ? "UPDATE correction_request SET teacher_confirmed_by = ?,"
                    + " teacher_confirmed_name = ?, teacher_confirmed_at = ?"
                    + " WHERE school_id = ? AND id = ?"
                : "UPDATE correction_request SET admin_confirmed_by = ?,"
                    + " admin_confirmed_name = ?, admin_confirmed_at = ?"
                    + " WHERE school_id = ? AND id = ?")
        .params(by.accountId(), by.displayName(), Timestamp.from(at), r.schoolId(), r.id())
        .update();
  }

  /** The request's end: carried out, stale or withdrawn. */
  public void end(Request r, State state, Instant at) {
    jdbc.sql("UPDATE correction_request SET state = ?, ended_at = ? WHERE school_id = ? AND id = ?")
        .params(state.name(), Timestamp.from(at), r.schoolId(), r.id())
        .update();
  }

  // --- cells

  public List<Item> items(long schoolId, long requestId) {
    return jdbc.sql(
            "SELECT * FROM correction_item WHERE school_id = ? AND request_id = ? ORDER BY n")
        .params(schoolId, requestId)
        .query(
            (rs, n) ->
                new Item(
                    rs.getInt("n"),
                    rs.getLong("student_id"),
                    rs.getString("student_name"),
                    rs.getString("slot"),
                    rs.getString("old_text"),
                    rs.getString("old_stamp"),
                    rs.getString("new_text")))
        .list();
  }

  /** "studentId:slot" of the cells already in a request waiting for its decision or execution. */
  public Set<String> cellsInOpenRequests(long schoolId, long classId, String subject, int term) {
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT i.student_id || ':' || i.slot FROM correction_item i
                JOIN correction_request r ON r.school_id = i.school_id AND r.id = i.request_id
                WHERE r.school_id = ? AND r.class_id = ? AND r.term_no = ?
                  AND r.subject_code IS NOT DISTINCT FROM ? AND r.state IN ('FILED', 'APPROVED')
                """)
            .params(schoolId, classId, term, subject)
            .query(String.class)
            .list());
  }

  // --- evidence

  public int evidenceCount(long schoolId, long requestId) {
    return jdbc.sql(
            "SELECT count(*) FROM correction_evidence WHERE school_id = ? AND request_id = ?")
        .params(schoolId, requestId)
        .query(Integer.class)
        .single();
  }

  /** A checked file kept with its request; its id. */
  public long insertEvidence(
      long schoolId, long requestId, EvidenceFiles.Checked c, AuthenticatedUser by, Instant at) {
    return jdbc.sql(
            """
            INSERT INTO correction_evidence (school_id, request_id, file_name, media_type,
              size_bytes, sha256, content, uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            schoolId,
            requestId,
            c.name(),
            c.mediaType(),
            c.content().length,
            c.sha256(),
            c.content(),
            by.accountId(),
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** The request's files without their content, in the order they came. */
  public List<Evidence> evidence(long schoolId, long requestId) {
    return jdbc.sql(
            "SELECT id, file_name, media_type, size_bytes, sha256, uploaded_at"
                + " FROM correction_evidence WHERE school_id = ? AND request_id = ? ORDER BY id")
        .params(schoolId, requestId)
        .query(
            (rs, n) ->
                new Evidence(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  public byte[] evidenceContent(long schoolId, long evidenceId) {
    return jdbc.sql("SELECT content FROM correction_evidence WHERE school_id = ? AND id = ?")
        .params(schoolId, evidenceId)
        .query(byte[].class)
        .single();
  }

  // --- exceptions to the filing bar

  public long insertWaiver(
      long schoolId,
      int startYear,
      Long classId,
      String reason,
      LocalDate until,
      AuthenticatedUser by,
      Instant at) {
    return jdbc.sql(
            """
            INSERT INTO correction_exception (school_id, start_year, class_id, reason,
              valid_until, granted_by, granted_by_name, granted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            schoolId,
            startYear,
            classId,
            reason,
            until,
            by.accountId(),
            by.displayName(),
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  public List<Waiver> waivers(long schoolId, int startYear) {
    return jdbc.sql(
            "SELECT * FROM correction_exception WHERE school_id = ? AND start_year = ?"
                + " ORDER BY granted_at DESC")
        .params(schoolId, startYear)
        .query(
            (rs, n) ->
                new Waiver(
                    rs.getLong("id"),
                    rs.getInt("start_year"),
                    (Long) rs.getObject("class_id"),
                    rs.getString("reason"),
                    rs.getObject("valid_until", LocalDate.class),
                    rs.getString("granted_by_name"),
                    rs.getTimestamp("granted_at").toInstant()))
        .list();
  }

  /**
   * The exception in force on {@code day} for the class: its own before the whole school's, then
   * the one that lasts longest.
   */
  public Optional<Long> waiverInForce(long schoolId, int startYear, long classId, LocalDate day) {
    return jdbc.sql(
            "SELECT id FROM correction_exception WHERE school_id = ? AND start_year = ?"
                + " AND valid_until >= ? AND (class_id IS NULL OR class_id = ?)"
                + " ORDER BY class_id NULLS LAST, valid_until DESC LIMIT 1")
        .params(schoolId, startYear, day, classId)
        .query(Long.class)
        .optional();
  }

  private static Request request(ResultSet rs, int n) throws SQLException {
    return new Request(
        rs.getLong("id"),
        rs.getLong("school_id"),
        rs.getInt("start_year"),
        rs.getLong("class_id"),
        rs.getString("class_name"),
        rs.getInt("grade"),
        rs.getString("subject_code"),
        rs.getString("subject_name"),
        rs.getInt("term_no"),
        rs.getString("reason"),
        State.valueOf(rs.getString("state")),
        (Long) rs.getObject("exception_id"),
        rs.getLong("filed_by"),
        rs.getString("filed_by_name"),
        rs.getTimestamp("filed_at").toInstant(),
        rs.getString("decided_by_name"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("decision_note"),
        rs.getString("teacher_confirmed_name"),
        instant(rs.getTimestamp("teacher_confirmed_at")),
        rs.getString("admin_confirmed_name"),
        instant(rs.getTimestamp("admin_confirmed_at")),
        instant(rs.getTimestamp("ended_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
