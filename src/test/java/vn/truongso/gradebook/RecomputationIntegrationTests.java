package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.gradebook.internal.Recomputation;
import vn.truongso.identity.Role;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The background recomputation: after a policy correction the stored results of every approved
 * class follow the entered marks again, the progress is there to see, one run at a time.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecomputationIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired Recomputation recomputation;

  TestClasses.Taught taught;
  Authentication principal;
  long an;

  @BeforeEach
  void setUp() throws Exception {
    taught = testClasses.taught(8, "toan", 1);
    an = taught.students().getFirst();
    principal =
        testAccounts.create(taught.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    data.fillYear(taught, an, "9");
    Authentication homeroom = taught.homeroomTeacher().signedIn();
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/conduct", taught.school().id(), taught.classId())
                .param("student-" + an, "1")
                .param("HK1-" + an, "TOT")
                .param("HK2-" + an, "TOT")
                .with(csrf())
                .with(authentication(homeroom)))
        .andExpect(status().is3xxRedirection());
    for (int period = 1; period <= 2; period++) {
      decide(homeroom, "submit", period);
      decide(principal, "approve", period);
    }
  }

  @Test
  void aRunStoresAgainWhatTheMarksGiveAndShowsItsProgress() throws Exception {
    // as a faulty policy would have stored it
    jdbc.sql(
            "UPDATE student_result SET outcome = 'RETAINED', title = NULL"
                + " WHERE school_id = ? AND period = 2")
        .param(taught.school().id())
        .update();

    mvc.perform(
            post("/schools/{s}/recompute", taught.school().id())
                .param("year", "2026")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("recomputeStarted", true));
    long jobId =
        jdbc.sql("SELECT id FROM recompute_job WHERE school_id = ?")
            .param(taught.school().id())
            .query(Long.class)
            .single();
    Recomputation.Job job =
        recomputation.completion(taught.school().id(), jobId).get(60, TimeUnit.SECONDS);

    assertThat(job.state()).isEqualTo(Recomputation.State.DONE);
    assertThat(job.total()).isEqualTo(1);
    assertThat(job.changed()).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT outcome || '/' || title FROM student_result WHERE school_id = ? AND period = 2")
                .param(taught.school().id())
                .query(String.class)
                .single())
        .isEqualTo("PROMOTED/XUAT_SAC");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE school_id = ?"
                        + " AND action = 'gradebook.results.recompute' AND actor_name = 'system'")
                .param(taught.school().id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    String panel =
        mvc.perform(
                get("/schools/{s}/recompute/latest", taught.school().id())
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(panel).contains("data-state=\"DONE\"", "100%").doesNotContain("hx-trigger");
  }

  @Test
  void oneRunAtATimeAndOnlyForThoseWhoApprove() throws Exception {
    jdbc.sql(
            "INSERT INTO recompute_job (school_id, start_year, state, requested_by, requested_at)"
                + " VALUES (?, 2026, 'RUNNING', 0, now())")
        .param(taught.school().id())
        .update();
    mvc.perform(
            post("/schools/{s}/recompute", taught.school().id())
                .param("year", "2026")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("recomputeError", "recompute.running"));
    String panel =
        mvc.perform(
                get("/schools/{s}/recompute/latest", taught.school().id())
                    .with(authentication(principal)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(panel).contains("hx-trigger=\"every 2s\"", "data-state=\"RUNNING\"");
    mvc.perform(
            post("/schools/{s}/recompute", taught.school().id())
                .param("year", "2026")
                .with(csrf())
                .with(authentication(taught.homeroomTeacher().signedIn())))
        .andExpect(status().isForbidden());
  }

  private void decide(Authentication who, String action, int period) throws Exception {
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/" + action, taught.school().id(), taught.classId())
                .param("period", String.valueOf(period))
                .with(csrf())
                .with(authentication(who)))
        .andExpect(flash().attributeExists("approvalDone"));
  }
}
