package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.signing.SignatureCheck;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestClasses;

/**
 * The signing of a class's học bạ as its pages do it: the homeroom teacher links a certificate,
 * signs every student's year in one batch, the principal seals them with the school's certificate,
 * and the class's package then holds the signed and sealed documents, whose two signatures the
 * library's validator passes. Every refusal the circular's practice needs is a clear message that
 * signs nothing: a wrong PIN (counted), someone else's certificate, an expired one, a year not
 * approved, signing twice; a result changed after signing makes version 2 and keeps version 1.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HocBaSigningIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired SignatureCheck check;
  @Autowired HocBaXml xml;
  @Autowired MovableClock clock;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  TestClasses.Taught taught;
  TestAccounts.Created homeroom;
  TestAccounts.Created principal;
  TestCertificates.Issued teacherKey;
  TestCertificates.Issued sealKey;
  long an;
  long binh;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(7, "toan", 2);
    homeroom = taught.homeroomTeacher();
    principal = testAccounts.create(taught.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    an = taught.students().get(0);
    binh = taught.students().get(1);
    // the test accounts' display name is their username: the certificate names its holder
    teacherKey = ca.issue(homeroom.username(), "1234", ISSUED, 730, true);
    sealKey = ca.issue(taught.school().name(), "9876", ISSUED, 730, true);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theHomeroomTeacherSignsTheClassThePrincipalSealsItAndThePackageHoldsThem() throws Exception {
    approvedYear();
    long teacherCert = link(homeroom, "PERSONAL", teacherKey.pkcs12(), "1234");
    long sealCert = link(principal, "SEAL", sealKey.pkcs12(), "9876");
    assertThat(page(homeroom)).contains("Chưa ký", "Ký tất cả học bạ của lớp");

    ResultActions signed =
        sign(homeroom, teacherCert, "1234")
            .andExpect(
                flash()
                    .attribute(
                        "batch",
                        new vn.truongso.records.internal.HocBaSigning.Batch(2, 0, 0, null)));
    assertThat(followed(signed, homeroom)).contains("GVCN đã ký, chờ đóng dấu");
    assertThat(page(principal)).contains("Chưa có học bạ nào được ký và đóng dấu");
    ResultActions sealed =
        seal(principal, sealCert, "9876")
            .andExpect(
                flash()
                    .attribute(
                        "batch",
                        new vn.truongso.records.internal.HocBaSigning.Batch(2, 0, 0, null)));
    assertThat(followed(sealed, principal)).contains("Đã ký và đóng dấu");

    Map<String, byte[]> files = unzip(download("/hocba.zip", principal));
    assertThat(files).containsKeys("SHA256SUMS", "hocbaso-1.xsd").hasSize(6);
    String manifest = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
    files.forEach(
        (name, bytes) -> {
          if (!name.equals("SHA256SUMS")) {
            assertThat(manifest).contains(vn.truongso.platform.Sha256.hex(bytes) + "  " + name);
          }
        });
    List<java.security.cert.X509Certificate> trusted =
        List.of(teacherKey.certificate(), sealKey.certificate());
    for (var f : files.entrySet()) {
      if (f.getKey().endsWith(".xml") || f.getKey().endsWith(".pdf")) {
        List<SignatureCheck.Found> found = check.check(f.getValue(), trusted);
        assertThat(found).as(f.getKey()).hasSize(2).allMatch(SignatureCheck.Found::passed);
        assertThat(found.get(0).signedBy()).isEqualTo(homeroom.username());
        assertThat(found.get(1).signedBy()).isEqualTo(taught.school().name());
      }
      if (f.getKey().endsWith(".xml")) {
        xml.validateCurrent(f.getValue());
        assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).contains("lanlap=\"1\"");
      }
    }
    // the student's own download is the published document, not a new draft
    byte[] published = download("/hocba/" + an + ".pdf", homeroom);
    assertThat(check.check(published, trusted)).hasSize(2);
    assertThat(audited("records.hocba.signed")).isEqualTo(2);
    assertThat(audited("records.hocba.sealed")).isEqualTo(2);

    // sealing the year archives the signed records byte for byte, each hash in the manifest
    mvc.perform(
            post("/schools/{s}/control/seal", taught.school().id())
                .param("year", "2026")
                .param("reason", "Kết thúc năm học")
                .param("confirmation", "2026-2027")
                .with(csrf())
                .with(authentication(principal.signedIn())))
        .andExpect(status().is3xxRedirection());
    Map<String, byte[]> archive =
        unzip(
            mvc.perform(
                    get("/schools/{s}/control/seal.zip", taught.school().id())
                        .param("year", "2026")
                        .with(authentication(principal.signedIn())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
    String archived = "files/hocba/" + className() + "/hocba-" + an + "-v1.pdf";
    assertThat(archive).containsKey(archived);
    assertThat(new String(archive.get("manifest.json"), StandardCharsets.UTF_8))
        .contains(vn.truongso.platform.Sha256.hex(archive.get(archived)));
    assertThat(check.check(archive.get(archived), trusted))
        .hasSize(2)
        .allMatch(SignatureCheck.Found::passed);
    assertThat(archive).containsKey("data/records.hocba.json");
    // and the command checks the whole archive offline: every hash, then every signature
    // (intact whatever the day it runs; whether the signers' certificates are still valid depends
    // on the machine's date, so 0 or 3)
    byte[] archiveZip =
        mvc.perform(
                get("/schools/{s}/control/seal.zip", taught.school().id())
                    .param("year", "2026")
                    .with(authentication(principal.signedIn())))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    Command intact = command(archiveZip);
    assertThat(intact.exit()).as(intact.out()).isIn(0, 3);
    assertThat(intact.out()).doesNotContain("BỊ HỎNG", "BĂM KHÔNG KHỚP").contains("= " + archived);
    Command pkg = command(download("/hocba.zip", principal));
    assertThat(pkg.exit()).as(pkg.out()).isIn(0, 3);
    assertThat(pkg.out()).contains("5/5 tệp khớp");
    Map<String, byte[]> tampered = new LinkedHashMap<>(archive);
    byte[] changed = tampered.get(archived).clone();
    changed[changed.length / 2] ^= 1;
    tampered.put(archived, changed);
    Command broken = command(zip(tampered));
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("BĂM KHÔNG KHỚP hoặc thiếu tệp: " + archived);

    // nothing is signed or sealed twice
    sign(homeroom, teacherCert, "1234")
        .andExpect(flash().attribute("signError", "records.sign.nothingToSign"));
    seal(principal, sealCert, "9876")
        .andExpect(flash().attribute("sealError", "records.seal.nothingToSeal"));
    assertThat(versions()).isEqualTo(2);
  }

  @Test
  void aResultChangedAfterSigningMakesTheNextVersionAndKeepsTheSignedOne() throws Exception {
    approvedYear();
    long teacherCert = link(homeroom, "PERSONAL", teacherKey.pkcs12(), "1234");
    sign(homeroom, teacherCert, "1234");
    // a correction carried out after signing: An's maths re-entered as 8
    jdbc.sql(
            "UPDATE score_cell SET score = 8 WHERE school_id = ? AND class_id = ?"
                + " AND student_id = ? AND subject_code = 'toan'")
        .params(taught.school().id(), taught.classId(), an)
        .update();
    assertThat(page(homeroom)).contains("Kết quả đã thay đổi sau khi ký: cần ký lại");

    sign(homeroom, teacherCert, "1234")
        .andExpect(
            flash()
                .attribute(
                    "batch", new vn.truongso.records.internal.HocBaSigning.Batch(1, 0, 0, null)));
    assertThat(
            jdbc.sql(
                    "SELECT version FROM hocba_version WHERE school_id = ? AND student_id = ?"
                        + " ORDER BY version")
                .params(taught.school().id(), an)
                .query(Integer.class)
                .list())
        .containsExactly(1, 2);
    // signed versions are permanent: the database refuses to change or delete them
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM hocba_version WHERE school_id = ? AND student_id = ?")
                    .params(taught.school().id(), an)
                    .update())
        .rootCause()
        .hasMessageContaining("permanent");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE hocba_version SET pdf = ''::bytea WHERE school_id = ?")
                    .params(taught.school().id())
                    .update())
        .rootCause()
        .hasMessageContaining("permanent");
  }

  @Test
  void refusalsSignNothingAndSayWhy() throws Exception {
    data.fillYear(taught, an, "9");
    long teacherCert = link(homeroom, "PERSONAL", teacherKey.pkcs12(), "1234");
    // the year not approved
    sign(homeroom, teacherCert, "1234")
        .andExpect(flash().attribute("signError", "records.hocba.notApproved"));
    approveYear();
    // a wrong PIN, counted down
    sign(homeroom, teacherCert, "0000")
        .andExpect(flash().attribute("signError", "records.sign.wrongPin"))
        .andExpect(flash().attribute("signErrorArgs", new Object[] {4, 1}));
    // the seal before the homeroom teacher signed
    long sealCert = link(principal, "SEAL", sealKey.pkcs12(), "9876");
    seal(principal, sealCert, "9876")
        .andExpect(flash().attribute("sealError", "records.seal.notSigned"));
    // someone else's certificate: the principal cannot sign with the teacher's
    mvc.perform(
            post(base() + "/hocba/sign")
                .param("certificate", String.valueOf(teacherCert))
                .param("pin", "1234")
                .with(csrf())
                .with(authentication(principal.signedIn())))
        .andExpect(status().isForbidden());
    // the certificate expired by the time of signing
    clock.moveTo(java.time.LocalDate.of(2028, 1, 5));
    sign(homeroom, teacherCert, "1234")
        .andExpect(flash().attribute("signError", "records.certificate.EXPIRED"));
    clock.reset();
    assertThat(versions()).isZero();
    assertThat(audited("records.hocba.signed")).isZero();
    // a right PIN resets the count
    sign(homeroom, teacherCert, "1234");
    assertThat(versions()).isEqualTo(2);
  }

  @Test
  void aCertificateIsLinkedOnlyToItsHolderWhileValidAndMadeForSigning() throws Exception {
    upload(
            homeroom,
            "PERSONAL",
            ca.issue("Nguyễn Văn Khác", "1234", ISSUED, 730, true).pkcs12(),
            "1234")
        .andExpect(flash().attribute("uploadError", "records.certificate.notYours"));
    upload(homeroom, "PERSONAL", teacherKey.pkcs12(), "4321")
        .andExpect(flash().attribute("uploadError", "records.certificate.file.wrongPin"));
    upload(
            homeroom,
            "PERSONAL",
            ca.issue(homeroom.username(), "1234", Instant.parse("2027-06-01T00:00:00Z"), 730, true)
                .pkcs12(),
            "1234")
        .andExpect(flash().attribute("uploadError", "records.certificate.NOT_YET_VALID"));
    upload(
            homeroom,
            "PERSONAL",
            ca.issue(homeroom.username(), "1234", Instant.parse("2024-01-01T00:00:00Z"), 365, true)
                .pkcs12(),
            "1234")
        .andExpect(flash().attribute("uploadError", "records.certificate.EXPIRED"));
    upload(
            homeroom,
            "PERSONAL",
            ca.issue(homeroom.username(), "1234", ISSUED, 730, false).pkcs12(),
            "1234")
        .andExpect(flash().attribute("uploadError", "records.certificate.NOT_FOR_SIGNING"));
    // a teacher cannot link the school's seal, nor the seal a person's certificate
    upload(homeroom, "SEAL", sealKey.pkcs12(), "9876").andExpect(status().isForbidden());
    upload(principal, "SEAL", teacherKey.pkcs12(), "1234")
        .andExpect(flash().attribute("uploadError", "records.certificate.notTheSchool"));
    link(homeroom, "PERSONAL", teacherKey.pkcs12(), "1234");
    upload(homeroom, "PERSONAL", teacherKey.pkcs12(), "1234")
        .andExpect(flash().attribute("uploadError", "records.certificate.taken"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM signing_certificate WHERE school_id = ?")
                .param(taught.school().id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private long link(TestAccounts.Created who, String purpose, byte[] p12, String pin)
      throws Exception {
    return HocBaSteps.link(mvc, jdbc, taught, who.signedIn(), purpose, p12, pin);
  }

  private ResultActions upload(TestAccounts.Created who, String purpose, byte[] p12, String pin)
      throws Exception {
    return HocBaSteps.upload(mvc, taught, who.signedIn(), purpose, p12, pin);
  }

  private ResultActions sign(TestAccounts.Created who, long certificate, String pin)
      throws Exception {
    return step("sign", who, certificate, pin);
  }

  private ResultActions seal(TestAccounts.Created who, long certificate, String pin)
      throws Exception {
    return step("seal", who, certificate, pin);
  }

  private ResultActions step(String step, TestAccounts.Created who, long certificate, String pin)
      throws Exception {
    return HocBaSteps.step(mvc, taught, step, who.signedIn(), certificate, pin);
  }

  private void approvedYear() throws Exception {
    HocBaSteps.approvedYear(mvc, data, taught, homeroom.signedIn(), principal.signedIn(), an, binh);
  }

  private void approveYear() throws Exception {
    HocBaSteps.approveYear(mvc, data, taught, homeroom.signedIn(), principal.signedIn(), an, binh);
  }

  private String page(TestAccounts.Created who) throws Exception {
    return mvc.perform(get(base() + "/hocba").with(authentication(who.signedIn())))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The page the form's redirect leads to (the browser test reads what the form flashed). */
  private String followed(ResultActions form, TestAccounts.Created who) throws Exception {
    var done = form.andReturn();
    return mvc.perform(
            get(java.util.Objects.requireNonNull(done.getResponse().getRedirectedUrl()))
                .with(authentication(who.signedIn())))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private byte[] download(String path, TestAccounts.Created who) throws Exception {
    return mvc.perform(get(base() + path).with(authentication(who.signedIn())))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private String className() {
    return jdbc.sql("SELECT name FROM school_class WHERE school_id = ? AND id = ?")
        .params(taught.school().id(), taught.classId())
        .query(String.class)
        .single();
  }

  private String base() {
    return "/schools/" + taught.school().id() + "/classes/" + taught.classId();
  }

  private int versions() {
    return jdbc.sql("SELECT count(*) FROM hocba_version WHERE school_id = ?")
        .param(taught.school().id())
        .query(Integer.class)
        .single();
  }

  private int audited(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE school_id = ? AND action = ?")
        .params(taught.school().id(), action)
        .query(Integer.class)
        .single();
  }

  record Command(int exit, String out) {}

  /** {@code verify-signature} on a ZIP, as a school's archivist would run it. */
  private Command command(byte[] zip) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("archive", ".zip");
    try {
      java.nio.file.Files.write(file, zip);
      var out = new java.io.ByteArrayOutputStream();
      int exit =
          new vn.truongso.records.web.VerifySignatureCommand()
              .run(
                  List.of(file.toString()),
                  java.io.InputStream.nullInputStream(),
                  new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                  new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      return new Command(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  private static byte[] zip(Map<String, byte[]> files) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.ZipOutputStream(out)) {
      for (var f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        files.put(e.getName(), z.readAllBytes());
      }
    }
    return files;
  }
}
