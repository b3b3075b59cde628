package vn.truongso.gradebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.truongso.support.Browsers;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestClasses;

/** A homeroom teacher completes conduct and sees the year's promotion lists. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassBookPageTests {

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired GradeBookData data;
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
  void aHomeroomTeacherCompletesConductAndSeesThePromotionLists() {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    data.fillYear(t, t.students().get(0), "8.5");
    data.fillYear(t, t.students().get(1), "6", "toan=4", "ngu_van=4", "tin_hoc=4");
    signIn(t.homeroomTeacher().username());
    page.navigate(
        "http://localhost:" + port + "/schools/" + t.school().id() + "/classes/" + t.classId());
    page.locator("#class-book-link").click();
    assertThat(page.locator("#missing summary")).containsText("Còn thiếu 4 mục");

    page.getByLabel("Rèn luyện HK I của Nguyễn Văn An").selectOption("TOT");
    page.getByLabel("Rèn luyện HK II của Nguyễn Văn An").selectOption("TOT");
    page.getByLabel("Rèn luyện HK I của Trần Thị Bình").selectOption("KHA");
    page.getByLabel("Rèn luyện HK II của Trần Thị Bình").selectOption("DAT");
    page.getByLabel("Số buổi nghỉ có phép học kì I của Trần Thị Bình").fill("4");
    page.locator("#save-conduct").click();

    assertThat(page.locator(".alert-success")).hasText("Đã lưu kết quả rèn luyện và số buổi nghỉ.");
    // The book opens on the term being taught (1 December: term I); the year is a tab away.
    assertThat(page.locator("#results .nav-link.active, .nav-tabs .nav-link.active"))
        .hasText("Học kì I");
    page.locator(".nav-tabs").getByText("Cả năm").click();
    assertThat(page.locator("#complete")).isVisible();
    assertThat(page.locator("[data-list=PROMOTED]")).containsText("Nguyễn Văn An");
    assertThat(page.locator("[data-list=RETEST]")).containsText("Trần Thị Bình");
    assertThat(page.locator("[data-list=GIOI]")).containsText("Nguyễn Văn An");
    assertThat(
            page.locator("#results-table tr[data-student='" + t.students().get(1) + "'] .outcome"))
        .hasText("Kiểm tra, đánh giá lại trong hè");
  }

  private void signIn(String username) {
    Browsers.signIn(page, port, username, TestClasses.PASSWORD);
  }
}
