package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.truongso.gradebook.internal.Recomputation;
import vn.truongso.org.OrgUnit;
import vn.truongso.org.School;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestOrg;

/**
 * Issue 4's bulk recomputation benchmark (not part of the test run): generates lower-secondary
 * schools of 45 classes × 45 students under one province with every compulsory subject's marks,
 * conduct and both periods approved (set-based SQL: a province of 500 000 students is generated in
 * minutes, not the hours the services would take), then times the recomputation job of each school,
 * {@code bench.threads} schools at a time. Run with {@code bench/recompute.sh [schools] [threads]
 * [runs]}; figures in docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
class RecomputeBenchmark {

  private static final int CLASSES = 45;
  private static final int STUDENTS = 45;

  @Autowired TestOrg testOrg;
  @Autowired GeneratedSchools generator;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Recomputation recomputation;

  @Test
  void recomputeGeneratedSchools() throws Exception {
    int schools = Integer.getInteger("bench.schools", 1);
    int threads = Integer.getInteger("bench.threads", 2);
    int runs = Integer.getInteger("bench.runs", 2);
    List<School> generated = new ArrayList<>();
    long t0 = System.nanoTime();
    OrgUnit ward = testOrg.wardOffice(testOrg.province(), "11411");
    for (int i = 0; i < schools; i++) {
      generated.add(generate(ward, i));
      if ((i + 1) % 25 == 0) {
        report("generated so far", i + 1, System.nanoTime() - t0);
      }
    }
    report("generate", schools, System.nanoTime() - t0);
    // Fresh statistics, as autovacuum would give a real database after a bulk load.
    jdbc.sql("ANALYZE").update();

    List<String> all = List.of("first run (all rows written)", "second run (nothing changed)");
    for (String run : all.subList(0, Math.min(runs, 2))) {
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

  private School generate(OrgUnit ward, int number) {
    GeneratedSchools.Generated g =
        generator.school(ward, "Trường THCS Sinh Dữ Liệu " + (number + 1), CLASSES, STUDENTS);
    for (GeneratedSchools.GeneratedClass c : g.classes()) {
      tx.executeWithoutResult(st -> generator.fillYear(g.school().id(), c, true));
    }
    return g.school();
  }
}
