package vn.truongso.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The families' portal (issue 20 part 2): only what the school has published reaches a family's
 * page; another family's child does not exist; an absence request goes to the homeroom teacher, who
 * accepts it, and the day's roll shows the child absent with permission.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired GradeBookData data;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;
  @Autowired vn.truongso.people.People people;

  TestClasses.Taught t;
  long an;
  Authentication parent;

  @BeforeEach
  void setUp() {
    clock.moveTo(java.time.LocalDateTime.of(2026, 12, 1, 7, 30));
    t = testClasses.taught(7, "toan", 2);
    an = t.students().get(0);
    parent = accounts.guardian(t.school(), an, "Phụ huynh em An", "Phu-Huynh-2026").signedIn();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void unpublishedMarksNeverReachTheFamilysPage() throws Exception {
    data.fillYear(t, an, "9.5");
    String page = portal(parent, an);
    assertThat(page).doesNotContain("9,5").contains("chưa đến lúc công bố");

    // The principal publishes term I: its marks and results show, term II's do not.
    Authentication principal =
        accounts
            .create(t.school(), Role.PRINCIPAL, "Cô Hiệu Trưởng", "Hieu-Truong-2026", false)
            .signedIn();
    mvc.perform(
            post("/schools/{s}/publication", t.school().id())
                .with(authentication(principal))
                .with(csrf())
                .param("mode", "TERM")
                .param("term1", "true"))
        .andExpect(status().is3xxRedirection());
    page = portal(parent, an);
    assertThat(page).contains("data-slot=\"1-TX1\"", "9,5").doesNotContain("data-slot=\"2-TX1\"");
    assertThat(page).contains("data-term=\"1\"").doesNotContain("data-term=\"2\"");
  }

  @Test
  void inColumnModeAColumnShowsOnceItsEntryWindowHasClosed() throws Exception {
    data.fillYear(t, an, "8");
    // The calendar's first regular deadline is week 8 (October); 1 December is long past it.
    jdbc.sql(
            "INSERT INTO entry_calendar (school_id, start_year, regular_weeks, working_days,"
                + " retest_by, cutoff, correction_stop_days, updated_at)"
                + " VALUES (?, 2026, '{8,17,26,34}', 10, '2027-08-31', NULL, 7, now())")
        .param(t.school().id())
        .update();
    String page = portal(parent, an);
    assertThat(page).contains("data-slot=\"1-TX1\"").doesNotContain("data-slot=\"1-CK\"");
  }

  @Test
  void anotherFamilysChildIsNotThere() throws Exception {
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    mvc.perform(
            get("/portal/{s}/{id}", other.school().id(), other.students().get(0))
                .with(authentication(parent)))
        .andExpect(status().isNotFound());
    // nor the other child of the same class
    mvc.perform(
            get("/portal/{s}/{id}", t.school().id(), t.students().get(1))
                .with(authentication(parent)))
        .andExpect(status().isNotFound());
  }

  @Test
  void anAcceptedRequestMarksTheDayAbsentWithPermission() throws Exception {
    Authentication homeroom = t.homeroomTeacher().signedIn();
    // The homeroom teacher took the morning roll: An absent, no word from home yet.
    mvc.perform(
            post("/schools/{s}/classes/{c}/attendance", t.school().id(), t.classId())
                .with(authentication(homeroom))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"key\":\""
                        + java.util.UUID.randomUUID()
                        + "\",\"day\":\"2026-12-01\","
                        + "\"session\":\"SANG\",\"version\":0,\"marks\":{\""
                        + an
                        + "\":{\"kind\":\"K\"}}}"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/portal/{s}/{id}/absence", t.school().id(), an)
                .with(authentication(parent))
                .with(csrf())
                .param("from", "2026-12-01")
                .param("to", "2026-12-02")
                .param("reason", "Cháu sốt cao, gia đình xin cho cháu nghỉ"))
        .andExpect(status().is3xxRedirection());
    long request =
        jdbc.sql("SELECT id FROM attendance_request WHERE student_id = ?")
            .param(an)
            .query(Long.class)
            .single();
    String roll =
        body(
            get("/schools/{s}/classes/{c}/attendance", t.school().id(), t.classId())
                .with(authentication(homeroom)));
    assertThat(roll).contains("Đơn xin phép chờ trả lời (1)", "Cháu sốt cao");

    mvc.perform(
            post("/schools/{s}/attendance/requests/{id}/accept", t.school().id(), request)
                .with(authentication(homeroom))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql(
                    "SELECT kind FROM attendance_absence WHERE student_id = ? AND day = '2026-12-01'")
                .param(an)
                .query(String.class)
                .single())
        .isEqualTo("P");
    assertThat(
            jdbc.sql(
                    "SELECT excused || '/' || unexcused FROM absence_entry WHERE student_id = ?"
                        + " AND term_no = 1")
                .param(an)
                .query(String.class)
                .single())
        .isEqualTo("1/0");
    // Tomorrow's roll opens with An already marked absent with permission.
    clock.moveTo(java.time.LocalDateTime.of(2026, 12, 2, 7, 0));
    String tomorrow =
        body(
            get("/schools/{s}/classes/{c}/attendance", t.school().id(), t.classId())
                .with(authentication(homeroom)));
    assertThat(tomorrow).contains("Sĩ số 2 · Vắng 1");

    String page = portal(parent, an);
    assertThat(page).contains("Vắng có phép", "Đã đồng ý");
    // The other family's request cannot be answered by a teacher of another class.
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    mvc.perform(
            post("/schools/{s}/attendance/requests/{id}/answer", t.school().id(), request)
                .with(authentication(other.homeroomTeacher().signedIn()))
                .with(csrf())
                .param("answer", "Không"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aRequestForAClosedMonthIsRefusedWithItsReason() throws Exception {
    Authentication principal =
        accounts
            .create(t.school(), Role.PRINCIPAL, "Cô Hiệu Trưởng", "Hieu-Truong-2026", false)
            .signedIn();
    mvc.perform(
            post("/schools/{s}/attendance/months/2026-11", t.school().id())
                .with(authentication(principal))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    var flash =
        mvc.perform(
                post("/portal/{s}/{id}/absence", t.school().id(), an)
                    .with(authentication(parent))
                    .with(csrf())
                    .param("from", "2026-11-28")
                    .param("to", "2026-12-01")
                    .param("reason", "Ốm"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getCookies();
    assertThat(
            jdbc.sql("SELECT count(*) FROM attendance_request WHERE student_id = ?")
                .param(an)
                .query(Long.class)
                .single())
        .isZero();
    var got =
        mvc.perform(
                get("/portal/{s}/{id}", t.school().id(), an)
                    .with(authentication(parent))
                    .cookie(flash))
            .andReturn();
    String page = got.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("tháng 11/2026 đã khoá");
  }

  @Test
  void aGuardianTheSchoolUnlinksLosesTheChildAtOnce() throws Exception {
    String username = TestOrg.unique("bo");
    long guardian =
        tx.execute(
            s -> {
              long g =
                  people.addGuardian(
                      t.school().id(),
                      new vn.truongso.people.People.NewGuardian(
                          "Nguyễn Văn Bố", 1980, "Kỹ sư", "0987654321", null));
              people.linkGuardian(
                  t.school().id(), an, g, vn.truongso.people.People.Relation.FATHER);
              long a =
                  provisioning.createAccount(
                      username, "Nguyễn Văn Bố", "Phu-Huynh-2026", t.school().id(), false);
              provisioning.linkProfile(a, Provisioning.ProfileKind.GUARDIAN, t.school().id(), g);
              provisioning.grant(
                  a,
                  Role.GUARDIAN,
                  t.school().id(),
                  new Provisioning.Scope(t.school().id(), null, null, null, an));
              return g;
            });
    long account =
        jdbc.sql("SELECT id FROM account WHERE username = ?")
            .param(username)
            .query(Long.class)
            .single();
    Authentication father = new TestAccounts.Created(account, username).signedIn();
    portal(father, an);

    // The school records the change of custody: the father's link to An is removed.
    mvc.perform(
            post("/schools/{s}/students/{st}/guardians/{g}/unlink", t.school().id(), an, guardian)
                .with(authentication(t.homeroomTeacher().signedIn()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/portal/{s}/{id}", t.school().id(), an).with(authentication(father)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theFamilySeesWhoOpenedTheRecordGivesConsentAndTakesTheDataAway() throws Exception {
    Authentication homeroom = t.homeroomTeacher().signedIn();
    mvc.perform(
            get("/schools/{s}/students/{st}", t.school().id(), an).with(authentication(homeroom)))
        .andExpect(status().isOk());
    String page = portal(parent, an);
    assertThat(page)
        .contains(t.homeroomTeacher().username(), "Hồ sơ học sinh")
        .contains("id=\"consent-form\"");

    mvc.perform(
            post("/portal/{s}/consent", t.school().id()).with(authentication(parent)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(portal(parent, an)).contains("Bạn đã đồng ý").doesNotContain("id=\"consent-form\"");
    assertThat(
            jdbc.sql("SELECT text FROM portal_consent WHERE school_id = ?")
                .param(t.school().id())
                .query(String.class)
                .single())
        .startsWith("Tôi đồng ý để nhà trường");
    // the family's own visits are not views by staff
    assertThat(
            jdbc.sql("SELECT count(*) FROM record_view WHERE student_id = ?")
                .param(an)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    var json =
        mvc.perform(
                get("/portal/{s}/{id}/data.json", t.school().id(), an).with(authentication(parent)))
            .andExpect(status().isOk())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                    .string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json).contains("\"fullName\" : \"Nguyễn Văn An\"", "viewsByStaff", "consent");
    byte[] pdf =
        mvc.perform(
                get("/portal/{s}/{id}/data.pdf", t.school().id(), an).with(authentication(parent)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    // another family cannot take it
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    mvc.perform(
            get("/portal/{s}/{id}/data.json", other.school().id(), other.students().get(0))
                .with(authentication(parent)))
        .andExpect(status().isNotFound());
  }

  private String portal(Authentication who, long student) throws Exception {
    return body(get("/portal/{s}/{id}", t.school().id(), student).with(authentication(who)));
  }

  private String body(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return new String(
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray(),
        StandardCharsets.UTF_8);
  }
}
