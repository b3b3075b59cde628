package vn.truongso.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.truongso.org.Organisation.Break;
import vn.truongso.org.Organisation.YearPlan;
import vn.truongso.org.SchoolYear;

/** Teaching weeks: numbered from the first Monday, on across terms, skipping the Tết break. */
class WeekPlanTests {

  private static final YearPlan YEAR_2025 =
      new YearPlan(
          2025,
          LocalDate.of(2025, 9, 5),
          LocalDate.of(2026, 1, 17),
          LocalDate.of(2026, 1, 19),
          LocalDate.of(2026, 5, 31),
          18,
          17,
          List.of(new Break(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 22))));

  @Test
  void weekOneStartsOnTheFirstMondayAfterTheOpeningDay() {
    SchoolYear.Week first = WeekPlan.weeks(YEAR_2025).get(0);
    assertThat(first.startsOn()).isEqualTo(LocalDate.of(2025, 9, 8));
    assertThat(first.endsOn()).isEqualTo(LocalDate.of(2025, 9, 14));
    assertThat(first.term()).isEqualTo(1);
  }

  @Test
  void thirtyFiveWeeksNumberedAcrossBothTerms() {
    List<SchoolYear.Week> weeks = WeekPlan.weeks(YEAR_2025);
    assertThat(weeks).hasSize(35);
    assertThat(weeks.get(17).term()).isEqualTo(1);
    assertThat(weeks.get(18).number()).isEqualTo(19);
    assertThat(weeks.get(18).term()).isEqualTo(2);
    assertThat(weeks.get(18).startsOn()).isEqualTo(LocalDate.of(2026, 1, 19));
    assertThat(weeks).allMatch(w -> w.startsOn().getDayOfWeek() == DayOfWeek.MONDAY);
  }

  @Test
  void theTetBreakIsNotNumbered() {
    List<SchoolYear.Week> weeks = WeekPlan.weeks(YEAR_2025);
    assertThat(weeks).noneMatch(w -> w.startsOn().equals(LocalDate.of(2026, 2, 9)));
    assertThat(weeks).noneMatch(w -> w.startsOn().equals(LocalDate.of(2026, 2, 16)));
    SchoolYear.Week beforeTet =
        weeks.stream()
            .filter(w -> w.startsOn().equals(LocalDate.of(2026, 2, 2)))
            .findFirst()
            .orElseThrow();
    SchoolYear.Week afterTet = weeks.get(weeks.indexOf(beforeTet) + 1);
    assertThat(afterTet.startsOn()).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(afterTet.number()).isEqualTo(beforeTet.number() + 1);
  }
}
