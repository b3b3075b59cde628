package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.identity.Role;
import vn.truongso.records.internal.HocBaSigning;
import vn.truongso.records.signing.SignatureCheck;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.SoftHsm;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestClasses;

/**
 * The school's seal on a hardware token (a real PKCS#11 token: SoftHSM2, through a module of its
 * own): the principal links it by its slot, a wrong PIN is counted, the right one seals the class,
 * and both signatures on a published record pass.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HocBaSealTokenIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
  private static final String MODULE = SoftHsm.freshModule();

  @DynamicPropertySource
  static void module(DynamicPropertyRegistry registry) {
    registry.add("truongso.signing.pkcs11-library", () -> MODULE);
  }

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired SignatureCheck check;

  @Test
  void theSchoolsSealOnAHardwareTokenSealsTheClass() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    Authentication principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    long an = t.students().get(0);
    HocBaSteps.approvedYear(mvc, data, t, homeroom, principal, an, t.students().get(1));
    TestCertificates ca = new TestCertificates(ISSUED);
    TestCertificates.Issued teacherKey =
        ca.issue(t.homeroomTeacher().username(), "1234", ISSUED, 730, true);
    TestCertificates.Issued sealKey = ca.issue(t.school().name(), "9876", ISSUED, 730, true);
    SoftHsm.token("5555", sealKey.key(), sealKey.certificate());

    mvc.perform(
            post("/schools/{s}/certificates/token", t.school().id())
                .param("purpose", "SEAL")
                .param("slot", "0")
                .param("pin", "5555")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("tokenSaved", true));
    long sealCert =
        jdbc.sql("SELECT id FROM signing_certificate WHERE school_id = ? AND kind = 'PKCS11'")
            .param(t.school().id())
            .query(Long.class)
            .single();
    long teacherCert =
        HocBaSteps.link(mvc, jdbc, t, homeroom, "PERSONAL", teacherKey.pkcs12(), "1234");
    HocBaSteps.step(mvc, t, "sign", homeroom, teacherCert, "1234");
    HocBaSteps.step(mvc, t, "seal", principal, sealCert, "0000")
        .andExpect(flash().attribute("sealError", "records.sign.wrongPinToken"))
        .andExpect(flash().attribute("sealErrorArgs", new Object[] {4, 1}));
    HocBaSteps.step(mvc, t, "seal", principal, sealCert, "5555")
        .andExpect(flash().attribute("batch", new HocBaSigning.Batch(2, 0, 0, null)));

    byte[] pdf =
        mvc.perform(
                get("/schools/{s}/classes/{c}/hocba/{id}.pdf", t.school().id(), t.classId(), an)
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(check.check(pdf, List.of(teacherKey.certificate(), sealKey.certificate())))
        .hasSize(2)
        .allMatch(SignatureCheck.Found::passed);
  }
}
