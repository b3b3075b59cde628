package vn.truongso.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
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
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * Teaching assignments are what let a teacher enter a subject's marks (BA-HBS): assigning gives the
 * right on the next request, reassigning takes it away, a subject group's head assigns only their
 * subject, and a plan with one bad choice writes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TeachingAssignmentIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught taught;
  TestClasses.StaffAccount lan;
  TestClasses.StaffAccount minh;
  Authentication vice;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(6, "ngu_van", 2);
    lan = testClasses.staffTeacher(taught.school(), "Phạm", "Thị", "Lan");
    minh = testClasses.staffTeacher(taught.school(), "Đỗ", "Văn", "Minh");
    vice =
        testAccounts
            .create(taught.school(), Role.VICE_PRINCIPAL, "Phó hiệu trưởng", "x", false)
            .signedIn();
  }

  @Test
  void anAssignmentGivesTheRightToEnterMarksAndReassigningTakesItAway() throws Exception {
    Authentication teacher = lan.account().signedIn();
    score(teacher, "8", 0).andExpect(status().isForbidden());

    plan(vice, "t1-toan", lan.staffId(), "t2-toan", lan.staffId())
        .andExpect(status().is3xxRedirection());
    score(teacher, "8", 0).andExpect(status().isOk());
    mvc.perform(get("/").with(authentication(teacher)))
        .andExpect(content().string(Matchers.containsString("id=\"my-teaching\"")));

    plan(vice, "t1-toan", minh.staffId(), "t2-toan", minh.staffId())
        .andExpect(status().is3xxRedirection());
    score(teacher, "9", 1).andExpect(status().isForbidden());
    score(minh.account().signedIn(), "9", 1).andExpect(status().isOk());

    assertThat(audited("curriculum.assignment.create")).isEqualTo(2);
    assertThat(audited("curriculum.assignment.update")).isEqualTo(2);
    mvc.perform(
            get("/schools/{s}/classes/{c}/teaching", taught.school().id(), taught.classId())
                .with(authentication(vice)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<option value=\"" + minh.staffId() + "\" selected=\"selected\"")));
  }

  @Test
  void aGroupHeadAssignsOnlyTheirSubjectAndNothingIsWrittenWhenRefused() throws Exception {
    TestAccounts.Created head =
        tx.execute(
            s -> {
              long id =
                  provisioning.createAccount(
                      "totruong-" + System.nanoTime(), "Tổ trưởng", "x", null, false);
              provisioning.grant(
                  id,
                  Role.HEAD_OF_GROUP,
                  taught.school().id(),
                  new Provisioning.Scope(taught.school().id(), null, "toan", null, null));
              return new TestAccounts.Created(id, "totruong");
            });
    Authentication h = head.signedIn();

    plan(h, "t1-toan", lan.staffId(), "t1-ngu_van", lan.staffId())
        .andExpect(status().isForbidden());
    assertThat(assignments()).isZero();

    plan(h, "t1-toan", lan.staffId()).andExpect(status().is3xxRedirection());
    assertThat(assignments()).isEqualTo(1);
    mvc.perform(
            get("/schools/{s}/classes/{c}/teaching", taught.school().id(), taught.classId())
                .with(authentication(h)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"t1-toan\"")))
        .andExpect(
            content()
                .string(
                    Matchers.matchesPattern(
                        "(?s).*<select[^>]*name=\"t1-ngu_van\"[^>]*disabled.*")));
  }

  @Test
  void aTeacherOfAnotherSchoolOrATamperedValueIsRefusedWithItsFieldAndNothingChanges()
      throws Exception {
    plan(vice, "t1-toan", lan.staffId(), "t2-toan", 999_999_999L)
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"t2-toan-error\"")))
        .andExpect(content().string(Matchers.containsString("Giáo viên không thuộc trường.")));
    assertThat(assignments()).isZero();
    mvc.perform(
            post("/schools/{s}/classes/{c}/teaching", taught.school().id(), taught.classId())
                .param("t1-toan", "abc")
                .with(csrf())
                .with(authentication(vice)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"t1-toan-error\"")));
    assertThat(assignments()).isZero();
    // a subject teacher holds no right to assign
    plan(taught.subjectTeacher().signedIn(), "t1-toan", lan.staffId())
        .andExpect(status().isForbidden());
  }

  private ResultActions plan(Authentication who, Object... fieldsAndStaff) throws Exception {
    MockHttpServletRequestBuilder req =
        post("/schools/{s}/classes/{c}/teaching", taught.school().id(), taught.classId());
    for (int i = 0; i < fieldsAndStaff.length; i += 2) {
      req.param((String) fieldsAndStaff[i], String.valueOf(fieldsAndStaff[i + 1]));
    }
    return mvc.perform(req.with(csrf()).with(authentication(who)));
  }

  private ResultActions score(Authentication who, String value, int version) throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/scores/toan/cell", taught.school().id(), taught.classId())
            .param("term", "1")
            .param("student", String.valueOf(taught.students().getFirst()))
            .param("slot", "TX1")
            .param("value", value)
            .param("version", String.valueOf(version))
            .with(csrf())
            .with(authentication(who)));
  }

  private long audited(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE school_id = ? AND action = ?")
        .params(taught.school().id(), action)
        .query(Long.class)
        .single();
  }

  private long assignments() {
    return jdbc.sql("SELECT count(*) FROM teaching_assignment WHERE school_id = ?")
        .param(taught.school().id())
        .query(Long.class)
        .single();
  }
}
