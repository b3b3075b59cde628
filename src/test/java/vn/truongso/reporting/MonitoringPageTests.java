package vn.truongso.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.truongso.identity.Role;
import vn.truongso.support.Browsers;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * A teacher retypes a mark on the sheet; the principal finds the change in the month's correction
 * log through the navigation, old and new value side by side, and prints the log as a PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringPageTests {

  static final String STRONG = "Mat-Khau-Manh-2026";

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  BrowserContext teacherContext;
  BrowserContext principalContext;

  @AfterEach
  void close() {
    for (BrowserContext c : new BrowserContext[] {teacherContext, principalContext}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aRetypedMarkAppearsInTheMonthsLogWhichPrints() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", STRONG, false);

    teacherContext = context();
    Page teacher = teacherContext.newPage();
    Browsers.signIn(teacher, port, t.subjectTeacher().username(), TestClasses.PASSWORD);
    teacher.navigate(
        "http://localhost:%d/schools/%d/classes/%d/scores/toan?term=1"
            .formatted(port, t.school().id(), t.classId()));
    var gk = teacher.locator("#score-sheet tbody tr").nth(0).locator("input[data-slot=GK]");
    gk.fill("6");
    gk.press("Enter");
    assertThat(teacher.locator("#sheet-status")).hasText("Đã lưu");
    gk.fill("7,5");
    gk.press("Enter");
    assertThat(gk).hasAttribute("data-version", "2");

    principalContext = context();
    Page boss = principalContext.newPage();
    Browsers.signInWithNewTwoFactor(boss, port, principal.username(), STRONG);
    boss.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Kiểm tra sổ điểm"))
        .first()
        .click();
    assertThat(boss.locator("h1")).containsText("Tiến độ nhập điểm");
    boss.locator("nav.nav-tabs").getByText("Nhật ký sửa điểm").click();
    var row = boss.locator("tr.change");
    assertThat(row).hasCount(1);
    assertThat(row.locator("td.before")).hasText("6");
    assertThat(row.locator("td.after")).hasText("7,5");
    assertThat(row).containsText("Nguyễn Văn An");

    Download download = boss.waitForDownload(() -> boss.locator("#print-log").click());
    byte[] pdf = Files.readAllBytes(download.path());
    try (var doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("NHẬT KÍ SỬA ĐIỂM", "Nguyễn Văn An", "7,5", "Nhập trên sổ");
    }
  }

  private static BrowserContext context() {
    return Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
  }
}
