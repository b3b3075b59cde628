package vn.truongso.control.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vietnam's public holidays (Labour Code 2019, art. 112.1): New Year's Day, five days of Tết, the
 * Hùng Kings' day (10th of the 3rd lunar month), 30 April, 1 May, 2 September and one day next to
 * it; a holiday falling on a Saturday or Sunday is made up on the next working day (art. 112.3).
 * The Government announces each year which days of Tết and which day next to 2 September are taken;
 * these are the usual choice (the last day of the old lunar year and the first four of the new; 1
 * September), and a school adds or corrects days in its own calendar.
 */
public final class PublicHolidays {

  /**
   * Lunar New Year's Day and the Hùng Kings' day, computed with ICU4J's Chinese calendar on
   * Vietnam's meridian (UTC+7), which is where they differ from China's (Tết 2027 falls on 6
   * February in Vietnam, 7 February in China).
   */
  private static final Map<Integer, LocalDate[]> LUNAR =
      Map.ofEntries(
          lunar(2020, "2020-01-25", "2020-04-02"),
          lunar(2021, "2021-02-12", "2021-04-21"),
          lunar(2022, "2022-02-01", "2022-04-10"),
          lunar(2023, "2023-01-22", "2023-04-29"),
          lunar(2024, "2024-02-10", "2024-04-18"),
          lunar(2025, "2025-01-29", "2025-04-07"),
          lunar(2026, "2026-02-17", "2026-04-26"),
          lunar(2027, "2027-02-06", "2027-04-16"),
          lunar(2028, "2028-01-26", "2028-04-04"),
          lunar(2029, "2029-02-13", "2029-04-23"),
          lunar(2030, "2030-02-02", "2030-04-12"),
          lunar(2031, "2031-01-23", "2031-04-01"),
          lunar(2032, "2032-02-11", "2032-04-19"),
          lunar(2033, "2033-01-31", "2033-04-09"),
          lunar(2034, "2034-02-19", "2034-04-28"),
          lunar(2035, "2035-02-08", "2035-04-17"),
          lunar(2036, "2036-01-28", "2036-04-06"),
          lunar(2037, "2037-02-15", "2037-04-24"),
          lunar(2038, "2038-02-04", "2038-04-13"),
          lunar(2039, "2039-01-24", "2039-04-03"),
          lunar(2040, "2040-02-12", "2040-04-20"));

  public static final int FIRST_YEAR = 2020;
  public static final int LAST_YEAR = 2040;

  /** What a day off is called: a message key under {@code control.holiday.}. */
  public enum Name {
    NEW_YEAR,
    TET,
    HUNG_KINGS,
    REUNIFICATION,
    LABOUR,
    NATIONAL,
    MAKE_UP
  }

  private PublicHolidays() {}

  /** The days off of a calendar year, in order; empty for a year outside the table. */
  public static Map<LocalDate, Name> of(int year) {
    TreeMap<LocalDate, Name> days = new TreeMap<>();
    LocalDate[] lunar = LUNAR.get(year);
    if (lunar == null) {
      return days;
    }
    days.put(LocalDate.of(year, 1, 1), Name.NEW_YEAR);
    for (int d = -1; d <= 3; d++) {
      days.put(lunar[0].plusDays(d), Name.TET);
    }
    days.put(lunar[1], Name.HUNG_KINGS);
    days.put(LocalDate.of(year, 4, 30), Name.REUNIFICATION);
    days.put(LocalDate.of(year, 5, 1), Name.LABOUR);
    days.put(LocalDate.of(year, 9, 1), Name.NATIONAL);
    days.put(LocalDate.of(year, 9, 2), Name.NATIONAL);
    for (LocalDate holiday : new TreeMap<>(days).keySet()) {
      if (weekend(holiday)) {
        LocalDate makeUp = holiday.plusDays(1);
        while (weekend(makeUp) || days.containsKey(makeUp)) {
          makeUp = makeUp.plusDays(1);
        }
        days.put(makeUp, Name.MAKE_UP);
      }
    }
    return days;
  }

  static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Map.Entry<Integer, LocalDate[]> lunar(int year, String tet, String hung) {
    return Map.entry(year, new LocalDate[] {LocalDate.parse(tet), LocalDate.parse(hung)});
  }
}
