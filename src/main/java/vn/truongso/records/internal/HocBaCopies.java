package vn.truongso.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.ScannedFiles;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.CopyRequests.Request;
import vn.truongso.records.internal.CopyRequests.State;

/**
 * Certified copies of a học bạ (DH-SD: "cấp bản sao học bạ"): the office records the written
 * application of a person who lost their học bạ, the principal (or the delegated approver) approves
 * or refuses it, and the office issues the copy, numbered with its minutes. Those who print the
 * school's books record and issue ({@link Action#PRINT_BOOKS}); those who seal them decide ({@link
 * Action#SEAL_RECORDS}).
 */
@Service
public class HocBaCopies {

  /** A scanned application is a few pages: more than this is not one. */
  public static final int MAX_APPLICATION_BYTES = 5 * 1024 * 1024;

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  private final CopyRequests store;
  private final People people;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  HocBaCopies(
      CopyRequests store, People people, Authorization authorization, AuditLog audit, Clock clock) {
    this.store = store;
    this.people = people;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** The form as typed: the student by their code or personal ID. */
  public record Form(
      String student,
      String applicantName,
      String applicantRelation,
      String reason,
      @Nullable LocalDate receivedOn,
      byte @Nullable [] application) {}

  /** A request with the student it is for. */
  public record Row(Request request, People.Student student) {}

  @Transactional(readOnly = true)
  public List<Row> list(long schoolId) {
    requireOffice(schoolId);
    List<Request> requests = store.ofSchool(schoolId);
    Map<Long, People.Student> students =
        people.students(schoolId, requests.stream().map(Request::studentId).toList()).stream()
            .collect(java.util.stream.Collectors.toMap(People.Student::id, s -> s));
    List<Row> rows = new java.util.ArrayList<>();
    for (Request r : requests) {
      People.Student s = students.get(r.studentId());
      if (s != null) {
        rows.add(new Row(r, s));
      }
    }
    return rows;
  }

  public boolean mayDecide(long schoolId) {
    return authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId));
  }

  @Transactional
  public long record(AuthenticatedUser user, long schoolId, Form form) {
    requireOffice(schoolId);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    People.@Nullable Student found = student(schoolId, form.student(), errors);
    text(form.applicantName(), "applicantName", 200, errors);
    text(form.applicantRelation(), "applicantRelation", 100, errors);
    text(form.reason(), "reason", 1000, errors);
    LocalDate received = form.receivedOn();
    LocalDate today = LocalDate.now(clock.withZone(VN));
    if (received == null) {
      errors.add("receivedOn", "records.copy.receivedOn.required");
    } else if (received.isAfter(today)) {
      errors.add("receivedOn", "records.copy.receivedOn.future");
    }
    byte[] file = form.application();
    String type = null;
    if (file != null && file.length > 0) {
      if (file.length > MAX_APPLICATION_BYTES) {
        errors.add("application", "records.copy.application.size", 5);
      } else {
        type = ScannedFiles.mediaType(file).orElse(null);
        if (type == null) {
          errors.add("application", "records.copy.application.type");
        }
      }
    } else {
      file = null;
    }
    errors.throwIfAny();
    People.Student student = java.util.Objects.requireNonNull(found);
    long id =
        store.insert(
            schoolId,
            new CopyRequests.NewRequest(
                student.id(),
                form.applicantName().strip(),
                form.applicantRelation().strip(),
                form.reason().strip(),
                java.util.Objects.requireNonNull(received),
                file,
                type),
            user,
            clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "records.copy.requested", "hocba_copy_request", id)
            .after(Map.of("student", student.id(), "applicationFile", type != null)));
    return id;
  }

  @Transactional
  public void approve(AuthenticatedUser user, long schoolId, long id) {
    decide(user, schoolId, id, State.APPROVED, null);
  }

  @Transactional
  public void refuse(AuthenticatedUser user, long schoolId, long id, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw new UserInputException("refusal", "records.copy.refusal.required");
    }
    decide(user, schoolId, id, State.REFUSED, why);
  }

  private void decide(
      AuthenticatedUser user, long schoolId, long id, State to, @Nullable String why) {
    if (!mayDecide(schoolId)) {
      throw new AccessDeniedException("records.copy.decide");
    }
    Request r = store.lock(schoolId, id).orElseThrow(() -> new NotFoundException("copy"));
    if (r.state() != State.REQUESTED) {
      throw new UserInputException("state", "records.copy.decided");
    }
    store.decide(schoolId, id, to, user, clock.instant(), why);
    AuditEvent e =
        AuditEvent.of(
                schoolId,
                "records.copy." + to.name().toLowerCase(java.util.Locale.ROOT),
                "hocba_copy_request",
                id)
            .before(Map.of("state", r.state().name()))
            .after(Map.of("state", to.name()));
    audit.record(why == null ? e : e.because(why));
  }

  /**
   * Issues an approved request: the next minutes number of the year, and the subjects whose teacher
   * no longer works at the school (their group's head signs in their place). Issuing twice is
   * refused; the documents of an issued request print again as they were.
   */
  @Transactional
  public Request issue(AuthenticatedUser user, long schoolId, long id, List<String> inPlace) {
    requireOffice(schoolId);
    Request r = store.lock(schoolId, id).orElseThrow(() -> new NotFoundException("copy"));
    if (r.state() != State.APPROVED) {
      throw new UserInputException(
          "state", r.state() == State.ISSUED ? "records.copy.issued" : "records.copy.notApproved");
    }
    Instant at = clock.instant();
    int year = at.atZone(VN).getYear();
    List<String> subjects =
        inPlace.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    int number = store.issue(schoolId, id, year, subjects, user, at);
    audit.record(
        AuditEvent.of(schoolId, "records.copy.issued", "hocba_copy_request", id)
            .before(Map.of("state", "APPROVED"))
            .after(Map.of("state", "ISSUED", "number", number + "/" + year, "inPlace", subjects)));
    return store.find(schoolId, id).orElseThrow();
  }

  /** An issued request, for its documents. */
  @Transactional(readOnly = true)
  public Row issued(long schoolId, long id) {
    requireOffice(schoolId);
    Request r = store.find(schoolId, id).orElseThrow(() -> new NotFoundException("copy"));
    if (r.state() != State.ISSUED) {
      // the documents exist once issued; the page offers them only then
      throw new NotFoundException("copy " + id + " not issued");
    }
    People.Student s =
        people.student(schoolId, r.studentId()).orElseThrow(() -> new NotFoundException("student"));
    return new Row(r, s);
  }

  /** The scanned application, to whoever keeps the requests. */
  @Transactional(readOnly = true)
  public java.util.Optional<byte[]> application(long schoolId, long id) {
    requireOffice(schoolId);
    return store.application(schoolId, id);
  }

  private void requireOffice(long schoolId) {
    if (!authorization.permits(Action.PRINT_BOOKS, Target.school(schoolId))
        && !mayDecide(schoolId)) {
      throw new AccessDeniedException("records.copy");
    }
  }

  private People.@Nullable Student student(
      long schoolId, String typed, InvalidInput.Collector errors) {
    String t = typed == null ? "" : typed.strip();
    java.util.Optional<PersonalId> id = PersonalId.parse(t);
    People.@Nullable Student found =
        t.isEmpty()
            ? null
            : people.studentsOf(schoolId).stream()
                .filter(
                    s ->
                        s.studentCode().equalsIgnoreCase(t)
                            || (id.isPresent() && id.get().equals(s.personalId())))
                .findFirst()
                .orElse(null);
    if (found == null) {
      errors.add("student", "records.copy.student.unknown", t);
    }
    return found;
  }

  private static void text(String value, String field, int max, InvalidInput.Collector errors) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      errors.add(field, "records.copy.required");
    } else if (v.length() > max) {
      errors.add(field, "records.copy.tooLong", max);
    }
  }
}
