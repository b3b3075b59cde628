package vn.truongso.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.truongso.demo.DemoFixture;
import vn.truongso.org.School;
import vn.truongso.support.Browsers;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;
import vn.truongso.support.TotpCodes;

/** Signing in, in headless Chromium, as each role and through every login step. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginPageTests {

  @LocalServerPort int port;
  @Autowired DemoFixture demo;
  @Autowired TestAccounts accounts;
  @Autowired TestOrg testOrg;

  BrowserContext context;
  Page page;

  @BeforeEach
  void open() {
    demo.ensure();
    context =
        Browsers.chromium()
            .newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setLocale("vi-VN"));
    page = context.newPage();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @ParameterizedTest(name = "{0} sees {1}")
  @CsvSource({
    "quantri,           #scope-schools, true",
    "so.chuyenvien,     #scope-schools, false",
    "phuong.chuyenvien, #scope-schools, false",
    "thcs.hieutruong,   #school-overview, true",
    "thcs.phohieutruong,#school-overview, true",
    "thcs.quantri,      #school-overview, true",
    "thcs.totruong,     #my-teaching, false",
    "thcs.gvcn,         #homeroom-classes, false",
    "thcs.gvbm,         #my-teaching, false",
    "thcs.vanthu,       #my-roles, false",
    "thcs.ketoan,       #my-roles, false",
    "thcs.yte,          #my-roles, false",
    "thcs.thuvien,      #my-roles, false",
    "0912345678,        #my-children, false",
    "thcs.hocsinh,      #my-children, false",
    "th.hieutruong,     #school-overview, true",
    "mn.hieutruong,     #school-overview, true",
    "mn.capduong,       #my-roles, false",
    "mn.yte,            #my-roles, false",
    "0987654321,        #my-children, false"
  })
  void eachDemoRoleSignsInAndSeesItsHomePage(String username, String panel, boolean twoFactor) {
    signIn(username, DemoFixture.PASSWORD);
    if (twoFactor) {
      assertThat(page).hasURL(Pattern.compile(".*/login/totp$"));
      page.getByLabel("Mã xác thực").fill(TotpCodes.now(DemoFixture.TOTP_SECRET));
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Xác nhận"))
          .click();
    }
    assertThat(page.locator("h1")).containsText("Xin chào");
    assertThat(page.locator(panel)).isVisible();
    assertThat(page.locator("#my-roles")).isVisible();
  }

  @Test
  void aNewAccountMustChangeItsPasswordAtFirstSignIn() {
    School school = testOrg.school();
    String username =
        accounts.create(school, Role.CLERK, "Nguyễn Thị Lan", "MotLanDauTien-1", true).username();

    signIn(username, "MotLanDauTien-1");
    assertThat(page).hasURL(Pattern.compile(".*/login/password$"));
    page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("ngan");
    page.getByLabel("Nhập lại mật khẩu mới").fill("ngan");
    page.locator("button[type=submit]").click();
    assertThat(page.locator("#newPassword-error")).containsText("ít nhất 10 ký tự");

    page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("1234567890");
    page.getByLabel("Nhập lại mật khẩu mới").fill("1234567890");
    page.locator("button[type=submit]").click();
    assertThat(page.locator("#newPassword-error")).containsText("quá phổ biến");

    page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true))
        .fill("Hoa-phuong-do-2026");
    page.getByLabel("Nhập lại mật khẩu mới").fill("Hoa-phuong-do-2026");
    page.locator("button[type=submit]").click();
    assertThat(page.locator("h1")).containsText("Xin chào, Nguyễn Thị Lan");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
    School school = testOrg.school();
    String username =
        accounts.create(school, Role.CLERK, "Lê Văn Khoa", "Dung-Mat-Khau-1", false).username();

    for (int i = 1; i <= 4; i++) {
      signIn(username, "sai-mat-khau-" + i);
      assertThat(page.locator("#login-error")).hasText("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    signIn(username, "sai-mat-khau-5");
    assertThat(page.locator("#login-error")).containsText("Tài khoản tạm khoá đến");

    signIn(username, "Dung-Mat-Khau-1");
    assertThat(page.locator("#login-error")).containsText("tạm khoá");
    assertThat(page).hasURL(Pattern.compile(".*/login$"));
  }

  @Test
  void aPrincipalEnrolsTwoFactorSignInThenUsesIt() {
    School school = testOrg.school();
    String username =
        accounts
            .create(school, Role.PRINCIPAL, "Phạm Hồng Nhung", "Hieu-Truong-2026", false)
            .username();

    signIn(username, "Hieu-Truong-2026");
    assertThat(page).hasURL(Pattern.compile(".*/login/enrol$"));
    assertThat(page.locator("img[alt]")).isVisible();
    String secret = page.locator("#totp-secret").textContent().strip();
    long step = MovableClock.standardInstant().getEpochSecond() / 30;
    page.getByLabel("Mã xác thực").fill(TotpCodes.at(secret, step));
    page.locator("button[type=submit]").click();
    assertThat(page.locator("#recovery-codes li")).hasCount(10);
    String recovery = page.locator("#recovery-codes li").first().textContent().strip();
    page.locator("button[type=submit]").click();
    assertThat(page.locator("h1")).containsText("Xin chào, Phạm Hồng Nhung");

    page.locator("#user-menu").click();
    page.getByText("Đăng xuất").click();
    assertThat(page.locator(".alert-info")).hasText("Bạn đã đăng xuất.");

    // The code just used cannot be replayed; a recovery code works once.
    signIn(username, "Hieu-Truong-2026");
    page.getByLabel("Mã xác thực").fill(TotpCodes.at(secret, step));
    page.locator("button[type=submit]").click();
    assertThat(page.locator("#totp-error")).containsText("không đúng");
    page.getByLabel("Mã xác thực").fill(recovery);
    page.locator("button[type=submit]").click();
    assertThat(page.locator("h1")).containsText("Xin chào");
  }

  @Test
  void aSubjectTeacherGetsTheForbiddenPageOnAnAdminPage() {
    signIn("thcs.gvbm", DemoFixture.PASSWORD);
    Response response = page.navigate(url("/admin/accounts"));
    assertThat(response.status()).isEqualTo(403);
    assertThat(page.locator("h1")).hasText("Không có quyền truy cập");
    assertThat(page.content()).doesNotContain("Exception");
  }

  @Test
  void aWardOfficerSeesOnlyTheSchoolsUnderTheWard() {
    signIn("phuong.chuyenvien", DemoFixture.PASSWORD);
    page.navigate(url("/schools"));
    assertThat(page.locator("#schools-table tbody tr")).hasCount(3);
    assertThat(page.locator("#schools-table")).containsText("Trường THCS Đông Hải");
    assertThat(page.locator("#schools-table")).not().containsText("Trường THCS Hải An");
  }

  @Test
  void theLanguageSwitchesToEnglishAndBack() {
    page.navigate(url("/login"));
    assertThat(page.locator("h1")).hasText("Đăng nhập");
    page.getByText("English").click();
    assertThat(page.locator("h1")).hasText("Sign in");
    page.getByText("Tiếng Việt").click();
    assertThat(page.locator("h1")).hasText("Đăng nhập");
  }

  private void signIn(String username, String password) {
    page.navigate(url("/login"));
    page.getByLabel("Tên đăng nhập").fill(username);
    page.getByLabel("Mật khẩu").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Đăng nhập"))
        .click();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
