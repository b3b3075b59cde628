package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.identity.Role;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * A class's học bạ số: made only from a year the principal approved, for the homeroom teacher and
 * whoever prints the school's books (not a subject teacher), each document valid against the
 * schema, the class's package with a manifest that checks, every download in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HocBaIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught taught;
  Authentication homeroom;
  Authentication principal;
  long an;
  long binh;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(7, "toan", 2);
    homeroom = taught.homeroomTeacher().signedIn();
    principal =
        testAccounts.create(taught.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    an = taught.students().get(0);
    binh = taught.students().get(1);
  }

  @Test
  void beforeTheYearIsApprovedThereIsNoRecord() throws Exception {
    data.fillYear(taught, an, "9");
    assertThat(page(homeroom)).contains("chưa được Hiệu trưởng phê duyệt").doesNotContain(".xml");
    mvc.perform(get(base() + "/hocba.zip").with(authentication(homeroom)))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", base() + "/hocba"));
    assertThat(audited()).isZero();
  }

  @Test
  void anApprovedYearGivesEachStudentADraftToReviewAndNoPackageBeforeTheSeal() throws Exception {
    approvedYear();
    assertThat(page(homeroom))
        .contains("Tải XML", "Chưa có học bạ nào được ký và đóng dấu")
        .doesNotContain("hocba.zip");

    String xml =
        mvc.perform(get(base() + "/hocba/{id}.xml", an).with(authentication(homeroom)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("urn:truongso:hocbaso:1", "<namhoc>2026-2027</namhoc>", "<makhoi>7</makhoi>")
        .contains("<monhoc mamonhoc=\"toan\"", "<canam>9.0</canam>")
        .contains("<ketquahoctap><hocky1>T</hocky1><hocky2>T</hocky2><canam>T</canam>")
        .contains("<duoclenlop>1</duoclenlop>");

    // the package for the Sở holds only signed and sealed records (HocBaSigningIntegrationTests)
    mvc.perform(get(base() + "/hocba.zip").with(authentication(principal)))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", base() + "/hocba"));
    assertThat(audited()).isEqualTo(1);
  }

  @Test
  void aSubjectTeacherKeepsNoRecordOfTheClass() throws Exception {
    approvedYear();
    Authentication teacher = taught.subjectTeacher().signedIn();
    mvc.perform(get(base() + "/hocba").with(authentication(teacher)))
        .andExpect(status().isForbidden());
    mvc.perform(get(base() + "/hocba/{id}.xml", an).with(authentication(teacher)))
        .andExpect(status().isForbidden());
    assertThat(audited()).isZero();
  }

  private void approvedYear() throws Exception {
    HocBaSteps.approvedYear(mvc, data, taught, homeroom, principal, an, binh);
  }

  private String page(Authentication who) throws Exception {
    return mvc.perform(get(base() + "/hocba").with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String base() {
    return "/schools/" + taught.school().id() + "/classes/" + taught.classId();
  }

  private int audited() {
    return jdbc.sql(
            "SELECT count(*) FROM audit_log WHERE school_id = ? AND action = 'records.hocba.exported'")
        .param(taught.school().id())
        .query(Integer.class)
        .single();
  }
}
