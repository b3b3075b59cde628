package vn.truongso.corrections;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.truongso.control.EntryLocks;
import vn.truongso.identity.Role;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.support.Browsers;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * A subject teacher meets a locked cell, files a correction request with a PDF of the mark book,
 * the principal approves it, the teacher and the data administrator carry it out, the value changes
 * and the minutes download as a PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrectionsPageTests {

  static final String STRONG = "Mat-Khau-Manh-2026";

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired EntryLocks locks;
  BrowserContext teacherContext;
  BrowserContext principalContext;
  BrowserContext adminContext;

  @AfterEach
  void close() {
    for (BrowserContext c : new BrowserContext[] {teacherContext, principalContext, adminContext}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aLockedMarkIsCorrectedThroughARequestApprovedAndCarriedOutByTwoPeople() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", STRONG, false);
    var admin = testAccounts.create(t.school(), Role.DATA_ADMIN, "Quản trị", STRONG, false);
    String sheetUrl =
        "http://localhost:"
            + port
            + "/schools/"
            + t.school().id()
            + "/classes/"
            + t.classId()
            + "/scores/toan?term=1";

    Page teacher = open(c -> teacherContext = c);
    Browsers.signIn(teacher, port, t.subjectTeacher().username(), TestClasses.PASSWORD);
    teacher.navigate(sheetUrl);
    var gk = teacher.locator("#score-sheet tbody tr").nth(0).locator("input[data-slot=GK]");
    gk.click();
    teacher.keyboard().type("6");
    teacher.keyboard().press("Enter");
    assertThat(teacher.locator("#sheet-status")).hasText("Đã lưu");

    lockTermOne(t, principal);

    // the teacher meets the locked cell: read-only, with who locked it and why
    teacher.navigate(sheetUrl);
    assertThat(teacher.locator("#sheet-closed")).containsText("Khóa sổ học kỳ I");
    assertThat(teacher.locator("#score-sheet tbody tr").nth(0).locator("input[data-slot=GK]"))
        .hasCount(0);
    teacher.locator("#correction-link a").click();
    assertThat(teacher.locator("h1")).containsText("Đề nghị sửa điểm — Toán — lớp 7A1");
    teacher.getByLabel("Nguyễn Văn An — ĐĐGgk").fill("8");
    teacher.getByLabel("Lý do sửa").fill("Nhập nhầm điểm của bạn Bình vào ô của bạn An");
    teacher
        .locator("#evidence")
        .setInputFiles(
            new FilePayload(
                "so-diem-ca-nhan.pdf", "application/pdf", CorrectionsIntegrationTests.PDF));
    teacher.locator("#file-request").click();
    assertThat(teacher.locator("#request-state")).hasText("Chờ Hiệu trưởng duyệt");
    assertThat(teacher.locator("#evidence")).containsText("so-diem-ca-nhan.pdf");
    String requestUrl = teacher.url().replaceAll("\\?.*", "");

    Page boss = open(c -> principalContext = c);
    Browsers.signInWithNewTwoFactor(boss, port, principal.username(), STRONG);
    boss.navigate(requestUrl);
    assertThat(boss.locator("#request-items")).containsText("Nguyễn Văn An");
    boss.getByLabel("Ý kiến của người duyệt").fill("Đồng ý, đã đối chiếu sổ điểm cá nhân");
    boss.locator("#approve").click();
    assertThat(boss.locator("#request-state")).hasText("Đã duyệt, chờ thực hiện");

    teacher.navigate(requestUrl);
    teacher.locator("#confirm").click();
    assertThat(teacher.locator("#done")).containsText("Chờ người còn lại xác nhận");

    Page dataAdmin = open(c -> adminContext = c);
    Browsers.signInWithNewTwoFactor(dataAdmin, port, admin.username(), STRONG);
    dataAdmin.navigate(requestUrl);
    dataAdmin.locator("#confirm").click();
    assertThat(dataAdmin.locator("#request-state")).hasText("Đã sửa");

    Download download = dataAdmin.waitForDownload(() -> dataAdmin.locator("#minutes").click());
    byte[] pdf = Files.readAllBytes(download.path());
    try (var doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("BIÊN BẢN SỬA CHỮA ĐIỂM", "Nguyễn Văn An", "ĐĐGgk");
    }

    // the book shows the corrected value, still closed to typing
    teacher.navigate(sheetUrl);
    assertThat(teacher.locator("#score-sheet tbody tr").nth(0).locator("span[data-slot=GK]"))
        .hasText("8");
  }

  private Page open(java.util.function.Consumer<BrowserContext> keep) {
    BrowserContext c =
        Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    keep.accept(c);
    return c.newPage();
  }

  /** The principal's lock, set directly: the control page has its own tests. */
  private void lockTermOne(TestClasses.Taught t, TestAccounts.Created principal) {
    SecurityContextHolder.getContext().setAuthentication(principal.signedIn());
    try {
      locks.lock(
          (AuthenticatedUser) principal.signedIn().getPrincipal(),
          t.school().id(),
          2026,
          new EntryLocks.Scope(1, null, t.classId(), null, null),
          false,
          "Khóa sổ học kỳ I",
          "");
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
