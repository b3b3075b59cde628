package vn.truongso.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start in demo mode, fills the empty embedded database with the demo data. The web
 * server already listens by then: until the data is there, every page says that it is being
 * prepared ({@link DemoPreparingFilter}) instead of refusing the demo accounts' passwords.
 */
@Component
class DemoStartup implements ApplicationRunner {

  /** True from the start of the server until the demo data is ready (or needs no making). */
  static final java.util.concurrent.atomic.AtomicBoolean PREPARING =
      new java.util.concurrent.atomic.AtomicBoolean(false);

  private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
  private final DemoSettings settings;
  private final DemoData data;
  private final Environment env;

  DemoStartup(DemoSettings settings, DemoData data, Environment env) {
    this.settings = settings;
    this.data = data;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.enabled() || env.containsProperty("truongso.command") || data.present()) {
      PREPARING.set(false);
      return;
    }
    log.info("Demo mode: creating the demo data");
    try {
      data.create();
    } finally {
      PREPARING.set(false);
    }
    log.info("Demo data ready");
  }
}
