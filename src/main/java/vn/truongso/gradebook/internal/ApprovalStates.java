package vn.truongso.gradebook.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each class's results stand (submitted, approved, returned) per period, and the check every
 * save makes: a submitted or approved period takes no more changes to its inputs.
 */
@Repository
public class ApprovalStates {

  /** Period 1 is the first term; period 2 the second term together with the year. */
  public enum State {
    SUBMITTED,
    APPROVED,
    RETURNED
  }

  public record Status(
      int period,
      State state,
      long submittedBy,
      Instant submittedAt,
      Long decidedBy,
      Instant decidedAt,
      String note) {
    /** Inputs may no longer change: waiting for approval, or approved. */
    public boolean frozen() {
      return state != State.RETURNED;
    }

    public boolean approved() {
      return state == State.APPROVED;
    }
  }

  private final JdbcClient jdbc;

  ApprovalStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The period's status, share-locked so that an approval in progress finishes before a save
   * decides whether it may write.
   */
  public Optional<Status> forSave(long schoolId, long classId, int period) {
    return status(schoolId, classId, period, " FOR SHARE");
  }

  /** For a save: whether the period takes no more changes, with the row share-locked. */
  public boolean frozenForSave(long schoolId, long classId, int period) {
    return forSave(schoolId, classId, period).map(Status::frozen).orElse(false);
  }

  /** For a save: whether the period is approved, with the row share-locked. */
  public boolean approvedForSave(long schoolId, long classId, int period) {
    return forSave(schoolId, classId, period).map(Status::approved).orElse(false);
  }

  /** For showing a page (read-only transactions cannot lock). */
  public boolean approved(long schoolId, long classId, int period) {
    return status(schoolId, classId, period, "").map(Status::approved).orElse(false);
  }

  /** The period's status locked for a transition. */
  Optional<Status> forUpdate(long schoolId, long classId, int period) {
    return status(schoolId, classId, period, " FOR UPDATE");
  }

  private Optional<Status> status(long schoolId, long classId, int period, String lock) {
    return jdbc.sql(
            "SELECT * FROM result_approval WHERE school_id = ? AND class_id = ? AND period = ?"
                + lock)
        .params(schoolId, classId, period)
        .query(ApprovalStates::map)
        .optional();
  }

  public Map<Integer, Status> ofClass(long schoolId, long classId) {
    Map<Integer, Status> m = new java.util.TreeMap<>();
    jdbc.sql("SELECT * FROM result_approval WHERE school_id = ? AND class_id = ?")
        .params(schoolId, classId)
        .query(ApprovalStates::map)
        .list()
        .forEach(s -> m.put(s.period(), s));
    return m;
  }

  /** Every class of the school with a status, by class and period. */
  public Map<Long, Map<Integer, Status>> ofSchool(long schoolId, List<Long> classIds) {
    Map<Long, Map<Integer, Status>> m = new java.util.HashMap<>();
    jdbc.sql("SELECT * FROM result_approval WHERE school_id = ? AND class_id = ANY(?)")
        .params(schoolId, classIds.toArray(Long[]::new))
        .query((rs, n) -> Map.entry(rs.getLong("class_id"), map(rs, n)))
        .list()
        .forEach(
            e ->
                m.computeIfAbsent(e.getKey(), k -> new java.util.TreeMap<>())
                    .put(e.getValue().period(), e.getValue()));
    return m;
  }

  void submit(long schoolId, long classId, int period, long by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO result_approval (school_id, class_id, period, state, submitted_by, submitted_at)
            VALUES (?, ?, ?, 'SUBMITTED', ?, ?)
            ON CONFLICT (school_id, class_id, period) DO UPDATE
              SET state = 'SUBMITTED', submitted_by = excluded.submitted_by,
                  submitted_at = excluded.submitted_at, decided_by = NULL, decided_at = NULL,
                  note = NULL
            """)
        .params(schoolId, classId, period, by, ts(at))
        .update();
  }

  void decide(
      long schoolId, long classId, int period, State state, long by, Instant at, String note) {
    jdbc.sql(
            "UPDATE result_approval SET state = ?, decided_by = ?, decided_at = ?, note = ?"
                + " WHERE school_id = ? AND class_id = ? AND period = ?")
        .params(state.name(), by, ts(at), note, schoolId, classId, period)
        .update();
  }

  private static OffsetDateTime ts(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  private static Status map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
    return new Status(
        rs.getInt("period"),
        State.valueOf(rs.getString("state")),
        rs.getLong("submitted_by"),
        rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
        rs.getObject("decided_by", Long.class),
        decided == null ? null : decided.toInstant(),
        rs.getString("note"));
  }
}
