package vn.truongso.attendance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;

/**
 * Today's rolls at a glance: the homeroom teacher's classes, and for the school's leaders every
 * class of the current year with what has been taken and how many are absent.
 */
@Service
public class AttendanceOverview {

  private final RollStore store;
  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final Clock clock;

  AttendanceOverview(
      RollStore store,
      Classes classes,
      Organisation org,
      Authorization authorization,
      Clock clock) {
    this.store = store;
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.clock = clock;
  }

  /** A class today: the sessions it is taught, those taken, the students absent. */
  public record ClassToday(
      Classes.SchoolClass schoolClass, List<Session> sessions, RollStore.DayStatus status) {
    public boolean complete() {
      return status.taken().containsAll(sessions);
    }
  }

  /** A school's classes today, those not yet taken first. */
  public record SchoolToday(School school, List<ClassToday> classes) {
    public long missing() {
      return classes.stream().filter(c -> !c.complete()).count();
    }

    public int absent() {
      return classes.stream().mapToInt(c -> c.status().absent()).sum();
    }
  }

  public record Today(LocalDate day, List<ClassToday> mine, List<SchoolToday> schools) {
    public boolean empty() {
      return mine.isEmpty() && schools.isEmpty();
    }
  }

  @Transactional(readOnly = true)
  public Today today() {
    LocalDate day = LocalDate.now(clock);
    List<ClassToday> mine = new ArrayList<>();
    for (Target t : authorization.scopesWhere(Action.ENTER_ATTENDANCE)) {
      if (t.classId() == null || t.schoolId() == null) {
        continue;
      }
      Optional<Classes.SchoolClass> c = classes.schoolClass(t.schoolId(), t.classId());
      if (c.isPresent() && current(c.get())) {
        Map<Long, RollStore.DayStatus> status = store.day(t.schoolId(), day);
        mine.add(today(c.get(), status));
      }
    }
    Set<Long> schoolIds = new LinkedHashSet<>();
    for (Target t : authorization.scopesWhere(Action.VIEW_ATTENDANCE)) {
      if (t.schoolId() != null && t.classId() == null) {
        schoolIds.add(t.schoolId());
      }
    }
    List<SchoolToday> schools = new ArrayList<>();
    for (long id : schoolIds) {
      org.school(id).ifPresent(s -> schools.add(school(s, day)));
    }
    mine.sort(Comparator.comparing(ct -> ct.schoolClass().name()));
    return new Today(day, mine, schools);
  }

  private SchoolToday school(School s, LocalDate day) {
    int year = org.currentYear(s.id()).map(SchoolYear::startYear).orElse(0);
    Map<Long, RollStore.DayStatus> status = store.day(s.id(), day);
    List<ClassToday> list = new ArrayList<>();
    for (Classes.SchoolClass c : classes.classes(s.id(), year)) {
      list.add(today(c, status));
    }
    list.sort(Comparator.comparing(ClassToday::complete));
    return new SchoolToday(s, list);
  }

  private static ClassToday today(Classes.SchoolClass c, Map<Long, RollStore.DayStatus> status) {
    List<Session> sessions =
        RollRules.sessions(c.shift() == null ? Classes.Shift.MORNING : c.shift());
    return new ClassToday(
        c, sessions, status.getOrDefault(c.id(), new RollStore.DayStatus(List.of(), 0)));
  }

  private boolean current(Classes.SchoolClass c) {
    return org.currentYear(c.schoolId()).map(y -> y.startYear() == c.startYear()).orElse(false);
  }
}
