package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.platform.PdfTests;
import vn.truongso.records.signing.SignatureCheck;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestClasses;

/**
 * The class book signed as DH-DK asks: every subject teacher signs for their subjects (two at the
 * same moment lose nothing), the homeroom teacher after them, the principal's seal last; the signed
 * PDF carries every signature intact for the library's validator and for pdfsig, a changed byte
 * breaks it, and a result changed after signing makes version 2 while version 1 stays.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClassBookSigningIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> SUBJECTS =
      List.of(
          "ngu_van",
          "ngoai_ngu_1",
          "giao_duc_cong_dan",
          "lich_su_dia_li",
          "khoa_hoc_tu_nhien",
          "cong_nghe",
          "tin_hoc",
          "giao_duc_the_chat",
          "nghe_thuat",
          "hoat_dong_trai_nghiem_huong_nghiep",
          "noi_dung_giao_duc_dia_phuong");

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired SignatureCheck check;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  private final List<X509Certificate> trusted = new ArrayList<>();

  @Test
  void subjectTeachersThenTheHomeroomTeacherThenTheSealSignOneBook(@TempDir Path dir)
      throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    TestAccounts.Created principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    HocBaSteps.approvedYear(
        mvc,
        data,
        t,
        t.homeroomTeacher().signedIn(),
        principal.signedIn(),
        t.students().get(0),
        t.students().get(1));
    String base = "/schools/" + t.school().id() + "/classes/" + t.classId();
    Signer homeroom = signer(t, t.homeroomTeacher());
    Signer toan = signer(t, t.subjectTeacher());
    List<Signer> others = new ArrayList<>();
    for (String subject : SUBJECTS) {
      others.add(signer(t, testClasses.anotherTeacher(t, subject)));
    }

    // the homeroom teacher signs last: the subjects first
    sign(base, homeroom)
        .andExpect(flash().attribute("signError", "records.classbook.sign.waitSubjects"));
    sign(base, toan).andExpect(flash().attribute("signDone", "records.classbook.signed.subjects"));
    sign(base, toan).andExpect(flash().attribute("signError", "records.classbook.sign.already"));
    // two colleagues at the same moment: both signatures kept, one after the other
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<ResultActions>> both = new ArrayList<>();
    for (Signer s : others.subList(0, 2)) {
      both.add(pool.submit((Callable<ResultActions>) () -> sign(base, s)));
    }
    for (Future<ResultActions> f : both) {
      f.get().andExpect(flash().attribute("signDone", "records.classbook.signed.subjects"));
    }
    pool.shutdown();
    for (Signer s : others.subList(2, others.size())) {
      sign(base, s).andExpect(flash().attribute("signDone", "records.classbook.signed.subjects"));
    }
    Signer seal = seal(t, principal);
    assertThat(page(base, seal.who())).contains("seal-form", "classbook/seal");
    step(base, "seal", seal)
        .andExpect(flash().attribute("sealError", "records.classbook.seal.notYet"));
    sign(base, homeroom)
        .andExpect(flash().attribute("signDone", "records.classbook.signed.homeroom"));
    step(base, "seal", seal).andExpect(flash().attribute("sealSaved", true));

    byte[] unsigned =
        jdbc.sql(
                "SELECT pdf FROM classbook_version WHERE school_id = ? AND class_id = ? AND version = 1")
            .params(t.school().id(), t.classId())
            .query(byte[].class)
            .single();
    assertThat(PdfTests.pdfA3bFailures(unsigned)).isEmpty();
    byte[] signed = body(base + "/classbook-signed.pdf", principal.signedIn());
    List<SignatureCheck.Found> found = check.check(signed, trusted);
    assertThat(found).hasSize(SUBJECTS.size() + 3).allMatch(SignatureCheck.Found::passed);
    assertThat(found.getLast().signedBy()).isEqualTo(t.school().name());
    Files.write(dir.resolve("signed.pdf"), signed);
    assertThat(pdfsig(dir.resolve("signed.pdf")).split("Signature is Valid", -1))
        .hasSize(SUBJECTS.size() + 4);
    byte[] changed = signed.clone();
    changed[unsigned.length / 2] ^= 0x01;
    assertThat(check.check(changed, trusted)).anyMatch(SignatureCheck.Found::broken);
    assertThat(page(base, homeroom.who())).contains("Hiệu trưởng, đóng dấu nhà trường");

    // a result changed after signing: the next signature starts version 2; version 1 stays
    jdbc.sql(
            "UPDATE score_cell SET score = 5 WHERE school_id = ? AND class_id = ? AND subject_code"
                + " = 'toan' AND term_no = 2 AND slot = 'CK' AND student_id = ?")
        .params(t.school().id(), t.classId(), t.students().get(0))
        .update();
    assertThat(page(base, homeroom.who())).contains("tạo bản 2 của sổ");
    sign(base, toan).andExpect(flash().attribute("signDone", "records.classbook.signed.subjects"));
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(version || ':' || (SELECT count(*) FROM classbook_signature s"
                        + " WHERE s.school_id = v.school_id AND s.class_id = v.class_id AND s.version"
                        + " = v.version), ',' ORDER BY version) FROM classbook_version v WHERE"
                        + " school_id = ? AND class_id = ?")
                .params(t.school().id(), t.classId())
                .query(String.class)
                .single())
        .isEqualTo("1:" + (SUBJECTS.size() + 3) + ",2:1");
  }

  @Test
  void nothingIsSignedBeforeTheYearIsApprovedNorByAnotherClasssTeacher() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    String base = "/schools/" + t.school().id() + "/classes/" + t.classId();
    Signer toan = signer(t, t.subjectTeacher());
    sign(base, toan)
        .andExpect(flash().attribute("signError", "records.classbook.sign.notApproved"));
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    mvc.perform(
            post(base + "/classbook/sign")
                .param("certificate", "1")
                .param("pin", "1234")
                .with(csrf())
                .with(authentication(other.subjectTeacher().signedIn())))
        .andExpect(status().isForbidden());
    assertThat(
            jdbc.sql("SELECT count(*) FROM classbook_version WHERE school_id = ?")
                .param(t.school().id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private record Signer(Authentication who, long certificate) {}

  private Signer signer(TestClasses.Taught t, TestAccounts.Created account) throws Exception {
    TestCertificates.Issued key = ca.issue(account.username(), "1234", ISSUED, 730, true);
    trusted.add(key.certificate());
    long id = HocBaSteps.link(mvc, jdbc, t, account.signedIn(), "PERSONAL", key.pkcs12(), "1234");
    return new Signer(account.signedIn(), id);
  }

  private Signer seal(TestClasses.Taught t, TestAccounts.Created principal) throws Exception {
    TestCertificates.Issued key = ca.issue(t.school().name(), "9876", ISSUED, 730, true);
    trusted.add(key.certificate());
    long id = HocBaSteps.link(mvc, jdbc, t, principal.signedIn(), "SEAL", key.pkcs12(), "9876");
    return new Signer(principal.signedIn(), id);
  }

  private ResultActions sign(String base, Signer s) throws Exception {
    return step(base, "sign", s);
  }

  private ResultActions step(String base, String what, Signer s) throws Exception {
    return mvc.perform(
        post(base + "/classbook/" + what)
            .param("certificate", String.valueOf(s.certificate()))
            .param("pin", what.equals("seal") ? "9876" : "1234")
            .with(csrf())
            .with(authentication(s.who())));
  }

  private String page(String base, Authentication who) throws Exception {
    return new String(body(base + "/classbook/signatures", who), StandardCharsets.UTF_8);
  }

  private byte[] body(String path, Authentication who) throws Exception {
    return mvc.perform(get(path).with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static String pdfsig(Path file) throws Exception {
    Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
