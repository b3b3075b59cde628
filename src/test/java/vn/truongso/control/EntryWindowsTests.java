package vn.truongso.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.control.internal.EntryWindows;
import vn.truongso.control.internal.EntryWindows.Settings;
import vn.truongso.control.internal.EntryWindows.TestDate;
import vn.truongso.control.internal.EntryWindows.Window;
import vn.truongso.control.internal.PublicHolidays;
import vn.truongso.org.SchoolYear;

/**
 * Entry windows as DH-SD (art. 5.1) sets them, on a 2026–27 year of 18 + 17 weeks from Monday 7
 * September 2026 with a two-week Tết break.
 */
class EntryWindowsTests {

  static final List<SchoolYear.Week> WEEKS = weeks();
  static final Settings SETTINGS = Settings.defaults(2026);
  static final List<TestDate> TESTS =
      List.of(
          new TestDate(1, "GK", null, null, LocalDate.of(2026, 11, 2)),
          new TestDate(1, "GK", 7, null, LocalDate.of(2026, 11, 4)),
          new TestDate(1, "GK", 7, "toan", LocalDate.of(2026, 11, 6)),
          new TestDate(1, "GK", null, "van", LocalDate.of(2026, 11, 5)),
          new TestDate(2, "CK", null, null, LocalDate.of(2027, 4, 23)));

