package vn.truongso.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.truongso.attendance.PastRolls;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;

/**
 * The last school week's rolls of every class of this year, as its homeroom teacher took them: a
 * few absences a day, mostly with permission, a late arrival now and then, and in each class one
 * student absent without permission three times, so that the month's sheet shows its warning.
 * Today's roll is left for the newcomer to take.
 */
final class AttendanceDemo {

  private final PastRolls rolls;
  private final Classes classes;

  AttendanceDemo(PastRolls rolls, Classes classes) {
    this.rolls = rolls;
    this.classes = classes;
  }

  void build(DemoPeople demo, LocalDate today) {
    Random random = new Random(20261201L);
    for (DemoPeople.Homeroom h : demo.homerooms()) {
      List<LocalDate> days =
          rolls.schoolDays(h.schoolId(), h.classId(), today.minusDays(9), today.minusDays(1));
      if (days.size() > 5) {
        days = days.subList(days.size() - 5, days.size());
      }
      List<Long> roster =
          classes.roster(h.schoolId(), h.classId(), today).stream()
              .map(People.Student::id)
              .toList();
      if (days.isEmpty() || roster.size() < 4) {
        continue;
      }
      rolls.bringIn(h.schoolId(), h.classId(), days(days, roster, random), h.accountId());
    }
  }

  private static List<PastRolls.Day> days(List<LocalDate> days, List<Long> roster, Random random) {
    long often = roster.get(roster.size() - 1);
    List<PastRolls.Day> out = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      Map<Long, String> kinds = new HashMap<>();
      if (i % 2 == 0 && days.get(i).getMonth() == days.getLast().getMonth()) {
        kinds.put(often, "K");
      }
      int absent = 1 + random.nextInt(2);
      for (int a = 0; a < absent; a++) {
        long student = roster.get(random.nextInt(roster.size() - 1));
        kinds.put(student, random.nextInt(4) == 0 ? "M" : "P");
      }
      out.add(new PastRolls.Day(days.get(i), kinds));
    }
    return out;
  }
}
