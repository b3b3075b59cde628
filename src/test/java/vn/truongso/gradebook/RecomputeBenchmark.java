package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.Recomputation;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.support.TestOrg;

/**
 * Issue 4's bulk recomputation benchmark (not part of the test run): generates lower-secondary
 * schools of 45 classes × 45 students with every compulsory subject's marks, conduct and both
 * periods approved, then times the recomputation job of each school, {@code bench.threads} schools
 * at a time. Run with {@code bench/recompute.sh [schools] [threads]}; figures in
 * docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
class RecomputeBenchmark {

  private static final int CLASSES = 45;
  private static final int STUDENTS = 45;

  @Autowired TestOrg testOrg;
  @Autowired Classes classes;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Recomputation recomputation;

  @Test
  void recomputeGeneratedSchools() throws Exception {
    int schools = Integer.getInteger("bench.schools", 1);
    int threads = Integer.getInteger("bench.threads", 2);
    List<School> generated = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < schools; i++) {
      generated.add(generate());
    }
    report("generate", schools, System.nanoTime() - t0);

    for (String run : List.of("first run (all rows written)", "second run (nothing changed)")) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<Recomputation.Job>> jobs = new ArrayList<>();
      for (School s : generated) {
        jobs.add(pool.submit(() -> runJob(s)));
      }
      int changed = 0;
      for (Future<Recomputation.Job> f : jobs) {
        Recomputation.Job job = f.get();
        assertThat(job.state()).isEqualTo(Recomputation.State.DONE);
        changed += job.changed();
      }
      long elapsed = System.nanoTime() - start;
      pool.shutdown();
      report(run + ", " + changed + " rows changed, " + threads + " threads", schools, elapsed);
    }
  }

  private Recomputation.Job runJob(School s) {
    long id =
        jdbc.sql(
                "INSERT INTO recompute_job (school_id, start_year, state, requested_by, requested_at)"
                    + " VALUES (?, 2026, 'QUEUED', 0, now()) RETURNING id")
            .param(s.id())
            .query(Long.class)
            .single();
    recomputation.run(s.id(), id);
    return recomputation.job(s.id(), id).orElseThrow();
  }

  private static void report(String what, int schools, long nanos) {
    int students = schools * CLASSES * STUDENTS;
    System.out.printf(
        "BENCH %s: %d schools, %d students, %.2f s, %.0f students/s%n",
        what, schools, students, nanos / 1e9, students / (nanos / 1e9));
  }

  private School generate() {
    School school = testOrg.school();
    for (int k = 0; k < CLASSES; k++) {
      int grade = 6 + k % 4;
      String name = grade + "A" + (k / 4 + 1);
      int classNo = k;
      tx.executeWithoutResult(
          st -> {
            long classId =
                classes.createClass(
                    school.id(), new Classes.NewClass(2026, grade, name, null, null, null));
            List<Long> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
              long id =
                  people.addStudent(
                      school.id(),
                      new People.NewStudent(
                          new PersonName("Nguyễn", "Văn", "Học Sinh " + classNo + "-" + i),
                          LocalDate.of(2026 - grade - 6, 1 + i % 12, 1 + i % 28),
                          i % 2 == 0 ? Sex.M : Sex.F,
                          "01",
                          null,
                          null));
              classes.enrol(school.id(), classId, id, LocalDate.of(2026, 9, 5));
              students.add(id);
            }
            fill(school.id(), classId, grade, students.toArray(Long[]::new));
          });
    }
    return school;
  }

  /** Every compulsory subject's marks for the class in two statements per subject, set-based. */
  private void fill(long schoolId, long classId, int grade, Long[] students) {
    SecondaryPolicy policy = Policies.secondary(Policies.forCohort(grade, 2026));
    List<Object[]> subjects =
        jdbc.sql(
                "SELECT subject_code, periods_per_year, assessment_mode FROM programme_subject"
                    + " WHERE grade = ? AND category IN ('bat_buoc', 'hoat_dong_bat_buoc')")
            .param(grade)
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
              classId,
              s[0],
              kind == SubjectKind.SCORE,
              kind == SubjectKind.COMMENT,
              students,
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
        .params(schoolId, classId, students)
        .update();
    jdbc.sql(
            """
            INSERT INTO result_approval (school_id, class_id, period, state, submitted_by,
                                         submitted_at, decided_by, decided_at)
            SELECT ?, ?, p, 'APPROVED', 0, now(), 0, now() FROM generate_series(1, 2) p
            """)
        .params(schoolId, classId)
        .update();
  }
}
