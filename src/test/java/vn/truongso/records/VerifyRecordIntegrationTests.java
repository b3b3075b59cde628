package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import vn.truongso.identity.Role;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.QrCodes;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestClasses;

/**
 * The page a printed học bạ's QR code opens, without an account: the code on every page of a record
 * signed through the real flow leads to it; it tells the school, the year, the version and when it
 * was signed and sealed, and that a newer version replaced it once the results changed — never the
 * student; an unknown code is a 404 and a malformed one a 400, each with a message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerifyRecordIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
  private static final String BASE = "http://localhost:8080";

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  // an address of its own: the page's limit counts per address, and the clock stands still
  private final String address = "192.0.2." + (1 + (System.identityHashCode(this) % 250));
  TestClasses.Taught taught;
  TestAccounts.Created homeroom;
  TestAccounts.Created principal;
  long an;
  long binh;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(7, "toan", 2);
    homeroom = taught.homeroomTeacher();
    principal = testAccounts.create(taught.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    an = taught.students().get(0);
    binh = taught.students().get(1);
  }

  @Test
  void theCodeOnEveryPageLeadsToTheRecordsSignatureSealAndLaterVersion() throws Exception {
    HocBaSteps.approvedYear(mvc, data, taught, homeroom.signedIn(), principal.signedIn(), an, binh);
    long teacherCert =
        HocBaSteps.link(
            mvc,
            jdbc,
            taught,
            homeroom.signedIn(),
            "PERSONAL",
            ca.issue(homeroom.username(), "1234", ISSUED, 730, true).pkcs12(),
            "1234");
    long sealCert =
        HocBaSteps.link(
            mvc,
            jdbc,
            taught,
            principal.signedIn(),
            "SEAL",
            ca.issue(taught.school().name(), "9876", ISSUED, 730, true).pkcs12(),
            "9876");
    HocBaSteps.step(mvc, taught, "sign", homeroom.signedIn(), teacherCert, "1234");

    byte[] signed = storedPdf(1);
    String link = BASE + "/verify/" + storedHash(1);
    for (int page = 0; page < QrCodes.pages(signed); page++) {
      assertThat(QrCodes.onPage(signed, page)).as("page %d", page + 1).isEqualTo(link);
    }
    String path = link.substring(BASE.length());
    assertThat(open(path, status().isOk()))
        .contains("chờ nhà trường đóng dấu số", "Học bạ số", taught.school().name())
        .contains("2026-2027", "Chưa đóng dấu")
        .doesNotContain("phiên bản mới hơn");

    HocBaSteps.step(mvc, taught, "seal", principal.signedIn(), sealCert, "9876");
    String sealed = open(path, status().isOk());
    assertThat(sealed)
        .contains("đã được giáo viên chủ nhiệm ký số và nhà trường đóng dấu số")
        .doesNotContain("Chưa đóng dấu", "phiên bản mới hơn");
    // nothing of the student or of who signed
    for (String name : names()) {
      assertThat(sealed).doesNotContain(name);
    }
    assertThat(sealed).doesNotContain(homeroom.username());
    // typed from paper in capitals, the code still reads
    assertThat(
            open(
                path.toUpperCase(java.util.Locale.ROOT).replace("/VERIFY/", "/verify/"),
                status().isOk()))
        .contains("đóng dấu số");

    // a correction after signing: An's maths re-entered as 8, signed again as version 2
    jdbc.sql(
            "UPDATE score_cell SET score = 8 WHERE school_id = ? AND class_id = ?"
                + " AND student_id = ? AND subject_code = 'toan'")
        .params(taught.school().id(), taught.classId(), an)
        .update();
    HocBaSteps.step(mvc, taught, "sign", homeroom.signedIn(), teacherCert, "1234");
    assertThat(open(path, status().isOk()))
        .contains("Đã có phiên bản mới hơn của học bạ này (phiên bản 2)");
    String newer = "/verify/" + storedHash(2);
    assertThat(newer).isNotEqualTo(path);
    assertThat(QrCodes.onPage(storedPdf(2), 0)).isEqualTo(BASE + newer);
    assertThat(open(newer, status().isOk()))
        .contains("chờ nhà trường đóng dấu số")
        .doesNotContain("phiên bản mới hơn");
  }

  @Test
  void anUnknownCodeIsNotFoundAndAMalformedOneIsRefused() throws Exception {
    assertThat(open("/verify/" + "0".repeat(64), status().isNotFound()))
        .contains("Không tìm thấy học bạ đã ký số nào có mã này")
        .doesNotContain("Exception", "at vn.truongso");
    assertThat(open("/verify/abc", status().isBadRequest()))
        .contains("Mã kiểm tra không hợp lệ")
        .doesNotContain("Exception");
    assertThat(open("/verify/" + "g".repeat(64), status().isBadRequest()))
        .contains("Mã kiểm tra không hợp lệ");
  }

  private String open(String path, ResultMatcher expected) throws Exception {
    return mvc.perform(
            get(path)
                .with(
                    r -> {
                      r.setRemoteAddr(address);
                      return r;
                    }))
        .andExpect(expected)
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private byte[] storedPdf(int version) {
    return jdbc.sql(
            "SELECT pdf FROM hocba_version WHERE school_id = ? AND student_id = ? AND version = ?")
        .params(taught.school().id(), an, version)
        .query(byte[].class)
        .single();
  }

  private String storedHash(int version) {
    return jdbc.sql(
            "SELECT content_sha256 FROM hocba_version WHERE school_id = ? AND student_id = ?"
                + " AND version = ?")
        .params(taught.school().id(), an, version)
        .query(String.class)
        .single();
  }

  /** The students' full names: none is on the page. */
  private java.util.List<String> names() {
    return jdbc.sql(
            "SELECT family_name || ' ' || middle_name || ' ' || given_name FROM student"
                + " WHERE school_id = ?")
        .param(taught.school().id())
        .query(String.class)
        .list();
  }
}
