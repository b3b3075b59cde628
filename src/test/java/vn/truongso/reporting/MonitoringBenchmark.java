package vn.truongso.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.reporting.internal.Anomalies;
import vn.truongso.reporting.internal.AnomalyFlags;
import vn.truongso.reporting.internal.CorrectionLog;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * What the leaders' pages cost on a large school (not part of the test run): a generated school of
 * 45 classes × 45 students with a full year of marks, and {@code bench.changes} changes after first
 * entry spread over November at all hours; times the anomaly flags (computed on every home-page
 * visit of a principal or vice-principal until issue 17; now on the anomaly page and in the
 * background after marks change), the stored flags the home page reads, the whole home page, and
 * the month's correction log. Run with {@code bench/monitoring.sh [changes]}; figures in
 * docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class MonitoringBenchmark {

  @Autowired TestOrg testOrg;
  @Autowired TestAccounts testAccounts;
  @Autowired GeneratedSchools generator;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Anomalies anomalies;
  @Autowired CorrectionLog log;
  @Autowired MockMvc mvc;

  @Test
  void anomaliesAndTheLogOfALargeSchool() throws Exception {
    int changes = Integer.getInteger("bench.changes", 20_000);
    var g = generator.school(testOrg.wardOffice(testOrg.province(), "11411"), "THCS Đo", 45, 45);
    for (GeneratedSchools.GeneratedClass c : g.classes()) {
      tx.executeWithoutResult(s -> generator.fillYear(g.school().id(), c, false));
    }
    long schoolId = g.school().id();
    // Changes after first entry: random scored cells, each changed once more, at random moments of
    // November (about a third outside 06:00–22:00).
    jdbc.sql(
            """
            INSERT INTO score_cell_version (school_id, class_id, subject_code, term_no, student_id,
                                            slot, version, value_before, value_after, changed_at,
                                            changed_by, changed_by_name, source)
            SELECT school_id, class_id, subject_code, term_no, student_id, slot, 2, '6', '7',
                   timestamptz '2026-11-01 00:00+07' + random() * interval '29 days',
                   (class_id % 40), 'Giáo viên ' || (class_id % 40), 'PAGE'
            FROM score_cell WHERE school_id = ? AND score IS NOT NULL
            ORDER BY random() LIMIT ?
            """)
        .params(schoolId, changes)
        .update();
    jdbc.sql("ANALYZE").update();
    var principal = testAccounts.create(g.school(), Role.PRINCIPAL, "HT", "x", false);
    SecurityContextHolder.getContext().setAuthentication(principal.signedIn());
    try {
      for (int run = 1; run <= 3; run++) {
        // the request below clears the thread's security context when it ends
        SecurityContextHolder.getContext().setAuthentication(principal.signedIn());
        long t0 = System.nanoTime();
        Anomalies.Report r = anomalies.of(schoolId, 2026);
        long t1 = System.nanoTime();
        CorrectionLog.Log l = log.of(schoolId, 2026, YearMonth.of(2026, 11), null, null);
        long t2 = System.nanoTime();
        assertThat(l.total()).isEqualTo(changes);
        // the home page as it is now: the stored flags, kept by the MarksChanged listener
        AnomalyFlags.Open open = anomalies.openOnHome(schoolId, 2026, 3);
        long t3 = System.nanoTime();
        mvc.perform(get("/").with(authentication(principal.signedIn()))).andExpect(status().isOk());
        long t4 = System.nanoTime();
        assertThat(open.count()).isEqualTo(r.open().size());
        System.out.printf(
            "BENCH run %d: 2025 students, %d changes: anomalies computed %.3f s (%d flags),"
                + " stored flags read %.1f ms, whole home page %.1f ms, log %.2f s%n",
            run,
            changes,
            (t1 - t0) / 1e9,
            r.open().size(),
            (t3 - t2) / 1e6,
            (t4 - t3) / 1e6,
            (t2 - t1) / 1e9);
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
