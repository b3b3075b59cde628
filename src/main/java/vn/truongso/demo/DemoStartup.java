package vn.truongso.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** On the first start in demo mode, fills the empty embedded database with the demo data. */
@Component
class DemoStartup implements ApplicationRunner {

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
      return;
    }
    log.info("Demo mode: creating the demo data");
    data.create();
    log.info("Demo data ready");
  }
}
