package vn.truongso.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Demo mode is on when asked for and the database is the embedded one. */
@Component
class DemoSettings {

  static final String PASSWORD = "TruongSo@2026";

  /** The authenticator secret shared by demo accounts that must use two-factor login. */
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  /** The PIN of every demo signing certificate (issued by the demo CA, of no legal value). */
  static final String SIGNING_PIN = "123456";

  private final Environment env;

  DemoSettings(Environment env) {
    this.env = env;
  }

  boolean enabled() {
    String url = env.getProperty("truongso.db.url", "");
    return env.getProperty("truongso.demo.enabled", Boolean.class, false) && url.isBlank();
  }

  boolean externalDatabase() {
    return !env.getProperty("truongso.db.url", "").isBlank();
  }
}
