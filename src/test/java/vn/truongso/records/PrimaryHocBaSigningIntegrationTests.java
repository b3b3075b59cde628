package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.identity.Role;
import vn.truongso.org.SchoolLevel;
import vn.truongso.records.internal.HocBaSigning;
import vn.truongso.records.signing.SignatureCheck;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.PrimaryBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The primary học bạ signed through the official-books workflow (TT27; SL-CV, BA-HBS): nothing is
 * signed before the principal approves the year; then the homeroom teacher signs the class in one
 * batch, the principal seals it with the school's certificate, and the published PDF carries both
 * signatures, which the validator passes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrimaryHocBaSigningIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired TestOrg org;
  @Autowired PrimaryBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired SignatureCheck check;

  private final TestCertificates ca = new TestCertificates(ISSUED);

  @Test
  void theYearIsSignedByTheHomeroomTeacherAndSealedByThePrincipal() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 5, "toan", 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    Authentication principal =
        accounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    for (long pupil : t.students()) {
      data.fill(t, pupil, PrimaryPoint.CHKI, "T", 9);
      data.fill(t, pupil, PrimaryPoint.CN, "T", 10);
    }
    var teacherKey = ca.issue(t.homeroomTeacher().username(), "1234", ISSUED, 730, true);
    var sealKey = ca.issue(t.school().name(), "9876", ISSUED, 730, true);
    long teacherCert =
        HocBaSteps.link(mvc, jdbc, t, homeroom, "PERSONAL", teacherKey.pkcs12(), "1234");
    long sealCert = HocBaSteps.link(mvc, jdbc, t, principal, "SEAL", sealKey.pkcs12(), "9876");
    String base = "/schools/" + t.school().id() + "/classes/" + t.classId();

    // not before the principal approved the year
    assertThat(page(base + "/hocba-tieuhoc", homeroom))
        .contains("Hiệu trưởng chưa duyệt kết quả cả năm của lớp");
    step(base, "sign", homeroom, teacherCert, "1234")
        .andExpect(flash().attribute("signError", "records.primary.notApproved"));
    for (int term : new int[] {1, 2}) {
      act(base, term, "submit", homeroom);
      act(base, term, "approve", principal);
    }

    step(base, "sign", homeroom, teacherCert, "1234")
        .andExpect(flash().attribute("batch", new HocBaSigning.Batch(2, 0, 0, null)));
    step(base, "seal", principal, sealCert, "9876")
        .andExpect(flash().attribute("batch", new HocBaSigning.Batch(2, 0, 0, null)));
    assertThat(page(base + "/hocba-tieuhoc", principal))
        .contains("Đã ký và đóng dấu", "signed.pdf");
    // signing again finds nothing to sign
    step(base, "sign", homeroom, teacherCert, "1234")
        .andExpect(flash().attribute("signError", "records.sign.nothingToSign"));

    byte[] published =
        mvc.perform(
                get(base + "/hocba-tieuhoc/" + t.students().get(0) + "/signed.pdf")
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<SignatureCheck.Found> found =
        check.check(published, List.of(teacherKey.certificate(), sealKey.certificate()));
    assertThat(found).hasSize(2).allMatch(SignatureCheck.Found::passed);
    assertThat(found.get(1).signedBy()).isEqualTo(t.school().name());

    // the printed page's link (and QR code) leads to the public check of that year's record
    String text;
    try (var doc = Loader.loadPDF(published)) {
      text = new PDFTextStripper().getText(doc);
    }
    var link = java.util.regex.Pattern.compile("/verify/([0-9a-f]{64})").matcher(text);
    assertThat(link.find()).isTrue();
    assertThat(
            new String(
                mvc.perform(get(link.group()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray(),
                StandardCharsets.UTF_8))
        .contains("đã được giáo viên chủ nhiệm ký số và nhà trường đóng dấu số");
  }

  private void act(String base, int term, String step, Authentication who) throws Exception {
    mvc.perform(
            post(base + "/primary-board/" + term + "/" + step)
                .with(csrf())
                .with(authentication(who)))
        .andExpect(flash().attribute("approvalDone", "primary.board.done." + step));
  }

  private ResultActions step(String base, String step, Authentication who, long cert, String pin)
      throws Exception {
    return mvc.perform(
        post(base + "/hocba-tieuhoc/" + step)
            .param("certificate", String.valueOf(cert))
            .param("pin", pin)
            .with(csrf())
            .with(authentication(who)));
  }

  private String page(String path, Authentication who) throws Exception {
    return new String(
        mvc.perform(get(path).with(authentication(who)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray(),
        StandardCharsets.UTF_8);
  }
}
