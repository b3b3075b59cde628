package vn.truongso.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.support.Browsers;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestClasses;

/**
 * A parent on a phone (issue 20): reads a published mark, asks for the child's absence today; the
 * homeroom teacher accepts it and the morning roll opens with the child absent with permission; the
 * parent sees it. The portal's first load stays under 100 KB, and without a connection the page
 * last loaded is shown with its age.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalPageTests {

  static final String PASSWORD = "Phu-Huynh-2026";

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired vn.truongso.support.TestAccounts accounts;
  @Autowired GradeBookData data;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  BrowserContext parent;
  BrowserContext teacher;

  @AfterEach
  void close() {
    parent.close();
    if (teacher != null) {
      teacher.close();
    }
  }

  @Test
  void aParentReadsAMarkAsksForAnAbsenceAndSeesItAccepted() {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    long an = t.students().get(0);
    data.fillYear(t, an, "9.5");
    jdbc.sql("INSERT INTO result_publication VALUES (?, 2026, 'TERM', true, false, now(), 0)")
        .param(t.school().id())
        .update();
    String username = accounts.guardian(t.school(), an, "Phụ huynh em An", PASSWORD).username();
    parent = Browsers.chromium().newContext(Browsers.phone());
    Page p = parent.newPage();
    p.setDefaultTimeout(15_000);
    Browsers.signIn(p, port, username, PASSWORD);

    AtomicLong bytes = new AtomicLong();
    // Sizes as the browser received them; reading bodies would race the page's own navigation.
    p.onRequestFinished(r -> bytes.addAndGet(Math.max(0, r.sizes().responseBodySize)));
    p.locator(".portal-link").first().click();
    assertThat(p.locator("h1")).hasText("Nguyễn Văn An");
    assertThat(p.locator("[data-subject=toan] [data-slot='1-TX1']")).containsText("9,5");
    assertThat(p.locator("[data-subject=toan] [data-slot='2-TX1']")).hasCount(0);
    assertThat(bytes.get()).as("the portal's first load, every file").isBetween(2_000L, 100_000L);

    p.getByLabel("Lý do").fill("Cháu bị sốt, gia đình xin cho cháu nghỉ hôm nay");
    p.locator("#absence-form button").click();
    assertThat(p.locator("#request-list li[data-state=PENDING]")).hasCount(1);

    teacher = Browsers.chromium().newContext(Browsers.phone());
    Page h = teacher.newPage();
    Browsers.signIn(h, port, t.homeroomTeacher().username(), TestClasses.PASSWORD);
    h.navigate("http://localhost:" + port + "/attendance");
    h.locator("#my-rolls a.btn-primary").first().click();
    assertThat(h.locator("#roll-requests")).containsText("Cháu bị sốt");
    h.locator("#roll-requests button.btn-success").click();
    assertThat(h.getByLabel("Điểm danh Nguyễn Văn An")).hasValue("P");
    h.locator("#roll-save").click();
    assertThat(h.locator("#roll-status")).hasText("Đã lưu.");

    p.reload();
    assertThat(p.locator("#request-list li[data-state=ACCEPTED]")).hasCount(1);
    assertThat(p.locator("#attendance-days")).containsText("Vắng có phép");

    // The phone goes offline: the page last loaded is still there, and says how old it is.
    p.reload();
    p.waitForCondition(() -> (Boolean) p.evaluate("navigator.serviceWorker.controller !== null"));
    p.reload();
    parent.setOffline(true);
    p.reload();
    assertThat(p.locator("h1")).hasText("Nguyễn Văn An");
    assertThat(p.locator("#offline")).containsText("Đang không có mạng");
    parent.setOffline(false);
  }
}
