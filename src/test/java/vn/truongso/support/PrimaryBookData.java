package vn.truongso.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.Quality;
import vn.truongso.curriculum.Teaching;

/**
 * A primary pupil's values at a point written straight into the book's table, for tests of what is
 * computed from them: every subject the grade assesses by level, its test where the grade's plan
 * has one at that point, every quality and competency.
 */
@Component
public class PrimaryBookData {

  private final JdbcClient jdbc;
  private final Teaching teaching;

  public PrimaryBookData(JdbcClient jdbc, Teaching teaching) {
    this.jdbc = jdbc;
    this.teaching = teaching;
  }

  /**
   * @param level every subject's level (T, H, C); qualities and competencies get T for T, else D
   * @param score every test's score
   * @param skip subject codes or quality names left blank
   */
  public void fill(
      TestClasses.Taught t,
      long pupil,
      PrimaryPoint point,
      String level,
      int score,
      String... skip) {
    int grade =
        jdbc.sql("SELECT grade FROM school_class WHERE school_id = ? AND id = ?")
            .params(t.school().id(), t.classId())
            .query(Integer.class)
            .single();
    List<String> left = List.of(skip);
    for (Teaching.ProgrammeSubject p : teaching.subjects(grade)) {
      if (p.assessmentMode().startsWith("muc_T_H_C") && !left.contains(p.code())) {
        boolean tested = p.testPoints().contains(point.name());
        insert(t, pupil, point, "SUBJECT", p.code(), level, tested ? score : null);
      }
    }
    String quality = level.equals("T") ? "T" : "D";
    for (Quality q : Quality.values()) {
      if (!left.contains(q.name())) {
        insert(t, pupil, point, "QUALITY", q.name(), quality, null);
      }
    }
    for (Competence c : Competence.values()) {
      if (!left.contains(c.name())) {
        insert(t, pupil, point, "COMPETENCE", c.name(), quality, null);
      }
    }
  }

  /** One subject's value at a point (a subject's code, its level and score). */
  public void subject(
      TestClasses.Taught t,
      long pupil,
      PrimaryPoint point,
      String code,
      String level,
      Integer score) {
    insert(t, pupil, point, "SUBJECT", code, level, score);
  }

  private void insert(
      TestClasses.Taught t,
      long pupil,
      PrimaryPoint point,
      String kind,
      String item,
      String level,
      Integer score) {
    jdbc.sql(
            "INSERT INTO primary_assessment (school_id, class_id, student_id, point, kind, item,"
                + " level, score, version, changed_at, changed_by) VALUES (:s, :c, :p, :point,"
                + " :k, :i, :l, :score, 1, now(), 0) ON CONFLICT DO NOTHING")
        .param("s", t.school().id())
        .param("c", t.classId())
        .param("p", pupil)
        .param("point", point.name())
        .param("k", kind)
        .param("i", item)
        .param("l", level)
        .param("score", score)
        .update();
  }
}
