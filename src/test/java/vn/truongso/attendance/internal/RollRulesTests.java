package vn.truongso.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.org.SchoolYear;

/**
 * When a roll may be taken, when a change needs a note, and the year's thresholds. TT22/2021 art.
 * 12: a student absent more than 45 sessions in the school year (with or without permission) is not
 * promoted; the school warns before (30, 40, 45 by default).
 */
class RollRulesTests {

  /** A morning class's year 2026–2027. */
  private static final SchoolYear YEAR =
      new SchoolYear(
          1L,
          2026,
          LocalDate.of(2026, 9, 1),
          LocalDate.of(2027, 1, 16),
          LocalDate.of(2027, 1, 18),
          LocalDate.of(2027, 5, 31),
          true,
          List.of());

  @ParameterizedTest(name = "{0} {1} on {2}: {3}")
  @CsvSource({
    // day,        session, today,      refusal
    "2026-12-01, SANG,  2026-12-01, ''",
    "2026-11-30, SANG,  2026-12-01, ''",
    "2026-12-02, SANG,  2026-12-01, attendance.day.future",
    "2026-11-29, SANG,  2026-12-01, attendance.day.off", // a Sunday
    "2026-09-02, SANG,  2026-12-01, attendance.day.off", // National Day
    "2026-08-31, SANG,  2026-12-01, attendance.day.outsideYear",
    "2026-12-01, CHIEU, 2026-12-01, attendance.session.notTaught"
  })
  void aRollIsTakenOnASchoolDayThatHasCome(
      LocalDate day, String session, LocalDate today, String refusal) {
    Set<LocalDate> daysOff = Set.of(LocalDate.of(2026, 9, 2));
    assertThat(
            RollRules.refusal(
                    day, Session.valueOf(session), today, YEAR, daysOff, List.of(Session.SANG))
                .orElse(""))
        .isEqualTo(refusal);
  }

  @ParameterizedTest(name = "{0} changed on {1} with {2} free days: note {3}")
  @CsvSource({
    "2026-12-01, 2026-12-01, 0, false",
    "2026-12-01, 2026-12-02, 0, true",
    "2026-12-01, 2026-12-03, 2, false",
    "2026-12-01, 2026-12-04, 2, true"
  })
  void aChangeAfterTheFreeDaysNeedsTheHomeroomTeachersNote(
      LocalDate day, LocalDate today, int freeDays, boolean note) {
    assertThat(RollRules.needsNote(day, today, freeDays)).isEqualTo(note);
  }

  @ParameterizedTest(name = "{0} sessions: level {1}")
  @CsvSource({"0, 0", "29, 0", "30, 30", "44, 40", "45, 45", "46, 45"})
  void theHighestYearThresholdReachedIsTheWarning(int sessions, int level) {
    assertThat(RollRules.yearLevel(sessions, List.of(30, 40, 45))).isEqualTo(level);
  }
}
