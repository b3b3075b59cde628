package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.support.ClassBookSteps;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * Submission and approval: the homeroom teacher submits a complete term, the principal or the
 * principal's delegate approves or returns it, a submitted term takes no more changes, the approved
 * results are stored, and a re-test afterwards recomputes the stored outcome.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApprovalIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught taught;
  Authentication homeroom;
  Authentication teacher;
  Authentication principal;
  long an;
  long binh;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(7, "toan", 2);
    homeroom = taught.homeroomTeacher().signedIn();
    teacher = taught.subjectTeacher().signedIn();
    principal =
        testAccounts.create(taught.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    an = taught.students().get(0);
    binh = taught.students().get(1);
  }

  @Test
  void anIncompleteTermIsNotSubmittedAndTheYearWaitsForTermOne() throws Exception {
    act(homeroom, "submit", 1)
        .andExpect(flash().attribute("approvalError", "gradebook.approval.incomplete"));
    act(homeroom, "submit", 2)
        .andExpect(flash().attribute("approvalError", "gradebook.approval.term1First"));
    assertThat(states()).isEmpty();
    // nobody approves what was not submitted
    act(principal, "approve", 1)
        .andExpect(flash().attribute("approvalError", "gradebook.approval.notSubmitted"));
  }

  @Test
  void aSubmittedTermIsFrozenApprovedAndStored() throws Exception {
    completeYear();
    act(homeroom, "submit", 1)
        .andExpect(flash().attribute("approvalDone", "book.approval.submitted"));

    // term I is frozen for the subject teacher and the homeroom teacher; term II is not
    cell(teacher, 1, "TX1", "10", 1)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            jsonPath("$.message").value(org.hamcrest.Matchers.containsString("đã gửi duyệt")));
    cell(teacher, 2, "TX1", "9", 1).andExpect(status().isOk());
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/conduct", taught.school().id(), taught.classId())
                .param("student-" + an, "1")
                .param("HK1-" + an, "KHA")
                .param("HK2-" + an, "TOT")
                .with(csrf())
                .with(authentication(homeroom)))
        .andExpect(status().isOk());
    assertThat(conductOf(an, "HK1")).isEqualTo("TOT");

    // the principal's list shows the class waiting; a homeroom teacher has no such list
    String list =
        mvc.perform(
                get("/schools/{s}/approvals", taught.school().id())
                    .param("year", "2026")
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("7A1", "Đã gửi, chờ duyệt", "2026–2027");
    mvc.perform(
            get("/schools/{s}/approvals", taught.school().id())
                .param("year", "2026")
                .with(authentication(homeroom)))
        .andExpect(status().isForbidden());
    // a subject teacher cannot approve; the principal can
    act(teacher, "approve", 1).andExpect(status().isForbidden());
    act(principal, "approve", 1)
        .andExpect(flash().attribute("approvalDone", "book.approval.approved"));
    assertThat(states()).containsExactly("1:APPROVED");
    assertThat(stored(1, "learning")).containsExactly("TOT", "KHA");

    act(homeroom, "submit", 2)
        .andExpect(flash().attribute("approvalDone", "book.approval.submitted"));
    // the principal's delegate approves the year
    Authentication delegate =
        testAccounts
            .create(taught.school(), Role.RESULTS_APPROVER, "Phó hiệu trưởng", "x", false)
            .signedIn();
    act(delegate, "approve", 2)
        .andExpect(flash().attribute("approvalDone", "book.approval.approved"));
    assertThat(states()).containsExactly("1:APPROVED", "2:APPROVED");
    assertThat(stored(2, "outcome")).containsExactly("PROMOTED", "PROMOTED");
    assertThat(audited("gradebook.results.approve")).isEqualTo(2);
    cell(teacher, 2, "CK", "3", 1).andExpect(status().isUnprocessableEntity());
  }

  @Test
  void aReturnNeedsAReasonAndReopensEntry() throws Exception {
    completeYear();
    act(homeroom, "submit", 1);
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/return", taught.school().id(), taught.classId())
                .param("period", "1")
                .param("note", "  ")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("approvalError", "gradebook.approval.noteRequired"));
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/return", taught.school().id(), taught.classId())
                .param("period", "1")
                .param("note", "Điểm giữa kỳ môn Toán của em An cần kiểm tra lại")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("approvalDone", "book.approval.returned"));
    assertThat(states()).containsExactly("1:RETURNED");
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_log WHERE school_id = ? AND action = 'gradebook.results.return'")
                .param(taught.school().id())
                .query(String.class)
                .single())
        .contains("Điểm giữa kỳ");
    cell(teacher, 1, "GK", "8", 1).andExpect(status().isOk());
    String page = book(homeroom);
    assertThat(page).contains("Trả lại để sửa", "Điểm giữa kỳ môn Toán của em An cần kiểm tra lại");
  }

  @Test
  void aRetestAfterTheYearIsApprovedRecomputesTheStoredOutcome() throws Exception {
    // Bình: Toán 3 is below 3.5 and the rest only reach Đạt, so no adjustment: Chưa đạt and a
    // re-test (TT22 art. 9.2c, 9.3, 12.2); a re-test score of 6 makes the year Đạt: promoted.
    data.fillYear(taught, an, "8");
    data.fillYear(taught, binh, "5", "toan=3");
    conduct();
    act(homeroom, "submit", 1);
    act(principal, "approve", 1);
    act(homeroom, "submit", 2);
    act(principal, "approve", 2);
    assertThat(stored(2, "outcome")).containsExactly("PROMOTED", "RETEST");

    mvc.perform(
            post(
                    "/schools/{s}/classes/{c}/scores/toan/cell",
                    taught.school().id(),
                    taught.classId())
                .param("term", "2")
                .param("student", String.valueOf(binh))
                .param("slot", "RETEST")
                .param("value", "6")
                .param("version", "0")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(status().isOk());
    assertThat(stored(2, "outcome")).containsExactly("PROMOTED", "PROMOTED");
    assertThat(audited("gradebook.results.recompute")).isEqualTo(1);
  }

  private void completeYear() throws Exception {
    data.fillYear(taught, an, "9");
    data.fillYear(taught, binh, "7");
    conduct();
  }

  private void conduct() throws Exception {
    ClassBookSteps.conduct(mvc, taught, homeroom, an, "TOT", binh, "KHA");
  }

  private ResultActions act(Authentication who, String action, int period) throws Exception {
    return ClassBookSteps.act(mvc, taught, who, action, period);
  }

  private ResultActions cell(Authentication who, int term, String slot, String value, int version)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/scores/toan/cell", taught.school().id(), taught.classId())
            .param("term", String.valueOf(term))
            .param("student", String.valueOf(an))
            .param("slot", slot)
            .param("value", value)
            .param("version", String.valueOf(version))
            .with(csrf())
            .with(authentication(who)));
  }

  private String book(Authentication who) throws Exception {
    return mvc.perform(
            get("/schools/{s}/classes/{c}/book", taught.school().id(), taught.classId())
                .with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private List<String> states() {
    return jdbc.sql(
            "SELECT period || ':' || state FROM result_approval WHERE school_id = ? AND class_id = ?"
                + " ORDER BY period")
        .params(taught.school().id(), taught.classId())
        .query(String.class)
        .list();
  }

  private List<String> stored(int period, String column) {
    return jdbc.sql(
            "SELECT "
                + column
                + " FROM student_result WHERE school_id = ? AND class_id = ? AND period = ?"
                + " ORDER BY student_id")
        .params(taught.school().id(), taught.classId(), period)
        .query(String.class)
        .list();
  }

  private String conductOf(long student, String period) {
    return jdbc.sql(
            "SELECT level FROM conduct_entry WHERE school_id = ? AND student_id = ? AND period = ?")
        .params(taught.school().id(), student, period)
        .query(String.class)
        .single();
  }

  private long audited(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE school_id = ? AND action = ?")
        .params(taught.school().id(), action)
        .query(Long.class)
        .single();
  }
}
