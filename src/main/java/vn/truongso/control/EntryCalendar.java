package vn.truongso.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.truongso.control.internal.EntryWindows.Settings;
import vn.truongso.control.internal.EntryWindows.TestDate;
import vn.truongso.control.internal.PublicHolidays;
import vn.truongso.org.SchoolYear;

/**
 * The principal's calendar of entry deadlines for a school year, from the school plan: the weeks by
 * which regular assessments are entered, the working days allowed after a mid-term or end-of-term
 * test and the tests' dates, the re-test date, the hard cut-off, and the school's days off besides
 * the public holidays.
 */
public interface EntryCalendar {

  /** Everything the entry windows are computed from, as of {@code today}. */
  record Plan(
      int startYear,
      Settings settings,
      boolean defaults,
      List<SchoolYear.Week> weeks,
      List<TestDate> testDates,
      Map<LocalDate, String> schoolDaysOff,
      Set<LocalDate> daysOff,
      LocalDate today) {

    /** The public holidays falling in the school year, with their message keys. */
    public Map<LocalDate, String> publicHolidays() {
      Map<LocalDate, String> out = new TreeMap<>();
      for (int y : new int[] {startYear, startYear + 1}) {
        PublicHolidays.of(y)
            .forEach((d, n) -> out.put(d, "control.holiday." + n.name().toLowerCase()));
      }
      return out;
    }
  }

  /**
   * Why a correction request for a class's marks of a term cannot be filed today: the hard cut-off
   * has passed ({@code control.correction.cutOff}, {@code until} null) or the term's end-of-term
   * tests are near ({@code control.correction.stop}). {@code subject} null: the homeroom teacher's
   * entries. Nothing applies until the year's calendar is saved, as for the entry windows.
   */
  record CorrectionBar(String key, LocalDate from, LocalDate until) {}

  Optional<CorrectionBar> correctionBar(
      long schoolId, int startYear, int term, int grade, String subject);

  /**
   * The year's days without lessons besides Sundays — public holidays, the school's own days off,
   * its breaks — for the daily roll; the school's calendar is no secret, so no one is asked.
   */
  Set<LocalDate> daysOff(long schoolId, int startYear);

  /** The plan for its page: anyone of the school sees the deadlines. */
  Plan plan(long schoolId, int startYear);

  boolean mayEdit(long schoolId);

  /** What the principal types on the calendar form. */
  record SettingsForm(
      String regularWeeks, String workingDays, String retestBy, String cutoff, String stopDays) {}

  void saveSettings(long schoolId, int startYear, SettingsForm form);

  /** Sets (or, with a blank date, removes) the date of a mid-term or end-of-term test. */
  void setTestDate(
      long schoolId,
      int startYear,
      int term,
      String slot,
      Integer grade,
      String subject,
      String on);

  /** Adds a day off of the school's own (a local holiday, a day lost to a storm), or removes it. */
  void setDayOff(long schoolId, int startYear, String on, String name, boolean off);
}
