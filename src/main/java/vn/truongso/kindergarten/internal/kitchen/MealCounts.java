package vn.truongso.kindergarten.internal.kitchen;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.truongso.attendance.DayRolls;
import vn.truongso.enrolment.AgeBand;
import vn.truongso.enrolment.Classes;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;

/**
 * How many children eat on a day, group by group, from the day's roll: the kitchen cooks for those
 * present at the first roll (before it is taken, for every child of the group, as planned). A child
 * eats the menu of their own age (nhà trẻ under 36 months, mẫu giáo from 36), so a mixed-age group
 * counts in both.
 */
@Component
class MealCounts {

  /** A group's count on the day; {@code rollTaken}: from the roll, else planned from the roster. */
  record Group(
      long classId,
      String name,
      int enrolled,
      int absent,
      boolean rollTaken,
      Map<Norms.Band, Integer> eating) {}

  private final Classes classes;
  private final Organisation org;
  private final DayRolls rolls;

  MealCounts(Classes classes, Organisation org, DayRolls rolls) {
    this.classes = classes;
    this.org = org;
    this.rolls = rolls;
  }

  List<Group> on(long schoolId, LocalDate day) {
    Optional<SchoolYear> year =
        org.years(schoolId).stream()
            .filter(y -> !day.isBefore(y.startsOn()) && !day.isAfter(y.endsOn()))
            .findFirst();
    if (year.isEmpty()) {
      return List.of();
    }
    List<Group> out = new ArrayList<>();
    for (Classes.SchoolClass c : classes.classes(schoolId, year.get().startYear())) {
      if (c.grade() != 0) {
        continue;
      }
      List<People.Student> roster = classes.roster(schoolId, c.id(), day);
      Optional<Map<Long, String>> absent = rolls.absentAtFirstRoll(schoolId, c.id(), day);
      Map<Norms.Band, Integer> eating = new EnumMap<>(Norms.Band.class);
      int away = 0;
      for (People.Student s : roster) {
        if (absent.isPresent() && absent.get().containsKey(s.id())) {
          away++;
          continue;
        }
        eating.merge(band(s, day), 1, Integer::sum);
      }
      out.add(new Group(c.id(), c.name(), roster.size(), away, absent.isPresent(), eating));
    }
    return out;
  }

  /** The norms' band of a child on a day, by age in whole months. */
  static Norms.Band band(People.Student s, LocalDate day) {
    long months = ChronoUnit.MONTHS.between(s.birthDate(), day);
    return AgeBand.ofMonths(months).nursery() ? Norms.Band.NHA_TRE : Norms.Band.MAU_GIAO;
  }
}
