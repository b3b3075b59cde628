package vn.truongso.records;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.identity.Role;
import vn.truongso.support.Browsers;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestClasses;

/**
 * The học bạ signed as the school does it, in a browser: the homeroom teacher links a certificate
 * file and signs the class's records with one PIN, the principal links the school's seal and seals
 * them, and anyone who uploads a downloaded record to the public verification page reads that it is
 * intact and signed twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HocBaSigningPageTests {

  static final String STRONG = "Mat-Khau-Manh-2026";
  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  private final List<BrowserContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(BrowserContext::close);
  }

  @Test
  void theTeacherSignsThePrincipalSealsAndTheVerificationPageSaysIntact() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", STRONG, false);
    approvedYear(t, principal);
    TestCertificates ca = new TestCertificates(ISSUED);
    byte[] teacherKey = ca.issue("Thầy Trần Văn Chủ Nhiệm", "2468", ISSUED, 730, true).pkcs12();
    byte[] sealKey = ca.issue(t.school().name(), "1357", ISSUED, 730, true).pkcs12();
    String school = "http://localhost:" + port + "/schools/" + t.school().id();
    String hocba = school + "/classes/" + t.classId() + "/hocba";

    Page teacher = open();
    Browsers.signIn(teacher, port, t.homeroomTeacher().username(), TestClasses.PASSWORD);
    teacher.navigate(hocba);
    assertThat(teacher.locator("#no-certificate")).containsText("Chưa có chứng thư số để ký");
    teacher.locator("#no-certificate a").click();
    teacher
        .locator("#upload-file")
        .setInputFiles(new FilePayload("gvcn.p12", "application/x-pkcs12", teacherKey));
    teacher.locator("#upload-pin").fill("2468");
    teacher.locator("#upload").click();
    assertThat(teacher.locator("#linked")).containsText("Đã liên kết chứng thư số");
    teacher.navigate(hocba);
    teacher.locator("#sign-pin").fill("2468");
    teacher.locator("#sign").click();
    assertThat(teacher.locator("#batch")).containsText("Đã ký 2 học bạ.");
    assertThat(teacher.locator("#students")).containsText("GVCN đã ký, chờ đóng dấu");

    Page boss = open();
    Browsers.signInWithNewTwoFactor(boss, port, principal.username(), STRONG);
    boss.navigate(school + "/certificates");
    boss.locator("#upload-purpose").selectOption("SEAL");
    boss.locator("#upload-file")
        .setInputFiles(new FilePayload("con-dau.p12", "application/x-pkcs12", sealKey));
    boss.locator("#upload-pin").fill("1357");
    boss.locator("#upload").click();
    assertThat(boss.locator("#certificates")).containsText("Con dấu của trường");
    boss.navigate(hocba);
    boss.locator("#seal-pin").fill("0000");
    boss.locator("#seal").click();
    assertThat(boss.locator("#seal-error")).containsText("Còn 4 lần thử");
    boss.locator("#seal-pin").fill("1357");
    boss.locator("#seal").click();
    assertThat(boss.locator("#batch")).containsText("Đã đóng dấu 2 học bạ.");
    assertThat(boss.locator("#students")).containsText("Đã ký và đóng dấu");
    Download download =
        boss.waitForDownload(() -> boss.locator("#students a:has-text('PDF')").first().click());
    byte[] pdf = Files.readAllBytes(download.path());

    Page anyone = open();
    anyone.navigate("http://localhost:" + port + "/verify");
    anyone.locator("#file").setInputFiles(new FilePayload("hocba.pdf", "application/pdf", pdf));
    anyone.locator("#verify-form button[type=submit]").click();
    assertThat(anyone.locator("#intact")).containsText("Văn bản nguyên vẹn: 2 chữ ký số");
    assertThat(anyone.locator("#facts")).containsText(t.school().name());
    assertThat(anyone.locator("#verdict")).not().containsText("Nguyễn");
  }

  private void approvedYear(TestClasses.Taught t, TestAccounts.Created principal) throws Exception {
    HocBaSteps.approvedYear(
        mvc,
        data,
        t,
        t.homeroomTeacher().signedIn(),
        principal.signedIn(),
        t.students().get(0),
        t.students().get(1));
  }

  private Page open() {
    BrowserContext c =
        Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    contexts.add(c);
    return c.newPage();
  }
}
