package vn.truongso.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Rolls taken before the class took them in TruongSo — the paper roll of a school moving to
 * TruongSo during the year, the demo — brought in at once. A deployment door, not a page's: the
 * caller is not a signed-in user, so only days without a roll take them, each mark is checked as
 * the roll page checks it, all are taken or none, and the terms' totals reach the class book.
 */
public interface PastRolls {

  /** A day's roll, the same for each session the class is taught: student → P, K or M. */
  record Day(LocalDate day, Map<Long, String> kinds) {}

  /** The days from {@code from} to {@code to} on which the class's roll can be taken. */
  List<LocalDate> schoolDays(long schoolId, long classId, LocalDate from, LocalDate to);

  /**
   * Writes the days' rolls as taken by {@code takenBy}; answers how many rolls were written.
   *
   * @throws vn.truongso.platform.UserInputException when a day is not a school day of the class's
   *     year, has come yet or already has a roll, or a student or mark is one the page refuses
   */
  int bringIn(long schoolId, long classId, List<Day> days, long takenBy);
}
