package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.platform.PdfTests;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * A certified copy of the học bạ as DH-SD describes it: the office records the written application
 * (a scanned file judged by its content), the principal approves, the office issues the copy — "BẢN
 * SAO" on the cover, its number on every page, the year's results inside — and the minutes with the
 * number, the applicant and the subject signed by the group's head for a teacher who left. Nobody
 * else records, decides or prints, nothing prints before approval, and nothing is decided twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HocBaCopiesIntegrationTests {

  private static final byte[] SCAN =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;

  @Test
  void theOfficeRecordsThePrincipalApprovesAndTheCopyAndItsMinutesPrint() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Phạm Văn Minh", "x", false).signedIn();
    Authentication clerk =
        testAccounts.create(t.school(), Role.CLERK, "Lê Thị Văn Thư", "x", false).signedIn();
    long an = t.students().get(0);
    HocBaSteps.approvedYear(
        mvc, data, t, t.homeroomTeacher().signedIn(), principal, an, t.students().get(1));
    String code = code(an);
    String base = "/schools/" + t.school().id() + "/hocba-copies";

    // an executable named .pdf is no scan, and nothing is recorded
    record(base, clerk, code, new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
        .andExpect(flash().attribute("recordError", "records.copy.application.type"));
    assertThat(requests(t)).isZero();
    // a subject teacher keeps no records of the school
    record(base, t.subjectTeacher().signedIn(), code, SCAN).andExpect(status().isForbidden());

    record(base, clerk, code, SCAN)
        .andExpect(flash().attribute("recordDone", "records.copy.saved"));
    long id = id(t);
    mvc.perform(get(base + "/" + id + "/copy.pdf").with(authentication(clerk)))
        .andExpect(status().is4xxClientError());
    // the clerk does not decide; another school's principal cannot either
    step(base, id, "approve", clerk).andExpect(status().isForbidden());
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    Authentication otherPrincipal =
        testAccounts.create(other.school(), Role.PRINCIPAL, "Khác", "x", false).signedIn();
    step(base, id, "approve", otherPrincipal).andExpect(status().isForbidden());
    assertThat(state(t, id)).isEqualTo("REQUESTED");

    step(base, id, "approve", principal).andExpect(flash().attribute("decideSaved", true));
    step(base, id, "approve", principal)
        .andExpect(flash().attribute("decideError", "records.copy.decided"));
    mvc.perform(
            post(base + "/" + id + "/issue")
                .param("inPlace", "Toán, ")
                .with(csrf())
                .with(authentication(clerk)))
        .andExpect(flash().attribute("issueSaved", true));
    assertThat(state(t, id)).isEqualTo("ISSUED");
    assertThat(new String(body(base, clerk), StandardCharsets.UTF_8))
        .contains("Đã cấp, số 1/2026/BB-BSHB", "Trần Thị Mẹ", "copy.pdf", "minutes.pdf");

    byte[] copy = body(base + "/" + id + "/copy.pdf", clerk);
    assertThat(PdfTests.pdfA3bFailures(copy)).isEmpty();
    String copyText = text(copy);
    assertThat(copyText)
        .contains("BẢN SAO")
        .contains("Bản sao học bạ số 1/2026/BB-BSHB, cấp ngày 01/12/2026")
        .contains("Toán 9,0");

    byte[] minutes = body(base + "/" + id + "/minutes.pdf", clerk);
    assertThat(PdfTests.pdfA3bFailures(minutes)).isEmpty();
    assertThat(text(minutes))
        .contains("BIÊN BẢN CẤP BẢN SAO HỌC BẠ", "Số: 1/2026/BB-BSHB")
        .contains("Trần Thị Mẹ (mẹ)")
        .contains("Tổ trưởng chuyên môn môn Toán")
        .contains("Đơn đề nghị cấp bản sao học bạ nhận ngày 25/11/2026")
        .contains("Hiệu trưởng (người phê duyệt)", "đồng ý cấp bản sao lúc 01/12/2026");
    // kept for inspection: the row cannot be deleted
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM hocba_copy_request WHERE school_id = ? AND id = ?")
                    .params(t.school().id(), id)
                    .update())
        .rootCause()
        .hasMessageContaining("kept for inspection");
  }

  @Test
  void aRefusalNeedsItsReasonAndEndsTheRequest() throws Exception {
    TestClasses.Taught t = testClasses.taught(8, "toan", 1);
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    String code = code(t.students().get(0));
    String base = "/schools/" + t.school().id() + "/hocba-copies";
    record(base, principal, code, null)
        .andExpect(flash().attribute("recordDone", "records.copy.saved"));
    long id = id(t);
    mvc.perform(
            post(base + "/" + id + "/refuse")
                .param("refusal", " ")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("decideError", "records.copy.refusal.required"));
    mvc.perform(
            post(base + "/" + id + "/refuse")
                .param("refusal", "Học bạ gốc vẫn còn tại trường")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("decideSaved", true));
    assertThat(state(t, id)).isEqualTo("REFUSED");
    mvc.perform(post(base + "/" + id + "/issue").with(csrf()).with(authentication(principal)))
        .andExpect(flash().attribute("issueError", "records.copy.notApproved"));
  }

  private ResultActions record(String base, Authentication who, String code, byte[] scan)
      throws Exception {
    var request =
        multipart(base)
            .param("student", code)
            .param("applicantName", "Trần Thị Mẹ")
            .param("applicantRelation", "mẹ")
            .param("reason", "Mất học bạ khi chuyển nhà")
            .param("receivedOn", "25/11/2026")
            .with(csrf())
            .with(authentication(who));
    if (scan != null) {
      request.file(new MockMultipartFile("application", "don.pdf", "application/pdf", scan));
    }
    return mvc.perform(request);
  }

  private ResultActions step(String base, long id, String what, Authentication who)
      throws Exception {
    return mvc.perform(post(base + "/" + id + "/" + what).with(csrf()).with(authentication(who)));
  }

  private byte[] body(String path, Authentication who) throws Exception {
    return mvc.perform(get(path).with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /** The test classes' students have no code yet: give one, as the school's import would. */
  private String code(long student) {
    String code = "HS" + student;
    jdbc.sql("UPDATE student SET student_code = ? WHERE id = ?").params(code, student).update();
    return code;
  }

  private int requests(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM hocba_copy_request WHERE school_id = ?")
        .param(t.school().id())
        .query(Integer.class)
        .single();
  }

  private long id(TestClasses.Taught t) {
    return jdbc.sql("SELECT max(id) FROM hocba_copy_request WHERE school_id = ?")
        .param(t.school().id())
        .query(Long.class)
        .single();
  }

  private String state(TestClasses.Taught t, long id) {
    return jdbc.sql("SELECT state FROM hocba_copy_request WHERE school_id = ? AND id = ?")
        .params(t.school().id(), id)
        .query(String.class)
        .single();
  }
}
