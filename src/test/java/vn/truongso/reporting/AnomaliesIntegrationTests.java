package vn.truongso.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The anomaly flags as the vice-principal meets them (BA-HBS art. 4): a mark changed many times
 * late at night is flagged twice, on the anomaly page and on the home page; a review needs a note
 * and keeps the flag reviewed until its evidence grows; thresholds are the school's, checked and
 * audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnomaliesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void aMarkChangedManyTimesAtNightIsFlaggedReviewedAndFlaggedAgainWhenChangedOnceMore()
      throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication vice =
        testAccounts.create(t.school(), Role.VICE_PRINCIPAL, "Phó HT", "x", false).signedIn();
    Authentication teacher = t.subjectTeacher().signedIn();
    clock.moveTo(LocalDateTime.of(2026, 11, 10, 23, 15));
    String[] marks = {"5", "6", "7", "8", "9"};
    for (int v = 0; v < marks.length; v++) {
      save(t, teacher, marks[v], v);
    }

    String page = page(t, vice);
    assertThat(page)
        .contains("điểm của Nguyễn Văn An đã được sửa 4 lần (ngưỡng: quá 3 lần)")
        .contains("sửa 4 điểm ngoài giờ làm việc (06:00–22:00) ngày 10/11/2026")
        .contains("Chưa xem xét (2)");
    assertThat(home(vice)).contains("anomalies-panel", "Có 2 dấu hiệu chưa xem xét");
    mvc.perform(
            get("/schools/{s}/monitoring/anomalies", t.school().id()).with(authentication(teacher)))
        .andExpect(status().isForbidden());

    String key = "CELL:" + t.classId() + "/toan/1/" + t.students().get(0) + "/GK:4";
    review(t, vice, key, " ")
        .andExpect(flash().attribute("error", "reporting.anomaly.noteRequired"));
    review(t, vice, key, "Đã hỏi cô giáo: nhập nhầm cột, đã đối chiếu sổ cá nhân")
        .andExpect(flash().attribute("done", "reporting.anomaly.done.reviewed"));
    review(t, vice, key, "lần nữa")
        .andExpect(flash().attribute("error", "reporting.anomaly.alreadyReviewed"));
    review(t, vice, "CELL:0/none:1", "x")
        .andExpect(flash().attribute("error", "reporting.anomaly.gone"));
    assertThat(page(t, vice))
        .contains("Chưa xem xét (1)", "Đã xem xét (1)", "đã đối chiếu sổ cá nhân");

    // changed once more: the evidence grew, so the cell is flagged again
    save(t, teacher, "10", 5);
    assertThat(page(t, vice)).contains("đã được sửa 5 lần").contains("Chưa xem xét (2)");
  }

  @Test
  void thresholdsAreTheSchoolsCheckedAndAudited() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    clock.moveTo(LocalDateTime.of(2026, 11, 10, 9, 0));
    for (int v = 0; v < 5; v++) {
      save(t, t.subjectTeacher().signedIn(), String.valueOf(5 + v), v);
    }
    assertThat(page(t, principal)).contains("đã được sửa 4 lần");

    thresholds(t, principal, Map.of("maxCellChanges", "10"))
        .andExpect(flash().attribute("done", "reporting.anomaly.done.thresholds"));
    assertThat(page(t, principal)).doesNotContain("đã được sửa 4 lần").contains("value=\"10\"");

    thresholds(t, principal, Map.of("workStarts", "22:00", "workEnds", "06:00"))
        .andExpect(flash().attribute("error", "reporting.thresholds.hours"));
    thresholds(t, principal, Map.of("maxCellChanges", "nhiều"))
        .andExpect(flash().attribute("error", "reporting.thresholds.number"));
    thresholds(t, principal, Map.of("averageDeviation", "0,2"))
        .andExpect(flash().attribute("error", "reporting.thresholds.deviation"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE school_id = ?"
                        + " AND action = 'reporting.thresholds.set'")
                .param(t.school().id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private ResultActions thresholds(
      TestClasses.Taught t, Authentication who, Map<String, String> changed) throws Exception {
    var request =
        post("/schools/{s}/monitoring/anomalies/thresholds", t.school().id())
            .param("year", "2026")
            .with(csrf())
            .with(authentication(who));
    Map<String, String> form =
        new java.util.HashMap<>(
            Map.of(
                "maxCellChanges", "3",
                "averageDeviation", "1.0",
                "minScores", "10",
                "tenShare", "40",
                "zeroShare", "10",
                "workStarts", "06:00",
                "workEnds", "22:00",
                "lockHours", "24",
                "lockChanges", "10"));
    form.putAll(changed);
    form.forEach(request::param);
    return mvc.perform(request);
  }

  private ResultActions review(TestClasses.Taught t, Authentication who, String key, String note)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/monitoring/anomalies/review", t.school().id())
            .param("year", "2026")
            .param("key", key)
            .param("note", note)
            .with(csrf())
            .with(authentication(who)));
  }

  private String page(TestClasses.Taught t, Authentication who) throws Exception {
    return mvc.perform(
            get("/schools/{s}/monitoring/anomalies", t.school().id())
                .param("year", "2026")
                .with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String home(Authentication who) throws Exception {
    return LeaderPages.home(mvc, who);
  }

  private void save(TestClasses.Taught t, Authentication who, String value, int version)
      throws Exception {
    LeaderPages.saveMidterm(mvc, t, who, value, version);
  }
}
