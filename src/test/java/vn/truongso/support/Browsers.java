package vn.truongso.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * One headless Debian Chromium per test JVM, driven by Playwright without its own browser download
 * (this network reaches only the package registries).
 */
public final class Browsers {

  private static Playwright playwright;
  private static Browser browser;

  private Browsers() {}

  /** A phone's context: 390 px wide, touch, Vietnamese. */
  public static Browser.NewContextOptions phone() {
    return new Browser.NewContextOptions()
        .setLocale("vi-VN")
        .setViewportSize(390, 844)
        .setIsMobile(true)
        .setHasTouch(true);
  }

  public static synchronized Browser chromium() {
    if (browser == null) {
      String path = chromiumPath();
      if (path == null) {
        // On CI the browser is installed by .ci/run and page tests must run; elsewhere say why not.
        if (System.getenv("CI") != null) {
          throw new IllegalStateException("Chromium is required on CI; .ci/run installs it");
        }
        Assumptions.abort("No chromium on PATH: install Debian's chromium to run page tests");
      }
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
      playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
      browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(Path.of(path))
                      .setArgs(
                          List.of(
                              "--headless",
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-quic",
                              "--no-first-run",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync")));
      Runtime.getRuntime().addShutdownHook(new Thread(Browsers::close));
    }
    return browser;
  }

  private static void close() {
    try {
      browser.close();
      playwright.close();
    } catch (RuntimeException e) {
      // the JVM is going away
    }
  }

  private static String chromiumPath() {
    String configured = System.getenv("CHROMIUM_PATH");
    if (configured != null && new File(configured).canExecute()) {
      return configured;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        File f = new File(dir, name);
        if (f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return null;
  }

  /** Signs in through the login page (an account without two-factor login) and lands home. */
  public static void signIn(
      com.microsoft.playwright.Page page, int port, String username, String password) {
    submitLogin(page, port, username, password);
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
        .containsText("Xin chào");
  }

  /**
   * Signs in an account that must enrol a second factor first (the principal, the data
   * administrator): enrols it with the shown secret and acknowledges the recovery codes.
   */
  public static void signInWithNewTwoFactor(
      com.microsoft.playwright.Page page, int port, String username, String password) {
    submitLogin(page, port, username, password);
    String secret = page.locator("#totp-secret").textContent().strip();
    page.getByLabel("Mã xác thực").fill(TotpCodes.now(secret));
    page.locator("button[type=submit]").click();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
            page.locator("#recovery-codes li"))
        .hasCount(10);
    page.locator("button[type=submit]").click();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
        .containsText("Xin chào");
  }

  private static void submitLogin(
      com.microsoft.playwright.Page page, int port, String username, String password) {
    page.navigate("http://localhost:" + port + "/login");
    page.getByLabel("Tên đăng nhập").fill(username);
    page.getByLabel("Mật khẩu").fill(password);
    page.locator("form button[type=submit]").click();
  }
}
