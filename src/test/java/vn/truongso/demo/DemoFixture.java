package vn.truongso.demo;

import org.springframework.stereotype.Component;

/** Makes sure the demo data exists in the tests' database (created once per test JVM). */
@Component
public class DemoFixture {

  public static final String PASSWORD = DemoSettings.PASSWORD;
  public static final String TOTP_SECRET = DemoSettings.TOTP_SECRET;

  private final DemoData data;

  DemoFixture(DemoData data) {
    this.data = data;
  }

  public synchronized void ensure() {
    if (!data.present()) {
      data.create();
    }
  }
}
