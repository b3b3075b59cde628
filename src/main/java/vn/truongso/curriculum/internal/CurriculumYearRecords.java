package vn.truongso.curriculum.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/** Who taught which subject in which class and term of the year, for the sealed archive. */
@Component
class CurriculumYearRecords implements YearRecords {

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "curriculum.teaching",
        "SELECT x.* FROM teaching_assignment x" + OF_YEAR_CLASSES + " ORDER BY x.id");
  }
}
