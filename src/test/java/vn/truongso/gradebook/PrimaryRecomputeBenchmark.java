package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.gradebook.internal.PrimaryBoard;
import vn.truongso.gradebook.internal.PrimaryProgress;
import vn.truongso.gradebook.internal.PrimaryYears;
import vn.truongso.identity.Role;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * Issue 19's recomputation benchmark (not part of the test run): a generated primary school of 43
 * classes × 35 pupils (1 505) with every value of the end of the year. A primary school stores no
 * results: every page computes them from the values under the policy in force, so a change of a
 * policy option is "recomputed" by the next read. Times the whole school's year-end evaluation,
 * every class's Bảng tổng hợp and the progress page, three runs (the first warms up). Run with
 * {@code bench/primary.sh}; figures in docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
class PrimaryRecomputeBenchmark {

  private static final int CLASSES = 43;
  private static final int PUPILS = 35;

  @Autowired TestOrg testOrg;
  @Autowired GeneratedSchools generator;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired PrimaryYears years;
  @Autowired PrimaryBoard boards;
  @Autowired PrimaryProgress progress;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void evaluateAGeneratedPrimarySchool() {
    long t0 = System.nanoTime();
    GeneratedSchools.Generated g =
        generator.primarySchool(
            testOrg.wardOffice(testOrg.province(), "11411"),
            "Trường Tiểu học Sinh Dữ Liệu",
            CLASSES,
            PUPILS);
    for (GeneratedSchools.GeneratedClass c : g.classes()) {
      tx.executeWithoutResult(s -> generator.fillPrimaryYear(g.school().id(), c));
    }
    jdbc.sql("ANALYZE").update();
    report("generate", System.nanoTime() - t0);
    SecurityContextHolder.getContext()
        .setAuthentication(
            accounts.create(g.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn());
    long school = g.school().id();
    List<GeneratedSchools.GeneratedClass> classes = g.classes();
    for (int run = 1; run <= 3; run++) {
      long start = System.nanoTime();
      int evaluated = 0;
      for (GeneratedSchools.GeneratedClass c : classes) {
        evaluated +=
            (int) years.yearEnd(school, c.id()).stream().filter(p -> p.result() != null).count();
      }
      assertThat(evaluated).isEqualTo(CLASSES * PUPILS);
      report("run " + run + ": year-end evaluation of every class", System.nanoTime() - start);
      start = System.nanoTime();
      for (GeneratedSchools.GeneratedClass c : classes) {
        boards.board(school, c.id(), vn.truongso.assessment.PrimaryPoint.CN);
      }
      report("run " + run + ": every class's Bảng tổng hợp (CN)", System.nanoTime() - start);
      start = System.nanoTime();
      progress.of(school, 2026, null);
      report("run " + run + ": the progress page", System.nanoTime() - start);
    }
  }

  private static void report(String what, long nanos) {
    int pupils = CLASSES * PUPILS;
    System.out.printf(
        "BENCH %s: %d pupils, %.3f s, %.0f pupils/s%n",
        what, pupils, nanos / 1e9, pupils / (nanos / 1e9));
  }
}
