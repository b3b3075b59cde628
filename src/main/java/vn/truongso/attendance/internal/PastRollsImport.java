package vn.truongso.attendance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.PastRolls;
import vn.truongso.attendance.internal.RollRules.Kind;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.attendance.internal.RollStore.Mark;
import vn.truongso.control.EntryCalendar;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;

/** {@link PastRolls}: checked as the page checks, written as version 1 of each roll. */
@Service
class PastRollsImport implements PastRolls {

  private final RollStore store;
  private final RollTotals totals;
  private final Classes classes;
  private final Organisation org;
  private final EntryCalendar calendar;
  private final AuditLog audit;
  private final Clock clock;

  PastRollsImport(
      RollStore store,
      RollTotals totals,
      Classes classes,
      Organisation org,
      EntryCalendar calendar,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.totals = totals;
    this.classes = classes;
    this.org = org;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<LocalDate> schoolDays(long schoolId, long classId, LocalDate from, LocalDate to) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    SchoolYear year = totals.year(c);
    Set<LocalDate> off = calendar.daysOff(schoolId, c.startYear());
    LocalDate today = LocalDate.now(clock);
    List<Session> sessions = RollRules.sessions(RollTotals.shift(c));
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (RollRules.refusal(d, sessions.getFirst(), today, year, off, sessions).isEmpty()) {
        days.add(d);
      }
    }
    return days;
  }

  @Override
  @Transactional
  public int bringIn(long schoolId, long classId, List<Day> days, long takenBy) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    Set<LocalDate> allowed =
        new HashSet<>(
            schoolDays(
                schoolId,
                classId,
                days.stream().map(Day::day).min(LocalDate::compareTo).orElse(LocalDate.MIN),
                days.stream().map(Day::day).max(LocalDate::compareTo).orElse(LocalDate.MIN)));
    List<Session> sessions = RollRules.sessions(RollTotals.shift(c));
    int written = 0;
    Set<Integer> terms = new TreeSet<>();
    for (Day d : days) {
      if (!allowed.contains(d.day())) {
        throw new UserInputException(null, "attendance.day.notSchoolDay", d.day().toString());
      }
      Map<Long, Mark> marks = marks(c, d);
      for (Session s : sessions) {
        if (!store.create(schoolId, classId, d.day(), s, takenBy, clock.instant(), null)) {
          throw new UserInputException(null, "attendance.day.taken", d.day().toString());
        }
        store.replaceMarks(schoolId, classId, d.day(), s, marks);
        written++;
      }
      terms.add(totals.year(c).termOn(d.day()));
    }
    for (int term : terms) {
      totals.hand(c, term, takenBy);
    }
    audit.record(
        AuditEvent.of(schoolId, "attendance.roll.bringIn", "attendance_roll", classId)
            .after(Map.of("rolls", written)));
    return written;
  }

  private Map<Long, Mark> marks(Classes.SchoolClass c, Day d) {
    Set<Long> inClass = new HashSet<>();
    classes.roster(c.schoolId(), c.id(), d.day()).forEach(s -> inClass.add(s.id()));
    Map<Long, Mark> marks = new LinkedHashMap<>();
    for (var e : d.kinds().entrySet()) {
      Kind kind = Kind.parse(e.getValue());
      if (kind == null || !inClass.contains(e.getKey())) {
        throw new UserInputException(
            null, "attendance.day.badMark", d.day().toString(), e.getKey());
      }
      marks.put(e.getKey(), new Mark(kind, null));
    }
    return marks;
  }

  private Classes.SchoolClass schoolClass(long schoolId, long classId) {
    return classes
        .schoolClass(schoolId, classId)
        .orElseThrow(() -> new NotFoundException("attendance.class"));
  }
}
