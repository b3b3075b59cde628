package vn.truongso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * A kindergarten or a primary school keeps no secondary grade book: its school-wide grade-book
 * pages (approvals, recomputation, deadlines and locks, the year seal, the leaders' checks,
 * corrections) answer that the book is not available for its level, their writes are refused with
 * nothing written, and its principal's home page has no grade-book panel. A secondary school, and a
 * school that also has a secondary level, keep all of them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecondaryBookGateIntegrationTests {

  /** Every school-wide page of the secondary book a principal opens ({@code %d}: the school). */
  private static final List<String> PAGES =
      List.of(
          "/schools/%d/approvals?year=2026",
          "/schools/%d/recompute/latest",
          "/schools/%d/control?year=2026",
          "/schools/%d/monitoring/progress?year=2026",
          "/schools/%d/monitoring/changes?year=2026",
          "/schools/%d/monitoring/anomalies?year=2026",
          "/schools/%d/corrections?year=2026");

  /** The same school's downloads, which would otherwise be files of the secondary book. */
  private static final List<String> DOWNLOADS =
      List.of("/schools/%d/control/seal.zip?year=2026", "/schools/%d/monitoring/changes.pdf");

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aKindergartenOrPrimarySchoolsGradeBookPagesAreNotAvailable() throws Exception {
    for (SchoolLevel level : List.of(SchoolLevel.KINDERGARTEN, SchoolLevel.PRIMARY)) {
      School school = testOrg.school(level);
      Authentication principal = principalOf(school);
      for (String page : concat(PAGES, DOWNLOADS)) {
        String body = body(get(page.formatted(school.id())), principal, 200);
        assertThat(body).as(level + " " + page).contains("id=\"not-for-level\"", school.name());
        assertThat(body).contains("chưa có trên TruongSo").doesNotContain("nothing-saved");
      }
    }
  }

  @Test
  void writesToAPrimarySchoolsGradeBookAreRefusedAndNothingIsWritten() throws Exception {
    School school = testOrg.school(SchoolLevel.PRIMARY);
    Authentication principal = principalOf(school);
    long audited = rows("audit_log", school);

    for (MockHttpServletRequestBuilder write : writes(school.id())) {
      String body = body(write, principal, 409);
      assertThat(body).contains("id=\"not-for-level\"", "Không có gì được lưu.");
    }

    assertThat(rows("audit_log", school)).isEqualTo(audited);
    for (String table :
        List.of(
            "recompute_job",
            "entry_calendar",
            "entry_lock",
            "year_seal",
            "anomaly_settings",
            "correction_exception")) {
      assertThat(rows(table, school)).as(table).isZero();
    }
  }

  @Test
  void aKindergartenOrPrimaryPrincipalsHomeHasNoGradeBookPanelOrApprovalLink() throws Exception {
    for (SchoolLevel level : List.of(SchoolLevel.KINDERGARTEN, SchoolLevel.PRIMARY)) {
      School school = testOrg.school(level);
      Authentication principal = principalOf(school);
      assertThat(body(get("/"), principal, 200)).as(level.name()).doesNotContain("anomalies-panel");
      assertThat(body(get("/schools/" + school.id() + "/classes"), principal, 200))
          .doesNotContain("approvals-link");
    }
  }

  @Test
  void schoolsWithASecondaryLevelKeepTheirGradeBookPagesPanelAndWrites() throws Exception {
    for (School school :
        List.of(
            testOrg.school(SchoolLevel.LOWER_SECONDARY),
            testOrg.school(SchoolLevel.UPPER_SECONDARY),
            testOrg.school(SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY))) {
      Authentication principal = principalOf(school);
      for (String page : PAGES) {
        assertThat(body(get(page.formatted(school.id())), principal, 200))
            .as(school.levels() + " " + page)
            .doesNotContain("not-for-level");
      }
      assertThat(body(get("/"), principal, 200)).contains("anomalies-panel");
      assertThat(body(get("/schools/" + school.id() + "/classes"), principal, 200))
          .contains("approvals-link");

      mvc.perform(thresholds(school.id()).with(authentication(principal)))
          .andExpect(status().is3xxRedirection());
      assertThat(rows("anomaly_settings", school)).isEqualTo(1);
    }
  }

  @Test
  void whoeverHoldsNoGradeBookRoleInThePrimarySchoolLearnsNothingOfIt() throws Exception {
    School primary = testOrg.school(SchoolLevel.PRIMARY);
    Authentication stranger = principalOf(testOrg.school());
    for (String page : PAGES) {
      String body =
          mvc.perform(get(page.formatted(primary.id())).with(authentication(stranger)))
              .andExpect(status().is4xxClientError())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(body).as(page).doesNotContain("not-for-level", primary.name());
    }
  }

  /** One write of each kind: recompute, calendar, lock, seal, thresholds, review, a waiver. */
  private static List<MockHttpServletRequestBuilder> writes(long school) {
    return List.of(
        post("/schools/{s}/recompute", school).param("year", "2026"),
        post("/schools/{s}/control/calendar", school)
            .param("year", "2026")
            .param("term", "1")
            .param("deadline", "2026-12-20"),
        post("/schools/{s}/control/locks", school)
            .param("year", "2026")
            .param("scope", "SCHOOL")
            .param("reason", "Hết hạn nhập điểm"),
        post("/schools/{s}/control/seal", school)
            .param("year", "2026")
            .param("reason", "Kết thúc năm học")
            .param("confirmation", "KHÓA SỔ"),
        thresholds(school),
        post("/schools/{s}/monitoring/anomalies/review", school)
            .param("year", "2026")
            .param("key", "x")
            .param("note", "đã xem"),
        post("/schools/{s}/corrections/waivers", school)
            .param("year", "2026")
            .param("reason", "Giáo viên ốm"));
  }

  private static MockHttpServletRequestBuilder thresholds(long school) {
    MockHttpServletRequestBuilder post =
        post("/schools/{s}/monitoring/anomalies/thresholds", school).param("year", "2026");
    Map.of(
            "maxCellChanges", "4",
            "averageDeviation", "1.5",
            "minScores", "10",
            "tenShare", "40",
            "zeroShare", "10",
            "workStarts", "06:00",
            "workEnds", "22:00",
            "lockHours", "24",
            "lockChanges", "10")
        .forEach(post::param);
    return post.with(csrf());
  }

  private String body(MockHttpServletRequestBuilder request, Authentication who, int status)
      throws Exception {
    return mvc.perform(request.with(csrf()).with(authentication(who)))
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private Authentication principalOf(School school) {
    return testAccounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
  }

  private long rows(String table, School school) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE school_id = ?")
        .param(school.id())
        .query(Long.class)
        .single();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
