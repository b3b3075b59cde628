package vn.truongso.enrolment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.truongso.demo.DemoFixture;
import vn.truongso.support.Browsers;

/** A homeroom teacher moves a student to another class; the office sees it in the register. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MovementsPageTests {

  @LocalServerPort int port;
  @Autowired DemoFixture demo;
  BrowserContext context;
  Page page;

  @BeforeEach
  void open() {
    demo.ensure();
    context = Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    page = context.newPage();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void aClassChangeShowsInTheRosterAndTheRegister() {
    signIn("thcs.gvcn");
    page.locator("#homeroom-classes a").first().click();
    page.locator("#roster-table tbody tr").nth(6).locator("a").click();
    String name = page.locator("h1").textContent().strip();
    String profileUrl = page.url();
    page.locator("#drop-on").fill("20/11/2026");
    page.locator("#drop-reason").fill(" ");
    page.locator("#drop-reason").press("Enter");
    assertThat(page.locator("#movement-error")).hasText("Vui lòng nhập.");

    page.locator("#toClassId").selectOption(new SelectOption().setLabel("6A2"));
    page.locator("#change-on").fill("02/11/2026");
    page.locator("#change-note").fill("Cân đối sĩ số");
    // the form's own button: "Chuyển lớp" is also a movement's name in the history table
    page.locator("form[action$='/class-change'] button[type=submit]").click();
    assertThat(page.locator("h1")).containsText("Lớp 6A1");
    assertThat(page.locator("#roster-table")).not().containsText(name);

    page.locator("#user-menu").click();
    page.getByText("Đăng xuất").click();
    signIn("thcs.vanthu");
    page.navigate(profileUrl);
    assertThat(page.locator("#history-table")).containsText("6A2");
    page.navigate(profileUrl.replaceAll("/students/.*", "/register"));
    assertThat(page.locator("#register-table")).containsText(name);
    assertThat(page.locator("#register-table")).containsText("6A1 (2026–2027); 6A2 (2026–2027)");
  }

  private void signIn(String username) {
    page.navigate("http://localhost:" + port + "/login");
    page.getByLabel("Tên đăng nhập").fill(username);
    page.getByLabel("Mật khẩu").fill(DemoFixture.PASSWORD);
    page.locator("form button[type=submit]").click();
    assertThat(page.locator("h1")).containsText("Xin chào");
  }
}
