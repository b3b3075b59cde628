package vn.truongso.attendance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.internal.RollRules.Kind;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.attendance.internal.RollStore.Mark;
import vn.truongso.control.EntryCalendar;
import vn.truongso.control.YearSeals;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Taking the roll: the class as it was on the day, everyone present unless marked, saved as a whole
 * under the roll's version (two people taking it at once: the second is told), a sending carried
 * twice written once, a late change only with a note, a closed month or a closed class book term
 * refused; the term's totals then handed to the grade book in the same transaction.
 */
@Service
public class RollTaking {

  private final RollStore store;
  private final RequestStore requests;
  private final AttendanceSettings settings;
  private final Classes classes;
  private final EntryCalendar calendar;
  private final YearSeals seals;
  private final RollTotals totals;
  private final AbsenceWarnings warnings;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  RollTaking(
      RollStore store,
      RequestStore requests,
      AttendanceSettings settings,
      Classes classes,
      EntryCalendar calendar,
      YearSeals seals,
      RollTotals totals,
      AbsenceWarnings warnings,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.requests = requests;
    this.settings = settings;
    this.classes = classes;
    this.calendar = calendar;
    this.seals = seals;
    this.totals = totals;
    this.warnings = warnings;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** A student's line of the roll: unmarked means present. */
  public record Line(People.Student student, @Nullable Kind kind, @Nullable String reason) {}

  /**
   * The roll of a class for a day and session as its page shows it. {@code closedKey}: why it
   * cannot be taken or changed (null: it can, by whoever may take it); {@code needsNote}: a change
   * now needs the homeroom teacher's note.
   */
  public record RollView(
      Classes.SchoolClass schoolClass,
      LocalDate day,
      Session session,
      List<Session> sessions,
      List<Line> lines,
      int version,
      @Nullable Instant takenAt,
      @Nullable String note,
      boolean mayTake,
      @Nullable String closedKey,
      Object[] closedArgs,
      boolean needsNote,
      LocalDate today) {

    public boolean editable() {
      return mayTake && closedKey == null;
    }

    public long absent() {
      return lines.stream().filter(l -> l.kind() != null && l.kind().absent()).count();
    }
  }

  /** What the phone sends: its key, the roll it changes and the version it started from. */
  public record Sending(
      UUID key,
      LocalDate day,
      Session session,
      int version,
      @Nullable String note,
      Map<Long, Mark> marks) {}

  /** The roll's new version; {@code again}: this sending had arrived before and was not redone. */
  public record Saved(int version, boolean again) {}

  @Transactional(readOnly = true)
  public RollView view(
      long schoolId, long classId, @Nullable LocalDate wanted, @Nullable Session s) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    boolean mayTake = mayTake(c);
    if (!mayTake && !authorization.permits(Action.VIEW_ATTENDANCE, target(c))) {
      throw new AccessDeniedException("attendance.roll");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate day = wanted == null ? today : wanted;
    List<Session> sessions = RollRules.sessions(shift(c));
    Session session = s != null ? s : defaultSession(sessions);
    Optional<RollStore.Roll> roll = store.roll(schoolId, classId, day, session);
    Map<Long, Mark> marks = store.marks(schoolId, classId, day, session);
    if (roll.isEmpty()) {
      // A roll not taken yet opens with the students whose absence the teacher has accepted.
      requests
          .acceptedOn(schoolId, classId, day)
          .forEach((id, why) -> marks.put(id, new Mark(Kind.P, why)));
    }
    List<Line> lines =
        classes.roster(schoolId, classId, day).stream()
            .map(
                st -> {
                  Mark m = marks.get(st.id());
                  return new Line(st, m == null ? null : m.kind(), m == null ? null : m.reason());
                })
            .toList();
    Closed closed = closed(c, day, session, today, sessions, false);
    return new RollView(
        c,
        day,
        session,
        sessions,
        lines,
        roll.map(RollStore.Roll::version).orElse(0),
        roll.map(RollStore.Roll::takenAt).orElse(null),
        roll.map(RollStore.Roll::note).orElse(null),
        mayTake,
        closed.key(),
        closed.args(),
        RollRules.needsNote(day, today, settings.of(schoolId).freeDays()),
        today);
  }

  @Transactional
  public Saved save(AuthenticatedUser user, long schoolId, long classId, Sending in) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    if (!mayTake(c)) {
      throw new AccessDeniedException("attendance.roll");
    }
    // A sealed year is read-only at every level, the kindergarten's and primary's rolls too.
    seals.requireUnsealed(schoolId, c.startYear());
    LocalDate today = LocalDate.now(clock);
    SchoolYear year = year(c);
    Closed closed = closed(c, in.day(), in.session(), today, RollRules.sessions(shift(c)), true);
    if (closed.key() != null) {
      throw new UserInputException(null, closed.key(), closed.args());
    }
    boolean late = RollRules.needsNote(in.day(), today, settings.of(schoolId).freeDays());
    String note = check(c, in, late);
    Instant now = clock.instant();
    if (!store.claim(schoolId, in.key(), classId, in.day(), in.session(), now)) {
      return again(schoolId, classId, in);
    }
    int term = year.termOn(in.day());
    totals.requireOpen(c, term);
    Map<Long, Mark> before = store.marks(schoolId, classId, in.day(), in.session());
    int version = write(c, in, user.accountId(), now, note);
    store.sent(schoolId, in.key(), version);
    audit.record(
        AuditEvent.of(
                schoolId,
                "attendance.roll.save",
                "attendance_roll",
                classId + "/" + in.day() + "/" + in.session())
            .before(before.isEmpty() && in.version() == 0 ? null : before)
            .after(in.marks())
            .because(note));
    totals.hand(c, term, user.accountId());
    warnings.check(
        c,
        year,
        in.day(),
        in.marks().entrySet().stream()
            .filter(e -> e.getValue().kind().absent())
            .map(Map.Entry::getKey)
            .toList());
    return new Saved(version, false);
  }

