package vn.truongso.kindergarten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.truongso.identity.Role;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * Weighing and measuring in a kindergarten group (issue 21 part 3): the teacher records a child's
 * weight and height, the page shows WHO's z-scores and the status; a date before birth, a weight
 * typed in grams, an implausible loss without confirmation are refused and nothing is stored; a
 * teacher of another group may not measure this one's children.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GrowthIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  TestClasses.Taught group;
  long an;
  Authentication teacher;

  @BeforeEach
  void setUp() {
    clock.moveTo(java.time.LocalDateTime.of(2026, 12, 1, 9, 0));
    group = testClasses.taughtIn(testOrg.school(SchoolLevel.KINDERGARTEN), 0, null, 2);
    an = group.students().get(0);
    // a boy of 3 years and 10 months (1 401 days on 1 December 2026)
    jdbc.sql("UPDATE student SET birth_date = '2023-01-29' WHERE id = ?").param(an).update();
    teacher = group.homeroomTeacher().signedIn();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aMeasurementShowsWhosZScoresAndTheStatus() throws Exception {
    // WHO 2006, boys, day 1 401: weight-for-age M 15.9 kg; 12 kg at 98 cm is well under -2 SD
    measure("2026-12-01", "12,0", "98", "").andExpect(status().is3xxRedirection());
    String page = page("/schools/" + group.school().id() + "/growth/students/" + an);
    assertThat(page).contains("data-on=\"2026-12-01\"").contains("Suy dinh dưỡng nhẹ cân");
    assertThat(page).contains("46 tháng");
    // the charts: WHO's five lines each, and the child's point
    assertThat(page).contains("data-indicator=\"WEIGHT_FOR_AGE\"").contains("data-sd=\"-3\"");
    assertThat(page.split("class=\"dot\"", -1)).hasSize(3);
    String list = page("/schools/" + group.school().id() + "/growth/classes/" + group.classId());
    assertThat(list).contains("data-finding=\"UNDERWEIGHT\"");
    // 46 months old: measured every three months by default; the other child, never measured, is
    // due
    assertThat(list).contains("data-due=\"2027-03-01\"").contains("data-due=\"2026-12-01\"");
    Authentication nurse =
        accounts.create(group.school(), Role.NURSE, "Y tế", "Y-Te-Lich-2026-x", false).signedIn();
    mvc.perform(
            post("/schools/{s}/growth/schedule", group.school().id())
                .with(authentication(nurse))
                .with(csrf())
                .param("back", String.valueOf(group.classId()))
                .param("under24", "1")
                .param("from24", "2"))
        .andExpect(status().is3xxRedirection());
    assertThat(page("/schools/" + group.school().id() + "/growth/classes/" + group.classId()))
        .contains("data-due=\"2027-02-01\"");
    mvc.perform(
            post("/schools/{s}/growth/schedule", group.school().id())
                .with(authentication(teacher))
                .with(csrf())
                .param("back", String.valueOf(group.classId()))
                .param("under24", "1")
                .param("from24", "6"))
        .andExpect(status().isForbidden());
    assertThat(page("/growth")).contains(group.school().name());
  }

  @Test
  void badValuesAreRefusedWithAReasonAndNothingIsStored() throws Exception {
    assertThat(refusal("2022-12-01", "12", "95", false)).contains("trước ngày sinh");
    assertThat(refusal("2026-12-02", "12", "95", false)).contains("chưa đến");
    assertThat(refusal("2026-12-01", "15200", "95", false)).contains("nhập theo kg");
    assertThat(refusal("2026-12-01", "mười", "95", false)).contains("dấu phẩy");
    assertThat(count()).isZero();

    measure("2026-11-01", "15,5", "98", "").andExpect(status().is3xxRedirection());
    // 5 kg lost in a month: weigh again, or confirm
    assertThat(refusal("2026-12-01", "10,5", "98,5", false))
        .contains("Cân nặng giảm nhiều")
        .contains("name=\"confirm\"")
        .contains("value=\"10,5\"");
    assertThat(count()).isEqualTo(1);
    mvc.perform(request("2026-12-01", "10,5", "98,5").param("confirm", "true"))
        .andExpect(status().is3xxRedirection());
    assertThat(count()).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE action = 'kindergarten.growth.record'"
                        + " AND school_id = ?")
                .param(group.school().id())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void anotherGroupsTeacherMayNotMeasureThisChild() throws Exception {
    TestClasses.Taught other = testClasses.taughtIn(group.school(), 0, "Lá 2", null, 1);
    mvc.perform(
            post("/schools/{s}/growth/students/{id}", group.school().id(), an)
                .with(authentication(other.homeroomTeacher().signedIn()))
                .with(csrf())
                .param("on", "2026-12-01")
                .param("weightKg", "15"))
        .andExpect(status().isForbidden());
    Authentication nurse =
        accounts.create(group.school(), Role.NURSE, "Y tá", "Y-Ta-Truong-2026", false).signedIn();
    mvc.perform(
            post("/schools/{s}/growth/students/{id}", group.school().id(), an)
                .with(authentication(nurse))
                .with(csrf())
                .param("on", "2026-12-01")
                .param("weightKg", "15"))
        .andExpect(status().is3xxRedirection());
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void theFamilySeesItsChildsChartAndNoOneElses() throws Exception {
    measure("2026-11-02", "15,2", "99", "").andExpect(status().is3xxRedirection());
    measure("2026-12-01", "15,6", "99,6", "").andExpect(status().is3xxRedirection());
    Authentication parent =
        accounts.guardian(group.school(), an, "Phụ huynh", "Phu-Huynh-2026").signedIn();
    String home =
        mvc.perform(get("/portal/{s}/{id}", group.school().id(), an).with(authentication(parent)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(home).contains("id=\"growth-link\"");
    String growth =
        mvc.perform(
                get("/portal/{s}/{id}/growth", group.school().id(), an)
                    .with(authentication(parent)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(growth).contains("data-indicator=\"LENGTH_FOR_AGE\"").contains("15,6 kg");
    assertThat(growth.split("class=\"dot\"", -1)).hasSize(5);
    mvc.perform(
            get("/portal/{s}/{id}/growth", group.school().id(), group.students().get(1))
                .with(authentication(parent)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theNurseRecordsAHealthCheckThatTheTeacherAndTheFamilyRead() throws Exception {
    Authentication nurse =
        accounts.create(group.school(), Role.NURSE, "Y tế", "Y-Te-Truong-2026-x", false).signedIn();
    String path = "/schools/" + group.school().id() + "/growth/students/" + an + "/health";
    // a referral must say what was found; a date to come is refused; nothing stored
    mvc.perform(health(path, nurse, "2026-12-01").param("conclusion", "REFER"))
        .andExpect(flash().attribute("healthError", "kindergarten.health.whatFound"));
    mvc.perform(health(path, nurse, "2026-12-05").param("conclusion", "HEALTHY"))
        .andExpect(flash().attribute("healthError", "kindergarten.health.date"));
    // the group's teacher reads the checks, but does not record them
    mvc.perform(health(path, teacher, "2026-12-01").param("conclusion", "HEALTHY"))
        .andExpect(status().isForbidden());
    assertThat(checks()).isZero();
    mvc.perform(
            health(path, nurse, "2026-12-01")
                .param("conclusion", "REFER")
                .param("findingEYES", "Nhìn xa kém, nghi cận thị")
                .param("advice", "Đưa cháu đi khám mắt"))
        .andExpect(flash().attribute("healthSaved", true));
    assertThat(checks()).isEqualTo(1);
    assertThat(page("/schools/" + group.school().id() + "/growth/students/" + an))
        .contains("Cần đưa đi khám chuyên khoa")
        .contains("Mắt: Nhìn xa kém, nghi cận thị");
    Authentication parent =
        accounts.guardian(group.school(), an, "Phụ huynh", "Phu-Huynh-2026-k").signedIn();
    assertThat(
            mvc.perform(
                    get("/portal/{s}/{id}/growth", group.school().id(), an)
                        .with(authentication(parent)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("Lời dặn gia đình: Đưa cháu đi khám mắt");
  }

  private MockHttpServletRequestBuilder health(String path, Authentication who, String on) {
    return post(path)
        .with(authentication(who))
        .with(csrf())
        .param("on", on)
        .param("examiner", "BS. Trần Văn Minh, trạm y tế phường");
  }

  private int checks() {
    return jdbc.sql("SELECT count(*) FROM health_check WHERE student_id = ?")
        .param(an)
        .query(Integer.class)
        .single();
  }

  private MockHttpServletRequestBuilder request(String on, String weight, String length) {
    return post("/schools/{s}/growth/students/{id}", group.school().id(), an)
        .with(authentication(teacher))
        .with(csrf())
        .param("on", on)
        .param("weightKg", weight)
        .param("lengthCm", length);
  }

  private ResultActions measure(String on, String weight, String length, String position)
      throws Exception {
    return mvc.perform(request(on, weight, length).param("position", position));
  }

  private String refusal(String on, String weight, String length, boolean confirm)
      throws Exception {
    return mvc.perform(request(on, weight, length).param("confirm", String.valueOf(confirm)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(authentication(teacher)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private int count() {
    return jdbc.sql("SELECT count(*) FROM growth_measurement WHERE student_id = ?")
        .param(an)
        .query(Integer.class)
        .single();
  }
}
