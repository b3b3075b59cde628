package vn.truongso.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.support.Browsers;
import vn.truongso.support.TestClasses;

/**
 * The homeroom teacher writes to the class's families; a parent on a phone sees the new message
 * counted in the portal's header, reads it and answers; the teacher answers back, and the parent
 * reads the answer in the conversation about the child.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingPageTests {

  static final String PASSWORD = "Phu-Huynh-2026";

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired vn.truongso.support.TestAccounts accounts;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;
  BrowserContext parent;
  BrowserContext teacher;

  @AfterEach
  void close() {
    if (parent != null) {
      parent.close();
    }
    if (teacher != null) {
      teacher.close();
    }
  }

  @Test
  void aTeacherAndAParentWriteToEachOther() {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    String username =
        accounts.guardian(t.school(), t.students().get(0), "Phụ huynh em An", PASSWORD).username();

    teacher = Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    Page h = teacher.newPage();
    h.setDefaultTimeout(15_000);
    Browsers.signIn(h, port, t.homeroomTeacher().username(), TestClasses.PASSWORD);
    h.navigate("http://localhost:" + port + "/messages");
    h.getByLabel("Tiêu đề").fill("Họp phụ huynh cuối học kỳ I");
    h.getByLabel("Nội dung").fill("Kính mời phụ huynh dự họp lúc 8 giờ thứ bảy 9/1/2027.");
    h.locator("#notice-form button[type=submit]").click();
    assertThat(h.locator("[role=status]")).containsText("Đã lưu thông báo");
    assertThat(h.locator("#read-count")).hasText("0 / 1 gia đình đã đọc");

    parent = Browsers.chromium().newContext(Browsers.phone());
    Page p = parent.newPage();
    p.setDefaultTimeout(15_000);
    Browsers.signIn(p, port, username, PASSWORD);
    p.navigate("http://localhost:" + port + "/portal");
    assertThat(p.locator("#inbox-link b")).hasText("1");
    p.locator("#inbox-link").click();
    p.getByText("Họp phụ huynh cuối học kỳ I").click();
    assertThat(p.locator("#message-body")).containsText("8 giờ thứ bảy 9/1/2027");
    p.getByLabel("Trả lời nhà trường").fill("Gia đình sẽ đến dự, cảm ơn cô.");
    p.locator("#reply button").click();
    assertThat(p.locator("#thread")).containsText("Gia đình sẽ đến dự");

    h.navigate("http://localhost:" + port + "/schools/" + t.school().id() + "/conversations");
    h.locator("#conversations a").first().click();
    assertThat(h.locator("#thread")).containsText("trả lời: Họp phụ huynh cuối học kỳ I");
    h.getByLabel("Trả lời gia đình").fill("Cô cảm ơn gia đình.");
    h.locator("#write button").click();
    assertThat(h.locator("#thread")).containsText("Cô cảm ơn gia đình.");

    p.navigate("http://localhost:" + port + "/portal/messages");
    assertThat(p.locator("#threads b")).hasText("1");
    p.locator("#threads a").first().click();
    assertThat(p.locator("#thread")).containsText("Cô cảm ơn gia đình.");
  }
}
