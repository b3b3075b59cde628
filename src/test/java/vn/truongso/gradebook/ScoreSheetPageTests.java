package vn.truongso.gradebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.truongso.support.Browsers;
import vn.truongso.support.TestClasses;

/**
 * A subject teacher types a column with the keyboard, pastes a block copied from a spreadsheet,
 * sees the term averages, reloads and finds everything saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScoreSheetPageTests {

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  BrowserContext context;
  Page page;

  @BeforeEach
  void open() {
    context = Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    page = context.newPage();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void aTeacherTypesAColumnPastesABlockAndFindsItSavedAfterReload() {
    TestClasses.Taught t = testClasses.taught(7, "toan", 3);
    signIn(t.subjectTeacher().username());
    page.navigate(
        "http://localhost:"
            + port
            + "/schools/"
            + t.school().id()
            + "/classes/"
            + t.classId()
            + "/scores/toan?term=1");
    assertThat(page.locator("h1")).containsText("Toán — lớp 7A1 — học kì I");

    // Students in Vietnamese order: An, Bình, Châu. Enter moves down the column.
    cell(0, "TX1").click();
    page.keyboard().type("8");
    page.keyboard().press("Enter");
    page.keyboard().type("7,5");
    page.keyboard().press("Enter");
    page.keyboard().type("9");
    page.keyboard().press("Enter");
    assertThat(cell(1, "TX1")).hasValue("7,5");

    // A block copied from Excel: five columns (TX2…CK), three rows.
    cell(0, "TX2").click();
    page.evaluate(
        "text => { const dt = new DataTransfer(); dt.setData('text/plain', text);"
            + " document.activeElement.dispatchEvent(new ClipboardEvent('paste',"
            + " {clipboardData: dt, bubbles: true, cancelable: true})); }",
        "8\t8\t9\t8,5\t8\r\n7\t7\t8\t7\t7.5\r\n9\t9\t9\t9\t9\r\n");
    assertThat(cell(1, "CK")).hasValue("7,5");

    // TT22 art. 9.1b: An (8+8+8+9+2×8,5+3×8)/9 = 8,2; Bình 66/9 = 7,3; Châu 81/9 = 9,0.
    assertThat(result(0)).hasText("8,2");
    assertThat(result(1)).hasText("7,3");
    assertThat(result(2)).hasText("9,0");
    assertThat(page.locator("#sheet-status")).hasText("Đã lưu");

    // A value outside the scale stays on its cell with the message, and is not saved.
    cell(2, "GK").click();
    page.keyboard().type("11");
    page.keyboard().press("Enter");
    assertThat(cell(2, "GK")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#sheet-error")).hasText("Điểm phải từ 0 đến 10.");
    assertThat(page.locator("#sheet-status")).hasText("Có ô chưa lưu được");

    page.reload();
    assertThat(cell(0, "TX1")).hasValue("8");
    assertThat(cell(1, "TX1")).hasValue("7,5");
    assertThat(cell(2, "GK")).hasValue("9");
    assertThat(cell(1, "CK")).hasValue("7,5");
    assertThat(result(1)).hasText("7,3");
  }

  private Locator cell(int row, String slot) {
    return page.locator("#score-sheet tbody tr").nth(row).locator("input[data-slot=" + slot + "]");
  }

  private Locator result(int row) {
    return page.locator("#score-sheet tbody tr").nth(row).locator(".term-result");
  }

  private void signIn(String username) {
    Browsers.signIn(page, port, username, TestClasses.PASSWORD);
  }
}
