package vn.truongso.attendance.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.internal.RollRules.Kind;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.control.EntryCalendar;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;

/**
 * A class's month as the class book keeps it (days 1–31, each student's marks, the month's totals
 * with and without permission), with the year's sessions absent and the warnings they raise.
 */
@Service
public class MonthSheet {

  private final RollStore store;
  private final AttendanceSettings settings;
  private final RollTaking rolls;
  private final Classes classes;
  private final People people;
  private final Organisation org;
  private final EntryCalendar calendar;
  private final Authorization authorization;

  MonthSheet(
      RollStore store,
      AttendanceSettings settings,
      RollTaking rolls,
      Classes classes,
      People people,
      Organisation org,
      EntryCalendar calendar,
      Authorization authorization) {
    this.store = store;
    this.settings = settings;
    this.rolls = rolls;
    this.classes = classes;
    this.people = people;
    this.org = org;
    this.calendar = calendar;
    this.authorization = authorization;
  }

  /** A day's column: its date, whether it is a day off (Sunday, holiday, break), its rolls. */
  public record Day(LocalDate date, boolean off, List<Session> taken) {
    public int number() {
      return date.getDayOfMonth();
    }
  }

  /**
   * A student's row: the day's marks (day of month → P, K, M; two letters on a two-session day),
   * the month's sessions absent with and without permission, late arrivals, the year's sessions
   * absent so far and the highest year threshold reached (0: none), and whether the month's
   * sessions without permission reached the school's warning.
   */
  public record Row(
      People.Student student,
      Map<Integer, String> marks,
      int excused,
      int unexcused,
      int late,
      int yearSessions,
      int yearLevel,
      boolean monthWarning) {
    public String mark(int day) {
      return marks.getOrDefault(day, "");
    }

    public boolean warned() {
      return monthWarning || yearLevel > 0;
    }
  }

  public record Month(
      Classes.SchoolClass schoolClass,
      YearMonth month,
      List<Day> days,
      List<Row> rows,
      AttendanceSettings.Settings settings,
      AttendanceSettings.@Nullable MonthLock lock,
      @Nullable YearMonth previous,
      @Nullable YearMonth next) {
    public long warnings() {
      return rows.stream().filter(Row::warned).count();
    }
  }

  @Transactional(readOnly = true)
  public Month month(long schoolId, long classId, @Nullable YearMonth wanted) {
    Classes.SchoolClass c = rolls.schoolClass(schoolId, classId);
    if (!authorization.permits(Action.VIEW_ATTENDANCE, RollTaking.target(c))) {
      throw new AccessDeniedException("attendance.month");
    }
    SchoolYear year =
        org.years(schoolId).stream()
            .filter(y -> y.startYear() == c.startYear())
            .findFirst()
            .orElseThrow(() -> new NotFoundException("attendance.year"));
    YearMonth first = YearMonth.from(year.startsOn());
    YearMonth last = YearMonth.from(year.endsOn());
    YearMonth month = wanted == null ? YearMonth.from(rolls.today()) : wanted;
    month = month.isBefore(first) ? first : month.isAfter(last) ? last : month;
    LocalDate from = month.atDay(1);
    LocalDate to = month.atEndOfMonth();
    AttendanceSettings.Settings s = settings.of(schoolId);
    Map<Long, int[]> yearTotals = store.totals(schoolId, classId, year.startsOn(), year.endsOn());
    List<RollStore.Absence> absences = store.absences(schoolId, classId, from, to);
    return new Month(
        c,
        month,
        days(c, from, to),
        rows(c, to, absences, yearTotals, s),
        s,
        settings.lockOf(schoolId, from, false).orElse(null),
        month.equals(first) ? null : month.minusMonths(1),
        month.equals(last) ? null : month.plusMonths(1));
  }

  private List<Day> days(Classes.SchoolClass c, LocalDate from, LocalDate to) {
    Set<LocalDate> off = calendar.daysOff(c.schoolId(), c.startYear());
    Map<LocalDate, List<Session>> taken = new HashMap<>();
    for (RollStore.Taken t : store.taken(c.schoolId(), c.id(), from, to)) {
      taken.computeIfAbsent(t.day(), d -> new ArrayList<>()).add(t.session());
    }
    List<Day> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      boolean dayOff = d.getDayOfWeek() == DayOfWeek.SUNDAY || off.contains(d);
      days.add(new Day(d, dayOff, taken.getOrDefault(d, List.of())));
    }
    return days;
  }

  private List<Row> rows(
      Classes.SchoolClass c,
      LocalDate to,
      List<RollStore.Absence> absences,
      Map<Long, int[]> yearTotals,
      AttendanceSettings.Settings s) {
    Map<Long, People.Student> students = new LinkedHashMap<>();
    classes.roster(c.schoolId(), c.id(), to).forEach(st -> students.put(st.id(), st));
    Map<Long, Map<Integer, StringBuilder>> marks = new HashMap<>();
    Map<Long, int[]> counts = new HashMap<>();
    for (RollStore.Absence a : absences) {
      if (!students.containsKey(a.studentId())) {
        // left the class during the month: still on its sheet for the days they were in it
        people.student(c.schoolId(), a.studentId()).ifPresent(st -> students.put(st.id(), st));
      }
      marks
          .computeIfAbsent(a.studentId(), id -> new TreeMap<>())
          .computeIfAbsent(a.day().getDayOfMonth(), d -> new StringBuilder())
          .append(a.kind().name());
      counts.computeIfAbsent(a.studentId(), id -> new int[3])[a.kind().ordinal()]++;
    }
    List<Row> rows = new ArrayList<>();
    for (People.Student st : students.values()) {
      int[] n = counts.getOrDefault(st.id(), new int[3]);
      int[] y = yearTotals.getOrDefault(st.id(), new int[2]);
      Map<Integer, String> m = new TreeMap<>();
      marks.getOrDefault(st.id(), Map.of()).forEach((d, b) -> m.put(d, b.toString()));
      rows.add(
          new Row(
              st,
              m,
              n[Kind.P.ordinal()],
              n[Kind.K.ordinal()],
              n[Kind.M.ordinal()],
              y[0] + y[1],
              RollRules.yearLevel(y[0] + y[1], s.yearThresholds()),
              n[Kind.K.ordinal()] >= s.monthUnexcused()));
    }
    return rows;
  }
}
