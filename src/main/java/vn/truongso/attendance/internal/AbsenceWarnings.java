package vn.truongso.attendance.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.truongso.attendance.AbsenceWarning;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.SchoolYear;

/**
 * After a roll is saved, the students it marks absent whose count has reached one of the school's
 * thresholds: sessions without permission in the month, sessions absent in the year.
 */
@Component
class AbsenceWarnings {

  private final RollStore store;
  private final AttendanceSettings settings;
  private final ApplicationEventPublisher events;

  AbsenceWarnings(RollStore store, AttendanceSettings settings, ApplicationEventPublisher events) {
    this.store = store;
    this.settings = settings;
    this.events = events;
  }

  void check(Classes.SchoolClass c, SchoolYear year, LocalDate day, Collection<Long> absent) {
    if (absent.isEmpty()) {
      return;
    }
    AttendanceSettings.Settings s = settings.of(c.schoolId());
    YearMonth month = YearMonth.from(day);
    Map<Long, int[]> inMonth =
        store.totals(c.schoolId(), c.id(), month.atDay(1), month.atEndOfMonth());
    Map<Long, int[]> inYear = store.totals(c.schoolId(), c.id(), year.startsOn(), year.endsOn());
    for (long student : absent) {
      int unexcused = inMonth.getOrDefault(student, new int[2])[1];
      if (s.monthUnexcused() > 0 && unexcused >= s.monthUnexcused()) {
        events.publishEvent(
            new AbsenceWarning(
                c.schoolId(),
                c.id(),
                student,
                AbsenceWarning.Kind.MONTH,
                month.toString(),
                s.monthUnexcused(),
                unexcused));
      }
      int[] y = inYear.getOrDefault(student, new int[2]);
      int level = RollRules.yearLevel(y[0] + y[1], s.yearThresholds());
      if (level > 0) {
        events.publishEvent(
            new AbsenceWarning(
                c.schoolId(),
                c.id(),
                student,
                AbsenceWarning.Kind.YEAR,
                String.valueOf(year.startYear()),
                level,
                y[0] + y[1]));
      }
    }
  }
}
