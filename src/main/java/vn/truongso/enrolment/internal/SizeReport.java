package vn.truongso.enrolment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.enrolment.Classes.SizeChange;
import vn.truongso.enrolment.Classes.SizeCounts;

/**
 * Class-size changes (biến động sĩ số) over a period, counted in one pass over {@code enrolment}
 * and {@code student}: each measure (at the start, in, out, dropped out, at the end) for each group
 * (all, girls, ethnic minorities, minority girls) is one filtered count.
 */
@Repository
class SizeReport {

  private static final String KINH = "01";

  /** In the order of {@link SizeChange}'s counts. */
  private static final List<String> MEASURES =
      List.of(
          "e.starts_on <= :first AND (e.ends_on IS NULL OR e.ends_on >= :first)",
          "e.starts_on > :first AND e.starts_on <= :last",
          "e.ends_on >= :first AND e.ends_on < :last"
              + " AND e.end_reason IN ('TRANSFER_OUT', 'CLASS_CHANGE')",
          "e.ends_on >= :first AND e.ends_on < :last AND e.end_reason = 'DROP_OUT'",
          "e.starts_on <= :last AND (e.ends_on IS NULL OR e.ends_on >= :last)");

  /** In the order of {@link SizeCounts}' fields. */
  private static final List<String> GROUPS =
      List.of(
          "true",
          "s.sex = 'F'",
          "s.ethnicity_code <> :kinh",
          "s.sex = 'F' AND s.ethnicity_code <> :kinh");

  private static final String COUNTS = counts();

  private final JdbcClient jdbc;

  SizeReport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SizeChange> sizeChanges(long schoolId, int startYear, LocalDate first, LocalDate last) {
    return jdbc.sql(
            "SELECT c.id, c.name, c.grade"
                + COUNTS
                + """
                 FROM school_class c
                LEFT JOIN enrolment e ON e.school_id = c.school_id AND e.class_id = c.id
                LEFT JOIN student s ON s.school_id = e.school_id AND s.id = e.student_id
                WHERE c.school_id = :school AND c.start_year = :year
                GROUP BY c.id, c.name, c.grade, c.age_from, c.age_to ORDER BY
                """
                + ClassStore.BY_AGE)
        .param("school", schoolId)
        .param("year", startYear)
        .param("first", first)
        .param("last", last)
        .param("kinh", KINH)
        .query(SizeReport::map)
        .list();
  }

  /** One count column per measure and group, measure by measure. */
  private static String counts() {
    StringBuilder columns = new StringBuilder();
    for (String m : MEASURES) {
      for (String g : GROUPS) {
        columns
            .append(", count(s.id) FILTER (WHERE ")
            .append(m)
            .append(" AND ")
            .append(g)
            .append(")");
      }
    }
    return columns.toString();
  }

  private static SizeChange map(ResultSet rs, int n) throws SQLException {
    SizeCounts[] counts = new SizeCounts[MEASURES.size()];
    for (int m = 0; m < counts.length; m++) {
      int base = 4 + m * GROUPS.size();
      counts[m] =
          new SizeCounts(
              rs.getInt(base), rs.getInt(base + 1), rs.getInt(base + 2), rs.getInt(base + 3));
    }
    return new SizeChange(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4]);
  }
}
