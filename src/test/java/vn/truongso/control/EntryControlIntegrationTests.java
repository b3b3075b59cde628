package vn.truongso.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * Locks at every scope and entry windows, through the pages a principal, a data administrator and a
 * teacher use (DH-SD art. 5 and 7; KD-CSDL IV: the data administrator acts on the principal's
 * written instruction).
 */
@SpringBootTest
@AutoConfigureMockMvc
class EntryControlIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void aLockAtAnyScopeRefusesTheCellsItCoversAndSaysWhoWhenAndWhy() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    Authentication teacher = t.subjectTeacher().signedIn();
    String cls = String.valueOf(t.classId());
    // scope → whether it covers term I's GK of Toán in the class
    Map<String[], Boolean> scopes =
        Map.ofEntries(
            Map.entry(new String[] {"", "", "", "", ""}, true),
            Map.entry(new String[] {"1", "", "", "", ""}, true),
            Map.entry(new String[] {"2", "", "", "", ""}, false),
            Map.entry(new String[] {"", "7", "", "", ""}, true),
            Map.entry(new String[] {"", "8", "", "", ""}, false),
            Map.entry(new String[] {"", "", cls, "", ""}, true),
            Map.entry(new String[] {"", "", "", "toan", ""}, true),
            Map.entry(new String[] {"", "", "", "ngu_van", ""}, false),
            Map.entry(new String[] {"", "", cls, "toan", ""}, true),
            Map.entry(new String[] {"1", "", cls, "toan", "GK"}, true),
            Map.entry(new String[] {"1", "", cls, "toan", "CK"}, false));
    int version = 0;
    for (var e : scopes.entrySet()) {
      String[] s = e.getKey();
      lock(t, principal.signedIn(), s, false, "Kiểm tra sổ tháng 11", "")
          .andExpect(flash().attribute("controlSaved", true));
      long lockId = newestLock(t);
      MvcResult saved = save(t, teacher, "GK", String.valueOf(version % 10), version).andReturn();
      if (e.getValue()) {
        assertThat(saved.getResponse().getStatus()).as(String.join("/", s)).isEqualTo(422);
        assertThat(saved.getResponse().getContentAsString())
            .contains(principal.username(), "Kiểm tra sổ tháng 11", "đã bị khóa");
      } else {
        assertThat(saved.getResponse().getStatus()).as(String.join("/", s)).isEqualTo(200);
        version++;
      }
      lift(t, principal.signedIn(), lockId, "Đã kiểm tra xong")
          .andExpect(flash().attribute("controlSaved", true));
    }
    // lifted: the cell takes marks again, and every lock and lift is in the log
    save(t, teacher, "GK", "9", version).andExpect(status().isOk());
    assertThat(audited(t, "control.lock")).isEqualTo(scopes.size());
    assertThat(audited(t, "control.lift")).isEqualTo(scopes.size());
  }

  @Test
  void anOpeningInsideALockedTermOpensOneColumnAndThePageShowsWhichAreClosed() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    Authentication teacher = t.subjectTeacher().signedIn();
    String cls = String.valueOf(t.classId());
    lock(t, principal, new String[] {"1", "", "", "", ""}, false, "Khóa sổ học kỳ I", "")
        .andExpect(flash().attribute("controlSaved", true));
    lock(
            t,
            principal,
            new String[] {"1", "", cls, "toan", "GK"},
            true,
            "Sửa điểm theo biên bản",
            "")
        .andExpect(flash().attribute("controlSaved", true));
    save(t, teacher, "TX1", "8", 0).andExpect(status().isUnprocessableEntity());
    save(t, teacher, "GK", "8", 0).andExpect(status().isOk());
    String sheet = sheet(t, teacher);
    assertThat(sheet).contains("id=\"sheet-closed\"", "Khóa sổ học kỳ I");
    assertThat(sheet).containsPattern("data-column-state=\"OPEN\"[^>]*>\\s*<span>ĐĐGgk");
    assertThat(sheet).containsPattern("data-column-state=\"LOCKED\"[^>]*>\\s*<span>ĐĐGtx 1");
    // the homeroom teacher's conduct of term I is closed by the term's lock as well
    long an = t.students().get(0);
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/conduct", t.school().id(), t.classId())
                .param("student-" + an, "1")
                .param("HK1-" + an, "TOT")
                .with(csrf())
                .with(authentication(t.homeroomTeacher().signedIn())))
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql("SELECT count(*) FROM conduct_entry WHERE school_id = ? AND class_id = ?")
                .params(t.school().id(), t.classId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theDataAdministratorLocksOnlyCitingThePrincipalsInstruction() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication admin =
        testAccounts.create(t.school(), Role.DATA_ADMIN, "Quản trị", "x", false).signedIn();
    Authentication vice =
        testAccounts.create(t.school(), Role.VICE_PRINCIPAL, "Phó", "x", false).signedIn();
    String[] year = {"", "", "", "", ""};
    lock(t, admin, year, false, "Khóa sổ cuối năm", " ")
        .andExpect(flash().attribute("controlError", "control.lock.instruction"));
    lock(t, admin, year, false, "", "Công văn 12/TB-THCS")
        .andExpect(flash().attribute("controlError", "control.lock.reason"));
    lock(t, vice, year, false, "Khóa sổ", "").andExpect(status().isForbidden());
    assertThat(locks(t)).isZero();
    lock(t, admin, year, false, "Khóa sổ cuối năm", "Công văn 12/TB-THCS ngày 20/11/2026")
        .andExpect(flash().attribute("controlSaved", true));
    assertThat(
            jdbc.sql("SELECT instruction FROM entry_lock WHERE school_id = ?")
                .params(t.school().id())
                .query(String.class)
                .single())
        .isEqualTo("Công văn 12/TB-THCS ngày 20/11/2026");
    String page =
        mvc.perform(get("/schools/{s}/control", t.school().id()).with(authentication(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Theo chỉ đạo: Công văn 12/TB-THCS", "id=\"lk-instruction\"");
    // a year the school does not have is refused, on the lock form as on the calendar
    mvc.perform(
            post("/schools/{s}/control/locks", t.school().id())
                .param("year", "1999")
                .param("reason", "Khóa sổ")
                .param("instruction", "Công văn 12")
                .with(csrf())
                .with(authentication(admin)))
        .andExpect(flash().attribute("controlError", "control.year"));
    // a lock naming a class of another school is refused
    lock(t, admin, new String[] {"", "", "999999999", "", ""}, false, "x", "Công văn 12")
        .andExpect(flash().attribute("controlError", "control.lock.class"));
  }

  @Test
  void aMidTermColumnClosesTenWorkingDaysAfterItsTestAndTheCutOffClosesTheYear() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    Authentication teacher = t.subjectTeacher().signedIn();
    // before the principal sets the calendar nothing closes by itself
    clock.moveTo(LocalDate.of(2027, 1, 20));
    save(t, teacher, "TX1", "7", 0).andExpect(status().isOk());

    calendar(t, principal, "8, 17, 26, 34", "10", "2027-08-31", "2027-05-31")
        .andExpect(flash().attribute("controlSaved", true));
    calendar(t, principal, "8, tuần 17", "10", "2027-08-31", "")
        .andExpect(flash().attribute("controlError", "control.calendar.weeks"));
    midTermOn(t, principal, "7", "2026-11-02").andExpect(flash().attribute("controlSaved", true));
    String page =
        mvc.perform(get("/schools/{s}/control", t.school().id()).with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("02/11/2026", "value=\"8, 17, 26, 34\"", "Giỗ Tổ Hùng Vương")
        .doesNotContain("id=\"calendar-unset\"", "id=\"lk-instruction\"");
    // Monday 2 November + 10 working days = Monday 16 November
    clock.moveTo(LocalDate.of(2026, 11, 16));
    save(t, teacher, "GK", "8", 0).andExpect(status().isOk());
    assertThat(sheet(t, teacher)).contains("đến 16/11/2026");
    clock.moveTo(LocalDate.of(2026, 11, 17));
    String refused = save(t, teacher, "GK", "9", 1).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("Đã hết hạn nhập (hạn cuối 16/11/2026)");
    // TX of term I closes after week 17
    clock.moveTo(LocalDate.of(2027, 1, 20));
    save(t, teacher, "TX1", "8", 1).andExpect(status().isUnprocessableEntity());
    // after the cut-off nobody changes the year, term II included
    clock.moveTo(LocalDate.of(2027, 6, 1));
    String cut =
        mvc.perform(cell(t, teacher, 2, "TX1", "8", 0))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(cut).contains("khóa sổ sau ngày 31/05/2027");
    // unless the principal opens a documented exception
    lock(
            t,
            principal,
            new String[] {"2", "", String.valueOf(t.classId()), "toan", "TX1"},
            true,
            "Phúc khảo theo đơn ngày 30/5",
            "")
        .andExpect(flash().attribute("controlSaved", true));
    mvc.perform(cell(t, teacher, 2, "TX1", "8", 0)).andExpect(status().isOk());
    assertThat(audited(t, "control.calendar.set")).isEqualTo(1);
  }

  @Test
  void aTeacherSeesTheirDeadlinesAndWhatIsStillMissing() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    Authentication teacher = t.subjectTeacher().signedIn();
    calendar(t, principal, "8, 17, 26, 34", "10", "2027-08-31", "")
        .andExpect(flash().attribute("controlSaved", true));
    midTermOn(t, principal, "", "2026-11-02").andExpect(flash().attribute("controlSaved", true));
    clock.moveTo(LocalDate.of(2026, 11, 10));
    save(t, teacher, "GK", "8", 0).andExpect(status().isOk());
    String before = deadlines(teacher);
    assertThat(before)
        .contains("1/2 học sinh còn thiếu", "hạn 16/11/2026")
        .doesNotContain("data-slot=\"GK\" class=\"text-danger");
    // TX1 was due by week 8 (1 November) and nobody has a mark in it
    assertThat(before).contains("data-slot=\"TX1\" class=\"text-danger");
    clock.moveTo(LocalDate.of(2026, 11, 17));
    String after = deadlines(teacher);
    assertThat(after).contains("data-slot=\"GK\" class=\"text-danger", "hết hạn");
    // the CK column has no test date yet: not overdue, shown as unscheduled
    assertThat(after).contains("chưa có lịch");
  }

  private String deadlines(Authentication who) throws Exception {
    return mvc.perform(get("/gradebook/deadlines").with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** Term I's mid-term test on a day, for a grade or (blank) the whole school. */
  private ResultActions midTermOn(TestClasses.Taught t, Authentication who, String grade, String on)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/control/test-dates", t.school().id())
            .param("year", "2026")
            .param("term", "1")
            .param("slot", "GK")
            .param("grade", grade)
            .param("on", on)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions calendar(
      TestClasses.Taught t,
      Authentication who,
      String weeks,
      String days,
      String retest,
      String cutoff)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/control/calendar", t.school().id())
            .param("year", "2026")
            .param("regularWeeks", weeks)
            .param("workingDays", days)
            .param("retestBy", retest)
            .param("cutoff", cutoff)
            .param("stopDays", "7")
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions lock(
      TestClasses.Taught t,
      Authentication who,
      String[] scope,
      boolean opens,
      String reason,
      String instruction)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/control/locks", t.school().id())
            .param("year", "2026")
            .param("term", scope[0])
            .param("grade", scope[1])
            .param("classId", scope[2])
            .param("subject", scope[3])
            .param("slot", scope[4])
            .param("opens", String.valueOf(opens))
            .param("reason", reason)
            .param("instruction", instruction)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions lift(TestClasses.Taught t, Authentication who, long id, String reason)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/control/locks/{id}/lift", t.school().id(), id)
            .param("year", "2026")
            .param("reason", reason)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions save(
      TestClasses.Taught t, Authentication who, String slot, String value, int version)
      throws Exception {
    return mvc.perform(cell(t, who, 1, slot, value, version));
  }

  private org.springframework.test.web.servlet.RequestBuilder cell(
      TestClasses.Taught t, Authentication who, int term, String slot, String value, int version) {
    return post("/schools/{s}/classes/{c}/scores/toan/cell", t.school().id(), t.classId())
        .param("term", String.valueOf(term))
        .param("student", String.valueOf(t.students().get(0)))
        .param("slot", slot)
        .param("value", value)
        .param("version", String.valueOf(version))
        .with(csrf())
        .with(authentication(who));
  }

  private String sheet(TestClasses.Taught t, Authentication who) throws Exception {
    return mvc.perform(
            get("/schools/{s}/classes/{c}/scores/toan", t.school().id(), t.classId())
                .param("term", "1")
                .with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long newestLock(TestClasses.Taught t) {
    return jdbc.sql("SELECT max(id) FROM entry_lock WHERE school_id = ?")
        .params(t.school().id())
        .query(Long.class)
        .single();
  }

  private int locks(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM entry_lock WHERE school_id = ?")
        .params(t.school().id())
        .query(Integer.class)
        .single();
  }

  private int audited(TestClasses.Taught t, String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE school_id = ? AND action = ?")
        .params(t.school().id(), action)
        .query(Integer.class)
        .single();
  }
}
