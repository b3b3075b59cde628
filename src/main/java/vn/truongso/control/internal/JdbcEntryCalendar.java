package vn.truongso.control.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Slot;
import vn.truongso.control.EntryCalendar;
import vn.truongso.control.YearSeals;
import vn.truongso.control.internal.EntryWindows.Settings;
import vn.truongso.control.internal.EntryWindows.TestDate;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * The calendar of entry deadlines in SQL: owns {@code entry_calendar} (the year's settings), {@code
 * entry_test_date} (mid-term and end-of-term test dates) and {@code school_day_off} (the school's
 * own days off). Every change is audited, and refused once the year is sealed.
 */
@Service
class JdbcEntryCalendar implements EntryCalendar {

  private final JdbcClient jdbc;
  private final Organisation org;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;
  private final YearSeals seals;

  JdbcEntryCalendar(
      JdbcClient jdbc,
      Organisation org,
      Authorization authorization,
      AuditLog audit,
      Clock clock,
      YearSeals seals) {
    this.seals = seals;
    this.jdbc = jdbc;
    this.org = org;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** The plan for the gate (no permission check: every save and page of the year needs it). */
  Plan planFor(long schoolId, int startYear) {
    List<SchoolYear.Week> weeks =
        org.years(schoolId).stream()
            .filter(y -> y.startYear() == startYear)
            .findFirst()
            .map(SchoolYear::weeks)
            .orElse(List.of());
    Settings stored =
        jdbc.sql(
                "SELECT regular_weeks, working_days, retest_by, cutoff, correction_stop_days"
                    + " FROM entry_calendar WHERE school_id = ? AND start_year = ?")
            .params(schoolId, startYear)
            .query(JdbcEntryCalendar::settings)
            .optional()
            .orElse(null);
    List<TestDate> tests =
        jdbc.sql(
                "SELECT term_no, slot, grade, subject_code, test_on FROM entry_test_date"
                    + " WHERE school_id = ? AND start_year = ?")
            .params(schoolId, startYear)
            .query(
                (rs, n) ->
                    new TestDate(
                        rs.getInt("term_no"),
                        rs.getString("slot"),
                        (Integer) rs.getObject("grade"),
                        rs.getString("subject_code"),
                        rs.getObject("test_on", LocalDate.class)))
            .list();
    Map<LocalDate, String> own = new TreeMap<>();
    jdbc.sql(
            "SELECT on_date, name FROM school_day_off WHERE school_id = ? AND start_year = ?"
                + " ORDER BY on_date")
        .params(schoolId, startYear)
        .query(
            rs -> {
              own.put(rs.getObject("on_date", LocalDate.class), rs.getString("name"));
            });
    return new Plan(
        startYear,
        stored == null ? Settings.defaults(startYear) : stored,
        stored == null,
        weeks,
        EntryWindows.ordered(tests),
        own,
        EntryWindows.daysOff(startYear, weeks, new ArrayList<>(own.keySet())),
        LocalDate.now(clock));
  }

  @Override
  public Optional<CorrectionBar> correctionBar(
      long schoolId, int startYear, int term, int grade, String subject) {
    Plan plan = planFor(schoolId, startYear);
    if (plan.defaults()) {
      return Optional.empty();
    }
    LocalDate cutoff = plan.settings().cutoff();
    if (cutoff != null && plan.today().isAfter(cutoff)) {
      return Optional.of(new CorrectionBar("control.correction.cutOff", cutoff, null));
    }
    EntryWindows.Stop stop =
        EntryWindows.correctionStop(
            plan.settings(), plan.testDates(), plan.daysOff()::contains, term, grade, subject);
    if (stop != null && stop.covers(plan.today())) {
      return Optional.of(new CorrectionBar("control.correction.stop", stop.from(), stop.until()));
    }
    return Optional.empty();
  }

  @Override
  @Transactional(readOnly = true)
  public Set<LocalDate> daysOff(long schoolId, int startYear) {
    return planFor(schoolId, startYear).daysOff();
  }

  @Override
  @Transactional(readOnly = true)
  public Plan plan(long schoolId, int startYear) {
    if (!authorization.permits(Action.VIEW_SCHOOL, Target.school(schoolId))) {
      throw new NotFoundException("school " + schoolId);
    }
    return planFor(schoolId, startYear);
  }

  @Override
  public boolean mayEdit(long schoolId) {
    return authorization.permits(Action.LOCK_GRADEBOOK, Target.school(schoolId));
  }

  @Override
  @Transactional
  public void saveSettings(long schoolId, int startYear, SettingsForm form) {
    requireEdit(schoolId, startYear);
    List<Integer> weeks = new ArrayList<>();
    for (String part : form.regularWeeks().split("[,;\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      int w = number(part, 1, 60, "regularWeeks", "control.calendar.weeks");
      if (!weeks.contains(w)) {
        weeks.add(w);
      }
    }
    weeks.sort(null);
    int days = number(form.workingDays(), 1, 60, "workingDays", "control.calendar.workingDays");
    LocalDate retest = date(form.retestBy(), "retestBy", "control.calendar.date");
    if (retest == null) {
      throw new UserInputException("retestBy", "control.calendar.retestBy");
    }
    LocalDate cutoff = date(form.cutoff(), "cutoff", "control.calendar.date");
    int stop = number(form.stopDays(), 0, 60, "stopDays", "control.calendar.stopDays");
    Settings before = planFor(schoolId, startYear).settings();
    Settings after = new Settings(List.copyOf(weeks), days, retest, cutoff, stop);
    jdbc.sql(
            """
            INSERT INTO entry_calendar (school_id, start_year, regular_weeks, working_days,
              retest_by, cutoff, correction_stop_days, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, start_year) DO UPDATE SET regular_weeks = EXCLUDED.regular_weeks,
              working_days = EXCLUDED.working_days, retest_by = EXCLUDED.retest_by,
              cutoff = EXCLUDED.cutoff, correction_stop_days = EXCLUDED.correction_stop_days,
              updated_at = EXCLUDED.updated_at
            """)
        .params(
            schoolId,
            startYear,
            weeks.toArray(Integer[]::new),
            days,
            retest,
            cutoff,
            stop,
            clock.instant().atOffset(java.time.ZoneOffset.UTC))
        .update();
    audit.record(
        AuditEvent.of(schoolId, "control.calendar.set", "entry_calendar", (long) startYear)
            .before(describe(before))
            .after(describe(after)));
  }

  @Override
  @Transactional
  public void setTestDate(
      long schoolId,
      int startYear,
      int term,
      String slot,
      Integer grade,
      String subject,
      String on) {
    requireEdit(schoolId, startYear);
    if (term != 1 && term != 2) {
      throw new UserInputException("term", "control.lock.term");
    }
    if (!Slot.parse(slot).map(Slot::periodic).orElse(false)) {
      throw new UserInputException("slot", "control.calendar.testSlot");
    }
    if (grade != null && (grade < 1 || grade > 12)) {
      throw new UserInputException("grade", "control.lock.grade");
    }
    String subj = subject == null || subject.isBlank() ? null : subject.strip();
    LocalDate date = date(on, "on", "control.calendar.date");
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("year", startYear);
    key.put("term", term);
    key.put("slot", slot);
    if (grade != null) key.put("grade", grade);
    if (subj != null) key.put("subject", subj);
    LocalDate old =
        jdbc.sql(
                "DELETE FROM entry_test_date WHERE school_id = ? AND start_year = ? AND term_no = ?"
                    + " AND slot = ? AND grade IS NOT DISTINCT FROM ?"
                    + " AND subject_code IS NOT DISTINCT FROM ? RETURNING test_on")
            .params(schoolId, startYear, term, slot, grade, subj)
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (date != null) {
      jdbc.sql(
              "INSERT INTO entry_test_date (school_id, start_year, term_no, slot, grade,"
                  + " subject_code, test_on) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(schoolId, startYear, term, slot, grade, subj, date)
          .update();
    }
    Map<String, Object> before = new LinkedHashMap<>(key);
    before.put("on", old == null ? null : old.toString());
    Map<String, Object> after = new LinkedHashMap<>(key);
    after.put("on", date == null ? null : date.toString());
    audit.record(
        AuditEvent.of(schoolId, "control.testDate.set", "entry_test_date", (long) startYear)
            .before(before)
            .after(after));
  }

  @Override
  @Transactional
  public void setDayOff(long schoolId, int startYear, String on, String name, boolean off) {
    requireEdit(schoolId, startYear);
    LocalDate date = date(on, "on", "control.calendar.date");
    if (date == null) {
      throw new UserInputException("on", "control.calendar.date");
    }
    String label = name == null ? "" : name.strip();
    if (off) {
      if (label.isEmpty() || label.length() > 200) {
        throw new UserInputException("name", "control.calendar.dayOffName");
      }
      jdbc.sql(
              "INSERT INTO school_day_off (school_id, start_year, on_date, name) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (school_id, start_year, on_date) DO UPDATE SET name = EXCLUDED.name")
          .params(schoolId, startYear, date, label)
          .update();
    } else {
      jdbc.sql("DELETE FROM school_day_off WHERE school_id = ? AND start_year = ? AND on_date = ?")
          .params(schoolId, startYear, date)
          .update();
    }
    audit.record(
        AuditEvent.of(schoolId, "control.dayOff.set", "school_day_off", (long) startYear)
            .after(Map.of("on", date.toString(), "off", off, "name", label)));
  }

  private void requireEdit(long schoolId, int startYear) {
    if (!mayEdit(schoolId)) {
      throw new AccessDeniedException("control.calendar");
    }
    if (org.years(schoolId).stream().noneMatch(y -> y.startYear() == startYear)) {
      throw new UserInputException("year", "control.year");
    }
    seals.requireUnsealed(schoolId, startYear);
  }

  private static Map<String, Object> describe(Settings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("regularWeeks", s.regularWeeks().toString());
    m.put("workingDays", s.workingDays());
    m.put("retestBy", s.retestBy().toString());
    m.put("cutoff", s.cutoff() == null ? null : s.cutoff().toString());
    m.put("correctionStopDays", s.correctionStopDays());
    return m;
  }

  private static int number(String s, int min, int max, String field, String key) {
    try {
      int n = Integer.parseInt(s == null ? "" : s.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new UserInputException(field, key, min, max);
  }

  /** A date as the form sends it (yyyy-MM-dd from a date input, or dd/MM/yyyy typed). */
  private static LocalDate date(String s, String field, String key) {
    String t = s == null ? "" : s.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      if (t.contains("/")) {
        return LocalDate.parse(t, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"));
      }
      return LocalDate.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserInputException(field, key);
    }
  }

  private static Settings settings(ResultSet rs, int n) throws SQLException {
    Array weeks = rs.getArray("regular_weeks");
    List<Integer> list = Arrays.asList((Integer[]) weeks.getArray());
    return new Settings(
        List.copyOf(list),
        rs.getInt("working_days"),
        rs.getObject("retest_by", LocalDate.class),
        rs.getObject("cutoff", LocalDate.class),
        rs.getInt("correction_stop_days"));
  }
}
