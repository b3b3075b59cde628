package vn.truongso.control.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Slot;
import vn.truongso.org.SchoolYear;

/**
 * When a grade-book column may still be typed into, from the deadlines the principal sets in the
 * school plan (DH-SD art. 5.1):
 *
 * <ul>
 *   <li>a) regular assessments (TX) by the given weeks of each term, e.g. weeks 8 and 17 for term
 *       I, 26 and 34 for term II. The term's last such week closes its TX columns; the columns are
 *       spread over the term's weeks for the progress check (TX1 and TX2 of four by week 8);
 *   <li>b, c) mid-term (GK) and end-of-term (CK) scores within N working days (default 10) of the
 *       test date; weekends, public holidays, the school's days off and its breaks do not count;
 *   <li>d) re-tests and summer training by a date (default 31 August);
 * </ul>
 *
 * and a hard cut-off after which nobody edits the year (SL-CV: "Không cho phép bất cứ cá nhân nào
 * sửa điểm sau ngày 31/5 hàng năm"), when the school sets one.
 */
public final class EntryWindows {

  private EntryWindows() {}

  /** The principal's settings for one school year. */
  public record Settings(
      List<Integer> regularWeeks,
      int workingDays,
      LocalDate retestBy,
      LocalDate cutoff,
      int correctionStopDays) {

    public static Settings defaults(int startYear) {
      return new Settings(List.of(8, 17, 26, 34), 10, LocalDate.of(startYear + 1, 8, 31), null, 7);
    }
  }

  /** A test date from the plan: for a whole term, or narrowed to a grade and/or a subject. */
  public record TestDate(int term, String slot, Integer grade, String subject, LocalDate on) {

    int specificity() {
      return (grade == null ? 0 : 2) + (subject == null ? 0 : 1);
    }
  }

  /**
   * {@code due}: the day the column should be complete (the progress check); {@code closesAfter}:
   * the last day it can be typed into; both null when no deadline applies. {@code unscheduled}: a
   * GK or CK column whose test has no date in the plan yet.
   */
  public record Window(LocalDate due, LocalDate closesAfter, boolean unscheduled) {
    public static final Window NONE = new Window(null, null, false);
  }

  /**
   * The window of one column. {@code slot}: TX1…TX4, GK, CK, RETEST, HE (summer conduct), or null
   * for the homeroom teacher's conduct and absences of a term (only the cut-off applies); {@code
   * regularColumns}: how many TX columns the subject has this term.
   */
  public static Window window(
      Settings settings,
      List<SchoolYear.Week> weeks,
      List<TestDate> testDates,
      Predicate<LocalDate> dayOff,
      int term,
      int grade,
      String subject,
      String slot,
      int regularColumns) {
    if (slot == null) {
      return Window.NONE;
    }
    Slot known = Slot.parse(slot).orElse(null);
    if (known != null && known.regular()) {
      List<LocalDate> checks =
          weeks.stream()
              .filter(w -> w.term() == term && settings.regularWeeks().contains(w.number()))
              .sorted(Comparator.comparingInt(SchoolYear.Week::number))
              .map(SchoolYear.Week::endsOn)
              .toList();
      if (checks.isEmpty()) {
        return Window.NONE;
      }
      int column = known.regularNumber();
      int n = Math.max(regularColumns, column);
      int k = checks.size();
      int check = (column * k + n - 1) / n;
      return new Window(checks.get(check - 1), checks.getLast(), false);
    }
    if (summer(slot)) {
      return new Window(settings.retestBy(), settings.retestBy(), false);
    }
    LocalDate test = testDate(testDates, term, slot, grade, subject);
    if (test == null) {
      return new Window(null, null, true);
    }
    LocalDate last = plusWorkingDays(test, settings.workingDays(), dayOff);
    return new Window(last, last, false);
  }

  /** Days on which no correction of a term's marks is filed; both ends included. */
  public record Stop(LocalDate from, LocalDate until) {
    public boolean covers(LocalDate d) {
      return !d.isBefore(from) && !d.isAfter(until);
    }
  }

