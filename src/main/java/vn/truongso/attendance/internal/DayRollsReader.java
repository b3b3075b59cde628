package vn.truongso.attendance.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.DayRolls;
import vn.truongso.attendance.internal.RollRules.Kind;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.control.EntryCalendar;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;

/** {@link DayRolls} from the stored rolls and the school's calendar. */
@Service
class DayRollsReader implements DayRolls {

  private final RollStore store;
  private final Classes classes;
  private final Organisation org;
  private final EntryCalendar calendar;

  DayRollsReader(RollStore store, Classes classes, Organisation org, EntryCalendar calendar) {
    this.store = store;
    this.classes = classes;
    this.org = org;
    this.calendar = calendar;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean open(long schoolId, LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    for (SchoolYear y : org.years(schoolId)) {
      if (!day.isBefore(y.startsOn()) && !day.isAfter(y.endsOn())) {
        return !calendar.daysOff(schoolId, y.startYear()).contains(day);
      }
    }
    return false;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Map<Long, String>> absentAtFirstRoll(long schoolId, long classId, LocalDate day) {
    Optional<Classes.SchoolClass> c = classes.schoolClass(schoolId, classId);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    Session first = RollRules.sessions(RollTotals.shift(c.get())).getFirst();
    if (store.roll(schoolId, classId, day, first).isEmpty()) {
      return Optional.empty();
    }
    Map<Long, String> absent = new LinkedHashMap<>();
    store
        .marks(schoolId, classId, day, first)
        .forEach(
            (student, mark) -> {
              if (mark.kind() != Kind.M) {
                absent.put(student, mark.kind().name());
              }
            });
    return Optional.of(absent);
  }
}
