package vn.truongso.org.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import vn.truongso.org.Organisation.Break;
import vn.truongso.org.Organisation.YearPlan;
import vn.truongso.org.SchoolYear.Week;

/**
 * Numbers the teaching weeks of a year: term 1 from the first Monday on or after the opening day,
 * term 2 from the first Monday on or after its first day, Monday to Sunday, skipping any week that
 * starts inside a break (Tết). Week numbers run on across the terms (tuần 1…35).
 */
final class WeekPlan {

  private WeekPlan() {}

  static List<Week> weeks(YearPlan plan) {
    List<Week> weeks = new ArrayList<>();
    addTerm(weeks, 1, plan.startsOn(), plan.term1Weeks(), plan.breaks());
    addTerm(weeks, 2, plan.term2StartsOn(), plan.term2Weeks(), plan.breaks());
    return weeks;
  }

  private static void addTerm(
      List<Week> weeks, int term, LocalDate from, int count, List<Break> breaks) {
    LocalDate monday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    int added = 0;
    while (added < count) {
      LocalDate start = monday;
      if (breaks.stream().noneMatch(b -> !start.isBefore(b.from()) && !start.isAfter(b.to()))) {
        weeks.add(new Week(weeks.size() + 1, term, monday, monday.plusDays(6)));
        added++;
      }
      monday = monday.plusWeeks(1);
    }
  }
}
