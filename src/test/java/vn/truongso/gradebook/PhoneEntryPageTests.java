package vn.truongso.gradebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
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
 * Entry on a phone and navigation on a laptop (issue 20 part 4): a score sheet at 390 px keeps the
 * names in view while its grid scrolls sideways and asks for a decimal keypad, the page itself does
 * not scroll sideways; a principal's navigation stays on one line at 1366 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneEntryPageTests {

  @LocalServerPort int port;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  BrowserContext context;

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void aScoreSheetOnAPhoneKeepsTheNamesInViewAndOpensADecimalKeypad() {
    context =
        Browsers.chromium()
            .newContext(
                new Browser.NewContextOptions()
                    .setLocale("vi-VN")
                    .setViewportSize(390, 844)
                    .setIsMobile(true)
                    .setHasTouch(true));
    Page page = context.newPage();
    TestClasses.Taught t = testClasses.taught(8, "toan", 3);
    Browsers.signIn(page, port, t.subjectTeacher().username(), TestClasses.PASSWORD);
    page.navigate(
        "http://localhost:"
            + port
            + "/schools/"
            + t.school().id()
            + "/classes/"
            + t.classId()
            + "/scores/toan?term=1");
    var firstCell = page.locator("#score-sheet .score-cell").first();
    assertThat(firstCell).hasAttribute("inputmode", "decimal");
    assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1"))
        .as("only the grid scrolls sideways")
        .isTrue();

    var name = page.locator("#score-sheet tbody th.sticky-name").first();
    BoundingBox before = name.boundingBox();
    page.evaluate(
        "document.querySelector('#score-sheet').closest('.table-responsive').scrollLeft = 400");
    BoundingBox after = name.boundingBox();
    assertThat(
            (Number)
                page.evaluate(
                    "document.querySelector('#score-sheet').closest('.table-responsive')"
                        + ".scrollLeft"))
        .as("the grid is wider than the phone and has scrolled")
        .matches(n -> n.doubleValue() > 0);
    // Without sticking, the name would now start 400 px to the left of where it was, off screen.
    BoundingBox grid = page.locator("#score-sheet").locator("xpath=..").boundingBox();
    assertThat(after.x).as("the names stay in view").isBetween(grid.x - 1, before.x);
  }

  @Test
  void aPrincipalsNavigationStaysOnOneLineOnALaptop() {
    context =
        Browsers.chromium()
            .newContext(
                new Browser.NewContextOptions().setLocale("vi-VN").setViewportSize(1366, 768));
    Page page = context.newPage();
    TestClasses.Taught t = testClasses.taught(6, "toan", 1);
    TestAccounts.Created principal =
        accounts.create(t.school(), Role.PRINCIPAL, "Cô Hiệu Trưởng", "Hieu-Truong-2026", false);
    Browsers.signInWithNewTwoFactor(page, port, principal.username(), "Hieu-Truong-2026");
    assertThat(page.locator("#nav-admin")).isVisible();
    double navHeight = page.locator("header.navbar").boundingBox().height;
    double linkHeight = page.locator("#mainNav .nav-link").first().boundingBox().height;
    assertThat(navHeight).as("one line of links").isLessThan(linkHeight * 2);
  }
}