  /** Writes the roll under its version; the new version. */
  private int write(
      Classes.SchoolClass c, Sending in, long by, Instant now, @Nullable String note) {
    long schoolId = c.schoolId();
    int version;
    if (in.version() == 0) {
      if (!store.create(schoolId, c.id(), in.day(), in.session(), by, now, note)) {
        throw conflict(c, in);
      }
      version = 1;
    } else {
      Integer stored = store.lock(schoolId, c.id(), in.day(), in.session()).orElse(null);
      if (stored == null || stored != in.version()) {
        throw conflict(c, in);
      }
      version = stored + 1;
      store.update(schoolId, c.id(), in.day(), in.session(), version, by, now, note);
    }
    store.replaceMarks(schoolId, c.id(), in.day(), in.session(), in.marks());
    return version;
  }

  /** A sending seen before: what it wrote, if it was for this roll. */
  private Saved again(long schoolId, long classId, Sending in) {
    RollStore.Sending first = store.sending(schoolId, in.key()).orElseThrow();
    if (first.classId() != classId
        || !first.day().equals(in.day())
        || first.session() != in.session()) {
      throw new UserInputException(null, "attendance.sending.reused");
    }
    return new Saved(first.version(), true);
  }

  private UserInputException conflict(Classes.SchoolClass c, Sending in) {
    String at =
        store
            .roll(c.schoolId(), c.id(), in.day(), in.session())
            .map(r -> r.takenAt().atZone(clock.getZone()).toLocalTime().withNano(0).toString())
            .orElse("");
    return new UserInputException(null, "attendance.roll.conflict", at);
  }

  /** Checks each mark and the note; the note to keep (null when none is needed or given). */
  private @Nullable String check(Classes.SchoolClass c, Sending in, boolean late) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    java.util.Set<Long> inClass = new java.util.HashSet<>();
    classes.roster(c.schoolId(), c.id(), in.day()).forEach(s -> inClass.add(s.id()));
    for (var e : in.marks().entrySet()) {
      String field = "student-" + e.getKey();
      if (!inClass.contains(e.getKey())) {
        errors.add(field, "attendance.student.notInClass");
      }
      String reason = e.getValue().reason();
      if (reason != null && reason.length() > RollRules.MAX_REASON) {
        errors.add(field, "attendance.reason.tooLong", RollRules.MAX_REASON);
      }
    }
    String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
    if (note != null && note.length() > RollRules.MAX_NOTE) {
      errors.add("note", "attendance.note.tooLong", RollRules.MAX_NOTE);
    }
    if (late && !RollRules.noteGiven(note)) {
      errors.add("note", "attendance.note.required");
    }
    errors.throwIfAny();
    return note;
  }

  /** Why the roll is closed for the day and session: its rules, then the month's lock. */
  private Closed closed(
      Classes.SchoolClass c,
      LocalDate day,
      Session session,
      LocalDate today,
      List<Session> sessions,
      boolean forSave) {
    SchoolYear year = year(c);
    Optional<String> refusal =
        RollRules.refusal(
            day, session, today, year, calendar.daysOff(c.schoolId(), c.startYear()), sessions);
    if (refusal.isPresent()) {
      return new Closed(refusal.get(), new Object[0]);
    }
    return settings
        .lockOf(c.schoolId(), day, forSave)
        .map(
            l ->
                new Closed(
                    "attendance.month.locked",
                    new Object[] {
                      day.getMonthValue() + "/" + day.getYear(),
                      l.lockedAt().atZone(clock.getZone()).toLocalDate().toString()
                    }))
        .orElse(new Closed(null, new Object[0]));
  }

  private record Closed(@Nullable String key, Object[] args) {}

  private Session defaultSession(List<Session> sessions) {
    if (sessions.size() == 1) {
      return sessions.getFirst();
    }
    return java.time.LocalTime.now(clock).getHour() >= 12 ? Session.CHIEU : Session.SANG;
  }

  private static Classes.Shift shift(Classes.SchoolClass c) {
    return RollTotals.shift(c);
  }

  private SchoolYear year(Classes.SchoolClass c) {
    return totals.year(c);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  boolean mayTake(Classes.SchoolClass c) {
    return authorization.permits(Action.ENTER_ATTENDANCE, target(c));
  }

  static Target target(Classes.SchoolClass c) {
    return Target.schoolClass(c.schoolId(), c.id()).inYear(c.startYear());
  }

  Classes.SchoolClass schoolClass(long schoolId, long classId) {
    return classes
        .schoolClass(schoolId, classId)
        .orElseThrow(() -> new NotFoundException("attendance.class"));
  }
}
