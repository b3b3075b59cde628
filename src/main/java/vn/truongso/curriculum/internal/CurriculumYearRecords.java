package vn.truongso.curriculum.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/** Who taught which subject in which class and term of the year, for the sealed archive. */
@Component
class CurriculumYearRecords implements YearRecords {

  /** A class-keyed table's rows of the year's classes. */
  private static final String OF_YEAR_CLASSES =
      " JOIN school_class c ON c.school_id = x.school_id AND c.id = x.class_id"
          + " WHERE x.school_id = :school AND c.start_year = :year";

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "curriculum.teaching",
        "SELECT x.* FROM teaching_assignment x" + OF_YEAR_CLASSES + " ORDER BY x.id");
  }
}