  /**
   * When corrections of a term's marks wait (DH-SD art. 5.2: "Hạn cuối cùng để sửa chữa điểm là 1
   * tuần trước khi kiểm tra học kỳ"): from {@code correctionStopDays} days before the term's
   * end-of-term test until its CK column closes, so that no mark of the term changes while the
   * tests are given and marked. Errors found in the finished book are corrected by the same
   * procedure afterwards (QC art. 5.3). {@code subject} null, the homeroom teacher's entries: from
   * the grade's first CK test to the close of its last. Null when the test has no date yet.
   */
  public static Stop correctionStop(
      Settings settings,
      List<TestDate> testDates,
      Predicate<LocalDate> dayOff,
      int term,
      int grade,
      String subject) {
    List<LocalDate> tests;
    if (subject != null) {
      LocalDate test = testDate(testDates, term, Slot.CK.name(), grade, subject);
      if (test == null) {
        return null;
      }
      tests = List.of(test);
    } else {
      tests =
          testDates.stream()
              .filter(d -> d.term() == term && d.slot().equals(Slot.CK.name()))
              .filter(d -> d.grade() == null || d.grade() == grade)
              .map(TestDate::on)
              .sorted()
              .toList();
      if (tests.isEmpty()) {
        return null;
      }
    }
    return new Stop(
        tests.getFirst().minusDays(settings.correctionStopDays()),
        plusWorkingDays(tests.getLast(), settings.workingDays(), dayOff));
  }

  /** The most specific date set for a term's test of a grade and subject; null when none. */
  private static LocalDate testDate(
      List<TestDate> testDates, int term, String slot, int grade, String subject) {
    return testDates.stream()
        .filter(d -> d.term() == term && d.slot().equals(slot))
        .filter(d -> d.grade() == null || d.grade() == grade)
        .filter(d -> d.subject() == null || d.subject().equals(subject))
        .max(Comparator.comparingInt(TestDate::specificity))
        .map(TestDate::on)
        .orElse(null);
  }

  /**
   * Re-test scores and the summer's conduct (slot {@code HE}) come after the year's results and
   * keep their own date (DH-SD art. 5.1.d), whatever the cut-off for changing the year.
   */
  public static boolean summer(String slot) {
    return Slot.parse(slot).map(Slot::summer).orElse(false)
        || Period.parse(slot).map(Period::summer).orElse(false);
  }

  /**
   * The {@code n}th working day after {@code from} ("chậm nhất 10 ngày làm việc tính từ ngày kiểm
   * tra": the test day itself is not counted).
   */
  public static LocalDate plusWorkingDays(LocalDate from, int n, Predicate<LocalDate> dayOff) {
    LocalDate d = from;
    int counted = 0;
    while (counted < n) {
      d = d.plusDays(1);
      if (!PublicHolidays.weekend(d) && !dayOff.test(d)) {
        counted++;
      }
    }
    return d;
  }

  /**
   * The days that are not working days besides weekends: public holidays of the year's two calendar
   * years, the school's own days off, and the weekdays of its breaks (the days between the first
   * and last teaching week that belong to no numbered week, such as the Tết break).
   */
  public static Set<LocalDate> daysOff(
      int startYear, List<SchoolYear.Week> weeks, List<LocalDate> schoolDaysOff) {
    Set<LocalDate> off = new HashSet<>(schoolDaysOff);
    off.addAll(PublicHolidays.of(startYear).keySet());
    off.addAll(PublicHolidays.of(startYear + 1).keySet());
    if (!weeks.isEmpty()) {
      Set<LocalDate> taught = new HashSet<>();
      for (SchoolYear.Week w : weeks) {
        w.startsOn().datesUntil(w.endsOn().plusDays(1)).forEach(taught::add);
      }
      LocalDate first = weeks.getFirst().startsOn();
      LocalDate last = weeks.getLast().endsOn();
      List<LocalDate> gaps = new ArrayList<>();
      first.datesUntil(last).filter(d -> !taught.contains(d)).forEach(gaps::add);
      off.addAll(gaps);
    }
    return off;
  }

  /** The test-date list narrowed to one term and slot, most specific first (for the plan page). */
  public static List<TestDate> ordered(List<TestDate> dates) {
    return dates.stream()
        .sorted(
            Comparator.comparingInt(TestDate::term)
                .thenComparing(TestDate::slot)
                .thenComparing(TestDate::specificity)
                .thenComparing(TestDate::on))
        .toList();
  }
}
