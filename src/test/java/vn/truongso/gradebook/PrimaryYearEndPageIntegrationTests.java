package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.identity.Role;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.PrimaryBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * A primary pupil's end of year (TT27): the homeroom teacher's proposal makes a Hoàn thành tốt
 * pupil Tiêu biểu (art. 13.1b); a pupil not completed takes the supplementary assessment and
 * completes (art. 12.2), or still does not and the principal decides, with a reason (art. 12.2).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrimaryYearEndPageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired TestOrg org;
  @Autowired JdbcClient jdbc;
  @Autowired PrimaryBookData data;

  @Test
  void aProposalASupplementaryAssessmentAndThePrincipalsDecision() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 3, "toan", 3);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    Authentication principal =
        accounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    long an = t.students().get(0);
    long binh = t.students().get(1);
    long chi = t.students().get(2);
    // An: all T, tests 8 — Hoàn thành tốt (art. 9.2b), not excellent
    data.fill(t, an, PrimaryPoint.CN, "T", 8);
    // Bình and Chi: Toán C with 3 — Chưa hoàn thành
    for (long p : new long[] {binh, chi}) {
      data.subject(t, p, PrimaryPoint.CN, "toan", "C", 3);
      data.fill(t, p, PrimaryPoint.CN, "H", 6);
    }

    mvc.perform(
            post(url(t, an) + "/proposal")
                .param("outstanding", "true")
                .param("note", "Tiến bộ vượt bậc môn Tiếng Việt")
                .param("version", "0")
                .with(csrf())
                .with(authentication(homeroom)))
        .andExpect(flash().attribute("yearDone", "primary.year.done.propose"));
    assertThat(page(url(t, an), homeroom))
        .contains(
            "Kết quả cuối năm: Hoàn thành tốt",
            "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện");
    // a completed pupil takes no supplementary assessment
    perform(post(url(t, an) + "/supplementary").param("level_toan", "T"), homeroom)
        .andExpect(flash().attribute("yearError", "gradebook.primary.supplementary.notNeeded"));

    assertThat(page(url(t, binh), homeroom)).contains("Chờ đánh giá bổ sung", "data-item=\"toan\"");
    perform(
            post(url(t, binh) + "/supplementary")
                .param("level_toan", "H")
                .param("score_toan", "6.5"),
            homeroom)
        .andExpect(flash().attribute("yearError", "assessment.problem.primary.score.decimal"));
    assertThat(supplementary(t)).isZero();
    perform(
            post(url(t, binh) + "/supplementary").param("level_toan", "H").param("score_toan", "6"),
            homeroom)
        .andExpect(flash().attribute("yearDone", "primary.year.done.supplement"));
    assertThat(page(url(t, binh), homeroom))
        .contains(
            "Kết quả cuối năm: Chưa hoàn thành",
            "Sau đánh giá bổ sung: Hoàn thành",
            "Hoàn thành chương trình lớp học");

    // Chi is still not completed: the principal decides, with a reason
    perform(
            post(url(t, chi) + "/supplementary").param("level_toan", "C").param("score_toan", "4"),
            homeroom)
        .andExpect(flash().attribute("yearDone", "primary.year.done.supplement"));
    assertThat(page(url(t, chi), homeroom)).contains("Chờ Hiệu trưởng quyết định");
    perform(post(url(t, chi) + "/decision").param("decision", "retain"), homeroom)
        .andExpect(status().isForbidden());
    perform(post(url(t, chi) + "/decision").param("decision", "retain"), principal)
        .andExpect(flash().attribute("yearError", "gradebook.primary.decision.reason"));
    perform(
            post(url(t, chi) + "/decision")
                .param("decision", "retain")
                .param("reason", "Chưa đạt yêu cầu môn Toán sau đánh giá bổ sung"),
            principal)
        .andExpect(flash().attribute("yearDone", "primary.year.done.decide"));
    assertThat(page(url(t, chi), principal))
        .contains("Lên lớp: Ở lại lớp", "Chưa đạt yêu cầu môn Toán sau đánh giá bổ sung");
    // Bình's result needs no decision
    perform(
            post(url(t, binh) + "/decision").param("decision", "promote").param("reason", "x"),
            principal)
        .andExpect(flash().attribute("yearError", "gradebook.primary.decision.notNeeded"));
  }

  private org.springframework.test.web.servlet.ResultActions perform(
      MockHttpServletRequestBuilder request, Authentication who) throws Exception {
    return mvc.perform(request.with(csrf()).with(authentication(who)));
  }

  private int supplementary(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM primary_supplementary WHERE class_id = ?")
        .param(t.classId())
        .query(Integer.class)
        .single();
  }

  private static String url(TestClasses.Taught t, long pupil) {
    return "/schools/" + t.school().id() + "/classes/" + t.classId() + "/primary-year/" + pupil;
  }

  private String page(String path, Authentication who) throws Exception {
    return new String(
        mvc.perform(get(path).with(authentication(who)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray(),
        StandardCharsets.UTF_8);
  }
}
