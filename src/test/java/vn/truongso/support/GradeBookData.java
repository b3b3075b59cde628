package vn.truongso.support;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.SubjectKind;

/**
 * A student's whole year of marks written straight into the grade book's table, for tests of what
 * is computed from them: every compulsory subject, both terms, every slot the same value.
 */
@Component
public class GradeBookData {

  private final JdbcClient jdbc;

  public GradeBookData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param value every scored subject's marks ({@code "6.5"}); comment subjects get Đạt
   * @param overrides {@code "toan=4"}, {@code "nghe_thuat=C"}; {@code "toan="} leaves it blank
   */
  public void fillYear(TestClasses.Taught t, long studentId, String value, String... overrides) {
    Map<String, String> special = new HashMap<>();
    for (String o : overrides) {
      special.put(o.substring(0, o.indexOf('=')), o.substring(o.indexOf('=') + 1));
    }
    int[] gradeAndYear =
        jdbc.sql("SELECT grade, start_year FROM school_class WHERE school_id = ? AND id = ?")
            .params(t.school().id(), t.classId())
            .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
            .single();
    int grade = gradeAndYear[0];
    SecondaryPolicy policy = Policies.secondary(Policies.forCohort(grade, gradeAndYear[1]));
    jdbc.sql(
            "SELECT subject_code, periods_per_year, assessment_mode FROM programme_subject"
                + " WHERE grade = ? AND category IN ('bat_buoc', 'hoat_dong_bat_buoc')")
        .param(grade)
        .query(
            rs -> {
              String code = rs.getString(1);
              SubjectKind kind =
                  rs.getString(3).equals("nhan_xet_dat_chua_dat")
                      ? SubjectKind.COMMENT
                      : SubjectKind.SCORE;
              String v = special.getOrDefault(code, kind == SubjectKind.SCORE ? value : "D");
              if (v.isEmpty()) {
                return; // the subject is left blank
              }
              int regular = policy.regularAssessments(kind, rs.getInt(2));
              for (int term = 1; term <= 2; term++) {
                for (int i = 1; i <= regular; i++) {
                  insert(t, studentId, code, term, "TX" + i, kind, v);
                }
                insert(t, studentId, code, term, "GK", kind, v);
                insert(t, studentId, code, term, "CK", kind, v);
              }
            });
  }

  private void insert(
      TestClasses.Taught t,
      long studentId,
      String subject,
      int term,
      String slot,
      SubjectKind kind,
      String v) {
    jdbc.sql(
            """
            INSERT INTO score_cell (school_id, class_id, subject_code, term_no, student_id, slot,
                                    score, comment, absent, version, changed_at, changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, false, 1, now(), 0)
            """)
        .params(
            t.school().id(),
            t.classId(),
            subject,
            term,
            studentId,
            slot,
            kind == SubjectKind.SCORE ? new BigDecimal(v) : null,
            kind == SubjectKind.COMMENT ? (v.equals("C") ? "CHUA_DAT" : "DAT") : null)
        .update();
  }
}
