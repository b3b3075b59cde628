package vn.truongso.attendance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.StudentAttendance;
import vn.truongso.attendance.internal.RollRules.Kind;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Absence requests: the family asks from the portal, the homeroom teacher accepts (the days' rolls
 * already taken mark the student P; the days to come open with P already marked) or answers.
 */
@Service
public class AbsenceRequests implements StudentAttendance {

  /** Longest span a request covers, and how far back a family may still ask. */
  static final int MAX_DAYS = 31;

  static final int DAYS_BACK = 7;

  static final int MAX_TEXT = 500;

  private final RequestStore requests;
  private final RollStore rolls;
  private final AttendanceSettings settings;
  private final RollTotals totals;
  private final Classes classes;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  AbsenceRequests(
      RequestStore requests,
      RollStore rolls,
      AttendanceSettings settings,
      RollTotals totals,
      Classes classes,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.requests = requests;
    this.rolls = rolls;
    this.settings = settings;
    this.totals = totals;
    this.classes = classes;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<DayMark> marks(long schoolId, long studentId, LocalDate from, LocalDate to) {
    return requests.marks(schoolId, studentId, from, to);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Request> requests(long schoolId, long studentId) {
    return requests.ofStudent(schoolId, studentId);
  }

  @Override
  @Transactional
  public long request(
      AuthenticatedUser user,
      long schoolId,
      long studentId,
      LocalDate from,
      LocalDate to,
      String reason) {
    authorization.require(Action.REQUEST_ABSENCE, Target.student(schoolId, null, studentId));
    LocalDate today = LocalDate.now(clock);
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      throw new UserInputException("reason", "attendance.request.reason", MAX_TEXT);
    }
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new UserInputException("to", "attendance.request.span", MAX_DAYS);
    }
    if (from.isBefore(today.minusDays(DAYS_BACK))) {
      throw new UserInputException("from", "attendance.request.tooLate", DAYS_BACK);
    }
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      if (settings.lockOf(schoolId, m.atDay(1), true).isPresent()) {
        throw new UserInputException(
            "from", "attendance.request.monthLocked", m.getMonthValue() + "/" + m.getYear());
      }
    }
    LocalDate on = from.isAfter(today) ? from : today;
    long classId =
        classes
            .classOf(schoolId, studentId, on)
            .orElseThrow(() -> new UserInputException("from", "attendance.request.noClass"));
    long id =
        requests.insert(
            schoolId, studentId, classId, from, to, text, user.accountId(), clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "attendance.request.send", "attendance_request", id)
            .after(Map.of("student", studentId, "from", from.toString(), "to", to.toString())));
    return id;
  }

  /** The class's requests waiting for the homeroom teacher, and those covering days to come. */
  @Transactional(readOnly = true)
  public List<RequestStore.Stored> ofClass(long schoolId, long classId) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    if (!authorization.permits(Action.VIEW_ATTENDANCE, RollTaking.target(c))) {
      throw new AccessDeniedException("attendance.requests");
    }
    return requests.ofClass(schoolId, classId, LocalDate.now(clock));
  }

  /**
   * Accepts a request: each roll already taken on its days marks the student P with the family's
   * reason (a new version of that roll, logged, its term's totals handed on); the days to come open
   * with it marked.
   */
  @Transactional
  public void accept(AuthenticatedUser user, long schoolId, long id) {
    RequestStore.Stored r = waiting(schoolId, id);
    Classes.SchoolClass c = schoolClass(schoolId, r.classId());
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    TreeSet<Integer> terms = new TreeSet<>();
    List<Session> sessions = RollRules.sessions(RollTotals.shift(c));
    for (LocalDate d = r.request().from();
        !d.isAfter(r.request().to()) && !d.isAfter(today);
        d = d.plusDays(1)) {
      for (Session s : sessions) {
        if (markExcused(c, r, d, s, user.accountId(), now)) {
          terms.add(totals.year(c).termOn(d));
        }
      }
    }
    for (int term : terms) {
      totals.requireOpen(c, term);
      totals.hand(c, term, user.accountId());
    }
    requests.answer(schoolId, id, "ACCEPTED", null, user.accountId(), now);
    audit.record(AuditEvent.of(schoolId, "attendance.request.accept", "attendance_request", id));
  }

  /** Answers a request without accepting it (asks for more, or declines, in words). */
  @Transactional
  public void answer(AuthenticatedUser user, long schoolId, long id, String answer) {
    String text = answer == null ? "" : answer.strip();
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      throw new UserInputException("answer", "attendance.request.answerText", MAX_TEXT);
    }
    waiting(schoolId, id);
    requests.answer(schoolId, id, "ANSWERED", text, user.accountId(), clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "attendance.request.answer", "attendance_request", id)
            .after(Map.of("answer", text)));
  }

  /** Marks the student P in the day's roll if it was taken; whether it changed. */
  private boolean markExcused(
      Classes.SchoolClass c, RequestStore.Stored r, LocalDate d, Session s, long by, Instant now) {
    var version = rolls.lock(c.schoolId(), c.id(), d, s);
    if (version.isEmpty()) {
      return false;
    }
    if (settings.lockOf(c.schoolId(), d, true).isPresent()) {
      throw new UserInputException(
          null, "attendance.request.monthLocked", d.getMonthValue() + "/" + d.getYear());
    }
    Map<Long, RollStore.Mark> marks =
        new java.util.LinkedHashMap<>(rolls.marks(c.schoolId(), c.id(), d, s));
    RollStore.Mark was = marks.get(r.studentId());
    if (was != null && was.kind() == Kind.P) {
      return false;
    }
    marks.put(r.studentId(), new RollStore.Mark(Kind.P, r.request().reason()));
    String note = "#" + r.request().id();
    rolls.update(c.schoolId(), c.id(), d, s, version.get() + 1, by, now, note);
    rolls.replaceMarks(c.schoolId(), c.id(), d, s, marks);
    audit.record(
        AuditEvent.of(
                c.schoolId(), "attendance.roll.save", "attendance_roll", c.id() + "/" + d + "/" + s)
            .before(was == null ? null : Map.of(String.valueOf(r.studentId()), was))
            .after(Map.of(String.valueOf(r.studentId()), marks.get(r.studentId())))
            .because(note));
    return true;
  }

  /** The request locked, if the user may decide it and it still waits. */
  private RequestStore.Stored waiting(long schoolId, long id) {
    RequestStore.Stored r =
        requests.lock(schoolId, id).orElseThrow(() -> new NotFoundException("attendance.request"));
    Classes.SchoolClass c = schoolClass(schoolId, r.classId());
    if (!authorization.permits(Action.ENTER_ATTENDANCE, RollTaking.target(c))) {
      throw new AccessDeniedException("attendance.request");
    }
    if (!r.request().state().equals("PENDING")) {
      throw new UserInputException(null, "attendance.request.decided");
    }
    return r;
  }

  private Classes.SchoolClass schoolClass(long schoolId, long classId) {
    return classes
        .schoolClass(schoolId, classId)
        .orElseThrow(() -> new NotFoundException("attendance.class"));
  }
}
