package vn.truongso.attendance.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/** The year's rolls for the sealed archive: each roll with its version and note, each absence. */
@Component
class AttendanceYearRecords implements YearRecords {

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "attendance.rolls",
        "SELECT x.* FROM attendance_roll x"
            + OF_YEAR_CLASSES
            + " ORDER BY x.class_id, x.day, x.session",
        "attendance.absences",
        "SELECT x.* FROM attendance_absence x"
            + OF_YEAR_CLASSES
            + " ORDER BY x.class_id, x.day, x.session, x.student_id");
  }
}