  @ParameterizedTest(name = "{0}: {4} {3} grade {1} {2} → due {6}, last day {7}")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
          # a) regular assessments by weeks 8 and 17 (term I), 26 and 34 (term II); four columns are spread two by two
          art. 5.1.a,  7, toan, TX1, 1, 4, 2026-11-01, 2027-01-03
          art. 5.1.a,  7, toan, TX2, 1, 4, 2026-11-01, 2027-01-03
          art. 5.1.a,  7, toan, TX3, 1, 4, 2027-01-03, 2027-01-03
          art. 5.1.a,  7, toan, TX4, 1, 4, 2027-01-03, 2027-01-03
          # two columns: one by each week
          art. 5.1.a,  7, gdcd, TX2, 1, 2, 2027-01-03, 2027-01-03
          art. 5.1.a,  7, gdcd, TX1, 2, 2, 2027-03-28, 2027-05-23
          # b) mid-term within 10 working days of the test: the most specific date applies
          art. 5.1.b,  6, toan, GK, 1, 4, 2026-11-16, 2026-11-16
          art. 5.1.b,  7, ly,   GK, 1, 4, 2026-11-18, 2026-11-18
          art. 5.1.b,  7, toan, GK, 1, 4, 2026-11-20, 2026-11-20
          art. 5.1.b,  8, van,  GK, 1, 4, 2026-11-19, 2026-11-19
          # c) end-of-term: Friday 23 April 2027; 30 April and 1 May (a Saturday, made up on Monday 3 May) do not count
          art. 5.1.c,  7, toan, CK, 2, 4, 2027-05-11, 2027-05-11
          # d) re-tests and the summer's conduct by 31 August
          art. 5.1.d,  7, toan, RETEST, 2, 4, 2027-08-31, 2027-08-31
          art. 5.1.d,  7, -,    HE, 2, 0, 2027-08-31, 2027-08-31
          # conduct and absences of a term: no window, only the cut-off
          art. 5,      7, -,    -, 1, 0, -, -
          """)
  void windows(
      String article,
      int grade,
      String subject,
      String slot,
      int term,
      int regular,
      LocalDate due,
      LocalDate last) {
    Set<LocalDate> off = EntryWindows.daysOff(2026, WEEKS, List.of());
    Window w =
        EntryWindows.window(
            SETTINGS, WEEKS, TESTS, off::contains, term, grade, subject, slot, regular);
    assertThat(w.due()).as(article).isEqualTo(due);
    assertThat(w.closesAfter()).as(article).isEqualTo(last);
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource(
      textBlock =
          """
          # the test day is not counted; Saturdays and Sundays are not working days
          2026-11-02, 10, 2026-11-16
          2026-11-06, 1,  2026-11-09
          # the school's Tết break (1–14 February 2027, no numbered week) is not working days
          2027-02-03, 3,  2027-02-17
          # 2 September 2027 is a Thursday; 1 September is the day next to it
          2027-08-31, 1,  2027-09-03
          """)
  void workingDays(LocalDate from, int n, LocalDate expected) {
    Set<LocalDate> off = EntryWindows.daysOff(2026, WEEKS, List.of());
    off.addAll(EntryWindows.daysOff(2027, List.of(), List.of()));
    assertThat(EntryWindows.plusWorkingDays(from, n, off::contains)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      textBlock =
          """
          # Labour Code 2019 art. 112.1: Tết on Vietnam's meridian (2027: 6 February, China 7 February)
          2027-02-05, TET
          2027-02-09, TET
          2027-04-16, HUNG_KINGS
          2026-04-26, HUNG_KINGS
          # art. 112.3: a holiday on a weekend is made up on the next working day
          2026-04-27, MAKE_UP
          2028-05-02, MAKE_UP
          2028-01-03, MAKE_UP
          2026-09-01, NATIONAL
          """)
  void publicHolidays(LocalDate day, PublicHolidays.Name name) {
    assertThat(PublicHolidays.of(day.getYear())).containsEntry(day, name);
  }

  @org.junit.jupiter.api.Test
  void aSchoolDayOffIsNotAWorkingDay() {
    Set<LocalDate> off = EntryWindows.daysOff(2026, WEEKS, List.of(LocalDate.of(2026, 11, 20)));
    // 20 November (Teachers' Day) given off by the school: the GK window moves to Monday 23rd
    assertThat(EntryWindows.plusWorkingDays(LocalDate.of(2026, 11, 6), 10, off::contains))
        .isEqualTo(LocalDate.of(2026, 11, 23));
  }

  /** 18 weeks from 7 September 2026, then 17 from 18 January 2027 with Tết (1–14 February) off. */
  static List<SchoolYear.Week> weeks() {
    List<SchoolYear.Week> out = new ArrayList<>();
    LocalDate monday = LocalDate.of(2026, 9, 7);
    for (int n = 1; n <= 18; n++, monday = monday.plusWeeks(1)) {
      out.add(new SchoolYear.Week(n, 1, monday, monday.plusDays(6)));
    }
    monday = LocalDate.of(2027, 1, 18);
    for (int n = 19; n <= 35; monday = monday.plusWeeks(1)) {
      if (monday.isBefore(LocalDate.of(2027, 2, 15))
          && !monday.isBefore(LocalDate.of(2027, 2, 1))) {
        continue;
      }
      out.add(new SchoolYear.Week(n++, 2, monday, monday.plusDays(6)));
    }
    return out;
  }

  /**
   * DH-SD art. 5.2: "Hạn cuối cùng để sửa chữa điểm là 1 tuần trước khi kiểm tra học kỳ" — requests
   * wait from 7 days before the end-of-term test until its column closes (10 working days after the
   * test; 2026-12-21 is a Monday, so the 10th working day is 2027-01-05 after New Year's Day). Toán
   * of grade 9 has its own date; the homeroom teacher's entries (no subject) span the grade's first
   * and last tests.
   */
  @ParameterizedTest(name = "term {0}, grade {1}, {2}: {3} … {4}")
  @CsvSource({
    "1, 7, ngu_van, 2026-12-14, 2027-01-05",
    "1, 9, ngu_van, 2026-12-14, 2027-01-05",
    "1, 9, toan,    2026-12-16, 2027-01-07",
    "1, 9,        , 2026-12-14, 2027-01-07",
    "2, 7, toan,    ,",
  })
  void correctionStop(int term, int grade, String subject, LocalDate from, LocalDate until) {
    List<TestDate> tests =
        List.of(
            new TestDate(1, "CK", null, null, LocalDate.of(2026, 12, 21)),
            new TestDate(1, "CK", 9, "toan", LocalDate.of(2026, 12, 23)),
            new TestDate(1, "GK", null, null, LocalDate.of(2026, 11, 2)));
    EntryWindows.Stop stop =
        EntryWindows.correctionStop(
            Settings.defaults(2026),
            tests,
            d -> PublicHolidays.of(d.getYear()).containsKey(d),
            term,
            grade,
            subject);
    if (from == null) {
      assertThat(stop).isNull();
    } else {
      assertThat(stop).isEqualTo(new EntryWindows.Stop(from, until));
    }
  }
}
