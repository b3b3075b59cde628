package vn.truongso.attendance;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A day's rolls as the kindergarten's kitchen reads them: whether the school is open that day and
 * who was absent at a class's first roll, from which the meals of the day are counted. Reading
 * only; the caller has checked who may see the counts.
 */
public interface DayRolls {

  /**
   * Whether the school teaches on that day: inside one of its school years, not a Sunday, not a
   * public holiday, a break or a day off of its calendar.
   */
  boolean open(long schoolId, LocalDate day);

  /**
   * The students marked absent (P with leave, K without) at the class's first roll of the day — the
   * morning's for a full-day class — or empty when no roll was taken; late (M) counts as present.
   */
  Optional<Map<Long, String>> absentAtFirstRoll(long schoolId, long classId, LocalDate day);
}
