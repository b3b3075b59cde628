package vn.truongso.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.org.OrgUnit;
import vn.truongso.org.School;

/**
 * Large generated data for the benchmarks: lower-secondary schools in the 2026–27 year whose
 * classes, students and enrolments are written set-based (three statements per class) rather than
 * through the services, which would take hours for a province.
 */
@Component
public class GeneratedSchools {

  private final TestOrg testOrg;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public GeneratedSchools(TestOrg testOrg, JdbcClient jdbc, TransactionTemplate tx) {
    this.testOrg = testOrg;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  public record Generated(School school, List<GeneratedClass> classes) {}

  /** {@code students}: the class's students in the order they were enrolled. */
  public record GeneratedClass(long id, int grade, Long[] students) {}

  /** A school under {@code ward} with classes of grades 6–9 in turn (6A1, 7A1, 8A1, 9A1, 6A2 …). */
  public Generated school(OrgUnit ward, String name, int classes, int studentsPerClass) {
    return school(testOrg.school(ward, name), 6, 4, classes, studentsPerClass);
  }

  /** A primary school with classes of grades 1–5 in turn (1A1, 2A1 … 5A1, 1A2 …). */
  public Generated primarySchool(OrgUnit ward, String name, int classes, int studentsPerClass) {
    return school(
        testOrg.school(ward, name, vn.truongso.org.SchoolLevel.PRIMARY),
        1,
        5,
        classes,
        studentsPerClass);
  }

  /**
   * A kindergarten with {@code groups} groups, each of one age band in turn (nhà trẻ 3–12 months to
   * mẫu giáo 5–6 years), its children born so that they are of the band's age on 1 December 2026.
   */
  public Generated kindergarten(OrgUnit ward, String name, int groups, int childrenPerGroup) {
    School school = testOrg.school(ward, name, vn.truongso.org.SchoolLevel.KINDERGARTEN);
    vn.truongso.enrolment.AgeBand[] bands = vn.truongso.enrolment.AgeBand.values();
    List<GeneratedClass> generated = new ArrayList<>();
    tx.executeWithoutResult(
        st -> {
          for (int g = 0; g < groups; g++) {
            vn.truongso.enrolment.AgeBand band = bands[g % bands.length];
            long classId =
                jdbc.sql(
                        "INSERT INTO school_class (school_id, start_year, grade, name, shift,"
                            + " age_from, age_to) VALUES (?, 2026, 0, ?, 'FULL_DAY', ?, ?)"
                            + " RETURNING id")
                    .params(school.id(), "Nhóm " + (g + 1), band.name(), band.name())
                    .query(Long.class)
                    .single();
            Long[] students =
                jdbc.sql(
                        """
                        WITH s AS (
                          INSERT INTO student (school_id, family_name, middle_name, given_name,
                                               birth_date, sex, ethnicity_code)
                          SELECT ?, 'Nguyễn', 'Thị', 'Bé ' || ? || '-' || i,
                                 DATE '2026-12-01' - make_interval(months => ? + i % ?, days => 1 + i % 27),
                                 CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END, '01'
                          FROM generate_series(0, ? - 1) i RETURNING id),
                        e AS (
                          INSERT INTO enrolment (school_id, class_id, student_id, starts_on)
                          SELECT ?, ?, id, DATE '2026-09-05' FROM s RETURNING student_id)
                        SELECT student_id FROM e ORDER BY student_id
                        """)
                    .params(
                        school.id(),
                        classId,
                        band.fromMonths(),
                        band.toMonths() - band.fromMonths() - 1,
                        childrenPerGroup,
                        school.id(),
                        classId)
                    .query(Long.class)
                    .list()
                    .toArray(Long[]::new);
            generated.add(new GeneratedClass(classId, 0, students));
          }
        });
    return new Generated(school, List.copyOf(generated));
  }

  /**
   * Every primary value of the class at the end of the year, as set-based SQL: each subject and
   * activity the grade assesses by level (T mostly, H for every fifth pupil) with its test where
   * the plan has one, every quality and competency (T, or Đ), two comments.
   */
  public void fillPrimaryYear(long schoolId, GeneratedClass c) {
    jdbc.sql(
            """
            INSERT INTO primary_assessment (school_id, class_id, student_id, point, kind, item,
                                            level, comment, score, version, changed_at, changed_by)
            SELECT ?, ?, st, 'CN', 'SUBJECT', p.subject_code,
                   CASE WHEN st % 5 = 0 THEN 'H' ELSE 'T' END, 'Hoàn thành tốt nội dung môn học.',
                   CASE WHEN p.periodic_test_points LIKE '%CN%' THEN 6 + (st % 5) END, 1, now(), 0
            FROM unnest(?::bigint[]) st
            JOIN programme_subject p ON p.grade = ? AND p.assessment_mode LIKE 'muc_T_H_C%'
            """)
        .params(schoolId, c.id(), c.students(), c.grade())
        .update();
    jdbc.sql(
            """
            INSERT INTO primary_assessment (school_id, class_id, student_id, point, kind, item,
                                            level, version, changed_at, changed_by)
            SELECT ?, ?, st, 'CN', i.kind, i.item, CASE WHEN st % 7 = 0 THEN 'D' ELSE 'T' END, 1,
                   now(), 0
            FROM unnest(?::bigint[]) st,
                 (VALUES ('QUALITY', 'YEU_NUOC'), ('QUALITY', 'NHAN_AI'), ('QUALITY', 'CHAM_CHI'),
                         ('QUALITY', 'TRUNG_THUC'), ('QUALITY', 'TRACH_NHIEM'),
                         ('COMPETENCE', 'TU_CHU_VA_TU_HOC'), ('COMPETENCE', 'GIAO_TIEP_VA_HOP_TAC'),
                         ('COMPETENCE', 'GIAI_QUYET_VAN_DE_VA_SANG_TAO'),
                         ('COMPETENCE', 'NGON_NGU'), ('COMPETENCE', 'TINH_TOAN'),
                         ('COMPETENCE', 'KHOA_HOC'), ('COMPETENCE', 'CONG_NGHE'),
                         ('COMPETENCE', 'TIN_HOC'), ('COMPETENCE', 'THAM_MI'),
                         ('COMPETENCE', 'THE_CHAT')) i(kind, item)
            """)
        .params(schoolId, c.id(), c.students())
        .update();
  }

  private Generated school(
      School school, int firstGrade, int grades, int classes, int studentsPerClass) {
    List<GeneratedClass> generated = new ArrayList<>();
    tx.executeWithoutResult(
        st -> {
          List<long[]> classIds =
              jdbc.sql(
                      """
                      INSERT INTO school_class (school_id, start_year, grade, name)
                      SELECT ?, 2026, ? + k % ?, (? + k % ?) || 'A' || (k / ? + 1)
                      FROM generate_series(0, ? - 1) k RETURNING id, grade
                      """)
                  .params(school.id(), firstGrade, grades, firstGrade, grades, grades, classes)
                  .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                  .list();
          for (long[] c : classIds) {
            Long[] students =
                jdbc.sql(
                        """
                        WITH s AS (
                          INSERT INTO student (school_id, family_name, middle_name, given_name,
                                               birth_date, sex, ethnicity_code)
                          SELECT ?, 'Nguyễn', 'Văn', 'Học Sinh ' || ? || '-' || i,
                                 make_date((2026 - ? - 6)::int, 1 + i % 12, 1 + i % 28),
                                 CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END, '01'
                          FROM generate_series(0, ? - 1) i RETURNING id),
                        e AS (
                          INSERT INTO enrolment (school_id, class_id, student_id, starts_on)
                          SELECT ?, ?, id, DATE '2026-09-05' FROM s RETURNING student_id)
                        SELECT student_id FROM e ORDER BY student_id
                        """)
                    .params(school.id(), c[0], c[1], studentsPerClass, school.id(), c[0])
                    .query(Long.class)
                    .list()
                    .toArray(Long[]::new);
            generated.add(new GeneratedClass(c[0], (int) c[1], students));
          }
        });
    return new Generated(school, List.copyOf(generated));
  }

  /**
   * Every compulsory subject's marks for the class (random scores from 4.5, comments Đạt), both
   * terms, two statements per subject, with conduct Tốt; {@code approved}: both periods approved.
   */
  public void fillYear(long schoolId, GeneratedClass c, boolean approved) {
    SecondaryPolicy policy = Policies.secondary(Policies.forCohort(c.grade(), 2026));
    List<Object[]> subjects =
        jdbc.sql(
                "SELECT subject_code, periods_per_year, assessment_mode FROM programme_subject"
                    + " WHERE grade = ? AND category IN ('bat_buoc', 'hoat_dong_bat_buoc')")
            .param(c.grade())
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)})
            .list();
    for (Object[] s : subjects) {
      SubjectKind kind =
          s[2].equals("nhan_xet_dat_chua_dat") ? SubjectKind.COMMENT : SubjectKind.SCORE;
      List<String> slots = new ArrayList<>();
      for (int i = 1; i <= policy.regularAssessments(kind, (Integer) s[1]); i++) {
        slots.add("TX" + i);
      }
      slots.add("GK");
      slots.add("CK");
      jdbc.sql(
              """
              INSERT INTO score_cell (school_id, class_id, subject_code, term_no, student_id, slot,
                                      score, comment, absent, version, changed_at, changed_by)
              SELECT ?, ?, ?, t, st, sl,
                     CASE WHEN ? THEN round((4.5 + random() * 5.5)::numeric, 1) END,
                     CASE WHEN ? THEN 'DAT' END, false, 1, now(), 0
              FROM unnest(?::bigint[]) st, generate_series(1, 2) t, unnest(?::text[]) sl
              """)
          .params(
              schoolId,
              c.id(),
              s[0],
              kind == SubjectKind.SCORE,
              kind == SubjectKind.COMMENT,
              c.students(),
              slots.toArray(String[]::new))
          .update();
    }
    jdbc.sql(
            """
            INSERT INTO conduct_entry (school_id, class_id, student_id, period, level, changed_at,
                                       changed_by)
            SELECT ?, ?, st, p, 'TOT', now(), 0 FROM unnest(?::bigint[]) st,
                   unnest(ARRAY['HK1', 'HK2']) p
            """)
        .params(schoolId, c.id(), c.students())
        .update();
    if (approved) {
      jdbc.sql(
              """
              INSERT INTO result_approval (school_id, class_id, period, state, submitted_by,
                                           submitted_at, decided_by, decided_at)
              SELECT ?, ?, p, 'APPROVED', 0, now(), 0, now() FROM generate_series(1, 2) p
              """)
          .params(schoolId, c.id())
          .update();
    }
  }
}
