package vn.truongso.gradebook.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Period;
import vn.truongso.enrolment.Classes;

/** The stored exemptions and individual plans of a school year's students. */
@Repository
public class ArrangementStore {

  private final JdbcClient jdbc;

  ArrangementStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** HK1, HK2: one term; CN: the whole year. */
  public record Exemption(long studentId, String subject, String terms, String basis) {
    /** Whether the exemption covers the given term (1, 2). */
    public boolean covers(int term) {
      return Period.parse(terms).map(p -> p.covers(term)).orElse(false);
    }
  }

  /** {@code promotion}: the principal's decision, null until given. */
  public record Plan(long studentId, String basis, Outcome promotion) {}

  /** The arrangements of the students of one school year. */
  public record OfYear(Map<Long, Map<String, Exemption>> exemptions, Map<Long, Plan> plans) {
    public Exemption exemption(long studentId, String subject) {
      return exemptions.getOrDefault(studentId, Map.of()).get(subject);
    }

    public Plan plan(long studentId) {
      return plans.get(studentId);
    }

    static final OfYear NONE = new OfYear(Map.of(), Map.of());
  }

  /** The arrangements of the class's students, read together with the class's marks. */
  OfYear ofClass(Classes.SchoolClass c, Collection<Long> students) {
    if (students.isEmpty()) {
      return OfYear.NONE;
    }
    Long[] ids = students.toArray(Long[]::new);
    Map<Long, Map<String, Exemption>> exemptions = new HashMap<>();
    jdbc.sql(
            "SELECT student_id, subject_code, terms, basis FROM subject_exemption"
                + " WHERE school_id = ? AND start_year = ? AND student_id = ANY(?)")
        .params(c.schoolId(), c.startYear(), ids)
        .query(
            rs -> {
              Exemption e =
                  new Exemption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
              exemptions
                  .computeIfAbsent(e.studentId(), id -> new LinkedHashMap<>())
                  .put(e.subject(), e);
            });
    Map<Long, Plan> plans = new HashMap<>();
    jdbc.sql(
            "SELECT student_id, basis, promotion FROM individual_plan"
                + " WHERE school_id = ? AND start_year = ? AND student_id = ANY(?)")
        .params(c.schoolId(), c.startYear(), ids)
        .query(
            rs -> {
              String p = rs.getString(3);
              plans.put(
                  rs.getLong(1),
                  new Plan(rs.getLong(1), rs.getString(2), p == null ? null : Outcome.valueOf(p)));
            });
    return new OfYear(exemptions, plans);
  }
}
