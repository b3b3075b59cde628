package vn.truongso.enrolment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.enrolment.Classes.PriorSchool;
import vn.truongso.enrolment.Classes.TransferRequest;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.UserInputException;

/**
 * The {@code transfer_request} table: a student leaving for another school on TruongSo, recorded as
 * a transfer out at the sending school and waiting for the receiving school to accept (the student
 * moves there with a record of their own) or decline; and the trail of earlier schools that
 * accepted transfers leave behind.
 */
@Repository
class TransferRequests {

  private static final String TRANSFER_SELECT =
      "SELECT t.*, fs.name AS from_name, ts.name AS to_name FROM transfer_request t"
          + " JOIN school fs ON fs.id = t.from_school_id JOIN school ts ON ts.id = t.to_school_id";

  private final JdbcClient jdbc;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;
  private final Organisation org;
  private final ClassStore classes;
  private final EnrolmentStore enrolments;

  TransferRequests(
      JdbcClient jdbc,
      People people,
      AuditLog audit,
      Clock clock,
      Organisation org,
      ClassStore classes,
      EnrolmentStore enrolments) {
    this.jdbc = jdbc;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
    this.org = org;
    this.classes = classes;
    this.enrolments = enrolments;
  }

  long transferOutTo(long schoolId, long studentId, LocalDate on, long toSchoolId, String reason) {
    School to =
        org.school(toSchoolId)
            .filter(s -> s.id() != schoolId)
            .orElseThrow(() -> new UserInputException("toSchool", "transfer.schoolUnknown"));
    enrolments.transferOut(schoolId, studentId, on, to.name(), reason);
    long id =
        jdbc.sql(
                """
                INSERT INTO transfer_request (from_school_id, student_id, to_school_id, leaves_on, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                studentId,
                toSchoolId,
                on,
                reason.strip(),
                Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.transfer.request", "transfer_request", id)
            .after(Map.of("studentId", studentId, "toSchoolId", toSchoolId, "on", on.toString())));
    return id;
  }

  List<TransferRequest> pendingTransfersTo(long schoolId) {
    return transfers(" WHERE t.to_school_id = ? AND t.status = 'PENDING' ORDER BY t.id", schoolId);
  }

  List<TransferRequest> transfersOf(long schoolId, long studentId) {
    return transfers(
        " WHERE t.from_school_id = ? AND t.student_id = ? ORDER BY t.id DESC", schoolId, studentId);
  }

  private List<TransferRequest> transfers(String filter, Object... params) {
    record Row(
        long id,
        long from,
        String fromName,
        long studentId,
        long to,
        String toName,
        LocalDate on,
        String reason,
        String status,
        String note,
        Long newId) {}
    List<Row> rows =
        jdbc.sql(TRANSFER_SELECT + filter)
            .params(params)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getLong("from_school_id"),
                        rs.getString("from_name"),
                        rs.getLong("student_id"),
                        rs.getLong("to_school_id"),
                        rs.getString("to_name"),
                        rs.getObject("leaves_on", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("status"),
                        rs.getString("decision_note"),
                        rs.getObject("new_student_id", Long.class)))
            .list();
    return rows.stream()
        .map(
            r ->
                new TransferRequest(
                    r.id(),
                    r.from(),
                    r.fromName(),
                    people.student(r.from(), r.studentId()).orElseThrow(),
                    r.to(),
                    r.toName(),
                    r.on(),
                    r.reason(),
                    r.status(),
                    r.note(),
                    r.newId()))
        .toList();
  }

  long acceptTransfer(long schoolId, long requestId, long classId, LocalDate on) {
    TransferRequest t = pending(schoolId, requestId);
    if (on.isBefore(t.leavesOn())) {
      throw new UserInputException("on", "transfer.beforeLeaving");
    }
    if (classes.schoolClass(schoolId, classId).isEmpty()) {
      throw new UserInputException("classId", "class.unknown");
    }
    long newId = people.moveToSchool(t.fromSchoolId(), t.student().id(), schoolId);
    enrolments.start(schoolId, classId, newId, on, "TRANSFER_IN", t.fromSchoolName());
    decide(requestId, "ACCEPTED", null, newId);
    audit.record(
        AuditEvent.of(schoolId, "enrolment.transfer.accept", "transfer_request", requestId)
            .after(Map.of("studentId", newId, "classId", classId, "on", on.toString())));
    return newId;
  }

  void declineTransfer(long schoolId, long requestId, String note) {
    pending(schoolId, requestId);
    String why = EnrolmentStore.required(note, "note");
    decide(requestId, "DECLINED", why, null);
    audit.record(
        AuditEvent.of(schoolId, "enrolment.transfer.decline", "transfer_request", requestId)
            .because(why));
  }

  /** Closes a pending request; the columns the decision does not use stay null. */
  private void decide(long requestId, String status, String note, Long newStudentId) {
    jdbc.sql(
            "UPDATE transfer_request SET status = ?, decided_at = ?, decision_note = ?,"
                + " new_student_id = ? WHERE id = ?")
        .params(status, Timestamp.from(clock.instant()), note, newStudentId, requestId)
        .update();
  }

  private TransferRequest pending(long schoolId, long requestId) {
    // Locks the request so that two clicks cannot accept it twice.
    jdbc.sql("SELECT id FROM transfer_request WHERE id = ? FOR UPDATE")
        .param(requestId)
        .query(Long.class)
        .optional();
    return pendingTransfersTo(schoolId).stream()
        .filter(t -> t.id() == requestId)
        .findFirst()
        .orElseThrow(() -> new UserInputException("requestId", "transfer.notPending"));
  }

  List<PriorSchool> priorSchools(long schoolId, long studentId) {
    List<PriorSchool> prior = new ArrayList<>();
    Optional<People.Origin> origin = people.origin(schoolId, studentId);
    // A chain of moves, followed back; bounded in case of a cycle in bad data.
    for (int i = 0; i < 20 && origin.isPresent(); i++) {
      People.Origin o = origin.get();
      prior.add(
          new PriorSchool(
              o.schoolId(),
              org.school(o.schoolId()).map(School::name).orElse(""),
              enrolments.registerEntry(o.schoolId(), o.studentId()).orElse(null),
              enrolments.history(o.schoolId(), o.studentId())));
      origin = people.origin(o.schoolId(), o.studentId());
    }
    return prior;
  }
}
