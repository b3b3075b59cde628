package vn.truongso.gradebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.Quality;
import vn.truongso.identity.Role;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.Browsers;
import vn.truongso.support.PrimaryBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * A primary class's year in the browser (TT27): the Toán teacher types levels, comments and scores
 * from the keyboard, the homeroom teacher completes a pupil's qualities and competencies and sees
 * the year-end result and the commendation, submits the terms, the principal approves them and
 * prints the Bảng tổng hợp.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrimaryBookPageTests {

  static final String STRONG = "Mat-Khau-Manh-2026";

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired TestOrg org;
  @Autowired PrimaryBookData data;
  @Autowired JdbcClient jdbc;
  final List<BrowserContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(BrowserContext::close);
  }

  @Test
  void aPrimaryYearIsEnteredApprovedAndPrinted() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 5, "toan", 2);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", STRONG, false);
    long an = t.students().get(0);
    long binh = t.students().get(1);
    // everything but Toán at the end of the year, and An's qualities and competencies, is in
    List<String> leftOut = new ArrayList<>(List.of("toan"));
    data.fill(t, binh, PrimaryPoint.CHKI, "T", 9);
    data.fill(t, an, PrimaryPoint.CHKI, "T", 9);
    data.fill(t, binh, PrimaryPoint.CN, "H", 7, leftOut.toArray(String[]::new));
    for (Quality q : Quality.values()) {
      leftOut.add(q.name());
    }
    for (Competence c : Competence.values()) {
      leftOut.add(c.name());
    }
    data.fill(t, an, PrimaryPoint.CN, "T", 10, leftOut.toArray(String[]::new));
    String base =
        "http://localhost:" + port + "/schools/" + t.school().id() + "/classes/" + t.classId();

    // the Toán teacher: T moves down by itself; comment from the keyboard; the score, Enter
    Page teacher = open();
    Browsers.signIn(teacher, port, t.subjectTeacher().username(), TestClasses.PASSWORD);
    teacher.navigate(base + "/primary/toan?point=CN");
    Locator rows = teacher.locator("#primary-sheet tbody tr");
    rows.nth(0).locator("input.level").click();
    teacher.keyboard().type("t");
    assertThat(rows.nth(1).locator("input.level")).isFocused();
    teacher.keyboard().type("h");
    rows.nth(0).locator("input.comment").fill("Tính nhanh, chính xác.");
    rows.nth(0).locator("input.score").fill("10");
    rows.nth(0).locator("input.score").press("Enter");
    rows.nth(1).locator("input.score").fill("7");
    rows.nth(1).locator("input.score").press("Enter");
    assertThat(teacher.locator("#sheet-status")).hasText("Đã lưu");
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(level || coalesce(score::text, ''), ',' ORDER BY"
                        + " student_id) FROM primary_assessment WHERE class_id = ? AND item ="
                        + " 'toan' AND point = 'CN'")
                .param(t.classId())
                .query(String.class)
                .single())
        .isEqualTo("T10,H7");

    // the homeroom teacher: An's qualities and competencies, then the year on the board
    Page homeroom = open();
    Browsers.signIn(homeroom, port, t.homeroomTeacher().username(), TestClasses.PASSWORD);
    homeroom.navigate(base + "/primary-qualities?point=CN");
    Locator line = homeroom.locator("#pupil-" + an);
    for (Locator level : line.locator("input.level").all()) {
      level.fill("T");
    }
    line.locator("input[name=comment_PHAM_CHAT]").fill("Lễ phép, chăm chỉ.");
    line.locator("button.save").click();
    assertThat(homeroom.locator("#sheet-saved")).isVisible();
    homeroom.locator("#board-link").click();
    assertThat(homeroom.locator("#pupil-" + an + " .result")).hasText("Hoàn thành xuất sắc");
    assertThat(homeroom.locator("#pupil-" + an + " .commendation")).hasText("Học sinh Xuất sắc");
    assertThat(homeroom.locator("#pupil-" + binh + " .result")).hasText("Hoàn thành");

    homeroom.navigate(base + "/primary-board?point=CHKI");
    homeroom.locator("#submit-form button").click();
    assertThat(homeroom.locator("#approval-done")).isVisible();

    Page boss = open();
    Browsers.signInWithNewTwoFactor(boss, port, principal.username(), STRONG);
    boss.navigate(base + "/primary-board?point=CHKI");
    boss.locator("#approve-form button").click();
    assertThat(boss.locator("#approval-state")).hasText("Đã được Hiệu trưởng duyệt.");

    homeroom.navigate(base + "/primary-board?point=CN");
    homeroom.locator("#submit-form button").click();
    assertThat(homeroom.locator("#approval-state")).hasText("Đã gửi duyệt, chờ Hiệu trưởng.");

    boss.navigate(base + "/primary-board?point=CN");
    boss.locator("#approve-form button").click();
    assertThat(boss.locator("#approval-state")).hasText("Đã được Hiệu trưởng duyệt.");
    Download download = boss.waitForDownload(() -> boss.locator("#print-link").click());
    try (var doc = Loader.loadPDF(Files.readAllBytes(download.path()))) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC", "HTXS", "HSXS");
    }
  }

  private Page open() {
    BrowserContext c =
        Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    contexts.add(c);
    return c.newPage();
  }
}
