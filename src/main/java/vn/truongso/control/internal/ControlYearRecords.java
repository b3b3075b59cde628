package vn.truongso.control.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/**
 * The year's deadlines, test dates, days off, and every lock and opening with its history, for the
 * sealed archive.
 */
@Component
class ControlYearRecords implements YearRecords {

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "control.calendar",
        "SELECT * FROM entry_calendar WHERE school_id = :school AND start_year = :year",
        "control.test_dates",
        "SELECT * FROM entry_test_date WHERE school_id = :school AND start_year = :year ORDER BY id",
        "control.days_off",
        "SELECT * FROM school_day_off WHERE school_id = :school AND start_year = :year"
            + " ORDER BY on_date",
        "control.locks",
        "SELECT * FROM entry_lock WHERE school_id = :school AND start_year = :year ORDER BY id");
  }
}
