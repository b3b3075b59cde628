package vn.truongso.attendance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.support.Browsers;
import vn.truongso.support.TestClasses;

/**
 * The roll on a phone 390 px wide (issue 20 parts 1 and 4): a tap marks a student absent, the
 * connection drops as the teacher saves, the roll waits on the phone and reaches the school once
 * when the connection returns; nothing on the page scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RollPageTests {

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired JdbcClient jdbc;
  BrowserContext context;
  Page page;

  @BeforeEach
  void open() {
    context =
        Browsers.chromium()
            .newContext(
                new Browser.NewContextOptions()
                    .setLocale("vi-VN")
                    .setViewportSize(390, 844)
                    .setIsMobile(true)
                    .setHasTouch(true));
    page = context.newPage();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void aRollSavedWhileOfflineReachesTheSchoolOnceTheConnectionReturns() {
    TestClasses.Taught t = testClasses.taught(6, "toan", 4);
    Browsers.signIn(page, port, t.homeroomTeacher().username(), TestClasses.PASSWORD);
    page.navigate("http://localhost:" + port + "/attendance");
    page.locator("#my-rolls a.btn-primary").first().click();
    assertThat(page.locator("#roll-count")).hasText("Sĩ số 4 · Vắng 0");

    page.getByText("Trần Thị Bình").tap();
    assertThat(page.getByLabel("Điểm danh Trần Thị Bình")).hasValue("K");
    page.getByLabel("Điểm danh Trần Thị Bình").selectOption("P");
    page.getByLabel("Lý do vắng của Trần Thị Bình").fill("Sốt, mẹ đã xin phép");
    page.getByText("Lê Minh Châu").tap();
    page.getByText("Lê Minh Châu").tap();
    assertThat(page.locator("#roll-count")).hasText("Sĩ số 4 · Vắng 1");
    assertThat(
            (Boolean)
                page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
        .as("nothing scrolls sideways at 390 px")
        .isTrue();

    context.setOffline(true);
    page.locator("#roll-save").click();
    assertThat(page.locator("#roll-status")).containsText("Mất kết nối");
    assertThat(rolls(t)).isZero();

    context.setOffline(false);
    assertThat(page.locator("#roll-status")).hasText("Đã lưu.");
    assertThat(rolls(t)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT kind || ':' || reason FROM attendance_absence WHERE class_id = ?")
                .param(t.classId())
                .query(String.class)
                .list())
        .containsExactly("P:Sốt, mẹ đã xin phép");

    // Reloaded, the page shows the roll as the school has it.
    page.reload();
    assertThat(page.locator("#roll-taken")).containsText("lần 1");
    assertThat(page.getByLabel("Điểm danh Trần Thị Bình")).hasValue("P");
  }

  private long rolls(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM attendance_roll WHERE class_id = ?")
        .param(t.classId())
        .query(Long.class)
        .single();
  }
}
