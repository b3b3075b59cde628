package vn.truongso.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.platform.AuthenticatedUser;

/** The rows of {@code hocba_copy_request}: SQL only. */
@Repository
class CopyRequests {

  enum State {
    REQUESTED,
    APPROVED,
    REFUSED,
    ISSUED
  }

  /** A request as the pages show it (the application file's bytes are read apart). */
  record Request(
      long id,
      long studentId,
      String applicantName,
      String applicantRelation,
      String reason,
      LocalDate receivedOn,
      @Nullable String applicationType,
      State state,
      String requestedByName,
      Instant requestedAt,
      @Nullable String decidedByName,
      @Nullable Instant decidedAt,
      @Nullable String refusalReason,
      @Nullable Integer number,
      @Nullable Integer numberYear,
      @Nullable String issuedByName,
      @Nullable Instant issuedAt,
      List<String> signedInPlace) {}

  record NewRequest(
      long studentId,
      String applicantName,
      String applicantRelation,
      String reason,
      LocalDate receivedOn,
      byte @Nullable [] application,
      @Nullable String applicationType) {}

  private final JdbcClient jdbc;

  CopyRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long schoolId, NewRequest r, AuthenticatedUser by, Instant at) {
    return jdbc.sql(
            "INSERT INTO hocba_copy_request (school_id, student_id, applicant_name,"
                + " applicant_relation, reason, received_on, application, application_type, state,"
                + " requested_by, requested_by_name, requested_at) VALUES (:school, :student,"
                + " :applicant, :relation, :reason, :received, :file, :type, 'REQUESTED', :by,"
                + " :byName, :at) RETURNING id")
        .param("school", schoolId)
        .param("student", r.studentId())
        .param("applicant", r.applicantName())
        .param("relation", r.applicantRelation())
        .param("reason", r.reason())
        .param("received", r.receivedOn())
        .param("file", r.application())
        .param("type", r.applicationType())
        .param("by", by.accountId())
        .param("byName", by.displayName())
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  List<Request> ofSchool(long schoolId) {
    return jdbc.sql(SELECT + " WHERE school_id = ? ORDER BY id DESC")
        .param(schoolId)
        .query(CopyRequests::map)
        .list();
  }

  /** The request, locked until the transaction ends. */
  Optional<Request> lock(long schoolId, long id) {
    return jdbc.sql(SELECT + " WHERE school_id = ? AND id = ? FOR UPDATE")
        .params(schoolId, id)
        .query(CopyRequests::map)
        .optional();
  }

  Optional<Request> find(long schoolId, long id) {
    return jdbc.sql(SELECT + " WHERE school_id = ? AND id = ?")
        .params(schoolId, id)
        .query(CopyRequests::map)
        .optional();
  }

  Optional<byte[]> application(long schoolId, long id) {
    return jdbc.sql("SELECT application FROM hocba_copy_request WHERE school_id = ? AND id = ?")
        .params(schoolId, id)
        .query((rs, n) -> rs.getBytes(1))
        .optional()
        .filter(b -> b != null);
  }

  void decide(
      long schoolId, long id, State state, AuthenticatedUser by, Instant at, @Nullable String why) {
    jdbc.sql(
            "UPDATE hocba_copy_request SET state = :state, decided_by = :by,"
                + " decided_by_name = :byName, decided_at = :at, refusal_reason = :why"
                + " WHERE school_id = :school AND id = :id")
        .param("state", state.name())
        .param("by", by.accountId())
        .param("byName", by.displayName())
        .param("at", Timestamp.from(at))
        .param("why", why)
        .param("school", schoolId)
        .param("id", id)
        .update();
  }

  /** Marks the request issued with the next minutes number of the calendar year; answers it. */
  int issue(
      long schoolId, long id, int year, List<String> inPlace, AuthenticatedUser by, Instant at) {
    // one number at a time per school and year: the minutes are numbered without gaps
    jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
        .params((int) schoolId, year)
        .query()
        .listOfRows();
    int number =
        jdbc.sql(
                "SELECT coalesce(max(number), 0) + 1 FROM hocba_copy_request"
                    + " WHERE school_id = ? AND number_year = ?")
            .params(schoolId, year)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "UPDATE hocba_copy_request SET state = 'ISSUED', number = ?, number_year = ?,"
                + " issued_by = ?, issued_by_name = ?, issued_at = ?, signed_in_place = ?"
                + " WHERE school_id = ? AND id = ?")
        .params(
            number,
            year,
            by.accountId(),
            by.displayName(),
            Timestamp.from(at),
            inPlace.toArray(String[]::new),
            schoolId,
            id)
        .update();
    return number;
  }

  private static final String SELECT =
      "SELECT id, student_id, applicant_name, applicant_relation, reason, received_on,"
          + " application_type, state, requested_by_name, requested_at, decided_by_name,"
          + " decided_at, refusal_reason, number, number_year, issued_by_name, issued_at,"
          + " signed_in_place FROM hocba_copy_request";

  private static Request map(ResultSet rs, int n) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    Timestamp issued = rs.getTimestamp("issued_at");
    return new Request(
        rs.getLong("id"),
        rs.getLong("student_id"),
        rs.getString("applicant_name"),
        rs.getString("applicant_relation"),
        rs.getString("reason"),
        rs.getObject("received_on", LocalDate.class),
        rs.getString("application_type"),
        State.valueOf(rs.getString("state")),
        rs.getString("requested_by_name"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("decided_by_name"),
        decided == null ? null : decided.toInstant(),
        rs.getString("refusal_reason"),
        rs.getObject("number", Integer.class),
        rs.getObject("number_year", Integer.class),
        rs.getString("issued_by_name"),
        issued == null ? null : issued.toInstant(),
        List.of((String[]) rs.getArray("signed_in_place").getArray()));
  }
}
