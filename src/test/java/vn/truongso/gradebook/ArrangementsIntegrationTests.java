package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * Exemptions and individual education plans as the circulars treat them: under TT22 only the
 * practical part of GDTC or GDQP-AN is exempted and the subject still counts (art. 10); under TT58
 * a subject exempt for the year is left out and takes no marks (art. 12); a student on an
 * individual plan waits for the principal's promotion decision, which the year's approval needs
 * (TT22 art. 11, 12.4).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArrangementsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;

  @Test
  void underTt22OnlyThePracticalPartIsExemptedAndTheSubjectStillCounts() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    long an = t.students().get(0);

    exempt(t, homeroom, an, "toan", "CN", "Giấy khám bệnh số 12")
        .andExpect(flash().attribute("arrangementError", "gradebook.exemption.tt22PracticalOnly"));
    exempt(t, homeroom, an, "giao_duc_the_chat", "HK2", " ")
        .andExpect(flash().attribute("arrangementError", "gradebook.exemption.basis"));
    // a subject teacher records no exemption
    exempt(t, t.subjectTeacher().signedIn(), an, "giao_duc_the_chat", "HK2", "Giấy số 12")
        .andExpect(status().isForbidden());
    assertThat(count("subject_exemption", t)).isZero();

    exempt(t, homeroom, an, "giao_duc_the_chat", "HK2", "Giấy khám bệnh số 12, ngày 10/01/2027")
        .andExpect(flash().attribute("arrangementSaved", true));
    assertThat(page(t, homeroom, "/book/arrangements"))
        .contains("Giấy khám bệnh số 12", "Học kì II", "Điều 10 Thông tư 22/2021");
    // the student's marks still count: without GDTC term II the year is incomplete
    data.fillYear(t, an, "9", "giao_duc_the_chat=");
    String book = page(t, homeroom, "/book");
    assertThat(book).contains("Miễn Giáo dục thể chất (Học kì II)");
    assertThat(missingFor(book)).contains("Giáo dục thể chất học kì II");
    assertThat(audited(t, "gradebook.exemption.set")).isEqualTo(1);

    // removing it is logged too
    exempt(t, homeroom, an, "giao_duc_the_chat", "", "")
        .andExpect(flash().attribute("arrangementSaved", true));
    assertThat(count("subject_exemption", t)).isZero();
    assertThat(audited(t, "gradebook.exemption.set")).isEqualTo(2);
  }

  @Test
  void underTt58AWholeYearExemptionLeavesTheSubjectOutAndTakesNoMarks() throws Exception {
    // grade 9 in 2023–24 was still assessed under TT58/TT26
    TestClasses.Taught t = testClasses.taught(9, "giao_duc_the_chat", 1, 2023);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    long an = t.students().get(0);
    exempt(t, homeroom, an, "giao_duc_the_chat", "HK1", "Giấy khám bệnh số 7")
        .andExpect(flash().attribute("arrangementError", "gradebook.exemption.tt58WholeYear"));
    exempt(t, homeroom, an, "giao_duc_the_chat", "CN", "Giấy khám bệnh số 7")
        .andExpect(flash().attribute("arrangementSaved", true));

    mvc.perform(
            post(
                    "/schools/{s}/classes/{c}/scores/giao_duc_the_chat/cell",
                    t.school().id(),
                    t.classId())
                .param("term", "1")
                .param("student", String.valueOf(an))
                .param("slot", "TX1")
                .param("value", "Đ")
                .param("version", "0")
                .with(csrf())
                .with(authentication(t.subjectTeacher().signedIn())))
        .andExpect(status().isUnprocessableEntity());
    String sheet = page(t, homeroom, "/scores/giao_duc_the_chat?term=1");
    assertThat(sheet).contains("Miễn Giáo dục thể chất (Cả năm)").doesNotContain("score-cell");

    String book = page(t, homeroom, "/book");
    assertThat(missingFor(book)).doesNotContain("Giáo dục thể chất");
  }

  @Test
  void aStudentOnAnIndividualPlanWaitsForThePrincipalsDecision() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    long an = t.students().get(0);
    long binh = t.students().get(1);
    plan(t, homeroom, binh, "true", "")
        .andExpect(flash().attribute("arrangementError", "gradebook.plan.basis"));
    plan(t, homeroom, binh, "true", "Kế hoạch giáo dục cá nhân duyệt ngày 15/9/2026")
        .andExpect(flash().attribute("arrangementSaved", true));
    data.fillYear(t, an, "9");
    data.fillYear(t, binh, "3");
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/conduct", t.school().id(), t.classId())
                .param("student-" + an, "1")
                .param("HK1-" + an, "TOT")
                .param("HK2-" + an, "TOT")
                .param("student-" + binh, "1")
                .param("HK1-" + binh, "DAT")
                .param("HK2-" + binh, "DAT")
                .with(csrf())
                .with(authentication(homeroom)))
        .andExpect(status().is3xxRedirection());
    assertThat(page(t, homeroom, "/book")).contains("Hiệu trưởng quyết định (1)");

    for (int period = 1; period <= 2; period++) {
      act(t, homeroom, "submit", period)
          .andExpect(flash().attribute("approvalDone", "book.approval.submitted"));
      if (period == 1) {
        act(t, principal, "approve", 1)
            .andExpect(flash().attribute("approvalDone", "book.approval.approved"));
      }
    }
    // the year waits for the decision; only the approver gives it
    act(t, principal, "approve", 2)
        .andExpect(flash().attribute("approvalError", "gradebook.approval.undecided"));
    promote(t, homeroom, binh, "PROMOTED").andExpect(status().isForbidden());
    promote(t, principal, an, "PROMOTED")
        .andExpect(flash().attribute("arrangementError", "gradebook.plan.none"));
    promote(t, principal, binh, "RETEST")
        .andExpect(flash().attribute("arrangementError", "gradebook.plan.decision"));
    promote(t, principal, binh, "PROMOTED").andExpect(flash().attribute("arrangementSaved", true));
    // the submitted year no longer takes a change of plan
    plan(t, homeroom, binh, "false", "")
        .andExpect(flash().attribute("arrangementError", "gradebook.frozen.arrangement"));

    act(t, principal, "approve", 2)
        .andExpect(flash().attribute("approvalDone", "book.approval.approved"));
    assertThat(
            jdbc.sql(
                    "SELECT outcome FROM student_result WHERE school_id = ? AND class_id = ?"
                        + " AND student_id = ? AND period = 2")
                .params(t.school().id(), t.classId(), binh)
                .query(String.class)
                .single())
        .isEqualTo("PROMOTED");
    assertThat(audited(t, "gradebook.plan.promotion")).isEqualTo(1);
  }

  private ResultActions exempt(
      TestClasses.Taught t,
      Authentication who,
      long student,
      String subject,
      String terms,
      String basis)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/book/exemptions", t.school().id(), t.classId())
            .param("student", String.valueOf(student))
            .param("subject", subject)
            .param("terms", terms)
            .param("basis", basis)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions plan(
      TestClasses.Taught t, Authentication who, long student, String on, String basis)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/book/plans", t.school().id(), t.classId())
            .param("student", String.valueOf(student))
            .param("on", on)
            .param("basis", basis)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions promote(
      TestClasses.Taught t, Authentication who, long student, String decision) throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/book/plans/promotion", t.school().id(), t.classId())
            .param("student", String.valueOf(student))
            .param("promotion", decision)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions act(TestClasses.Taught t, Authentication who, String action, int period)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/book/" + action, t.school().id(), t.classId())
            .param("period", String.valueOf(period))
            .with(csrf())
            .with(authentication(who)));
  }

  private String page(TestClasses.Taught t, Authentication who, String path) throws Exception {
    return mvc.perform(
            get("/schools/" + t.school().id() + "/classes/" + t.classId() + path)
                .with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The completeness section of the class book. */
  private static String missingFor(String book) {
    int from = book.indexOf("id=\"completeness\"");
    return book.substring(from, book.indexOf("id=\"approval-section\""));
  }

  private long count(String table, TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE school_id = ?")
        .param(t.school().id())
        .query(Long.class)
        .single();
  }

  private long audited(TestClasses.Taught t, String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE school_id = ? AND action = ?")
        .params(t.school().id(), action)
        .query(Long.class)
        .single();
  }
}
