package vn.truongso.platform.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock: every module asks it for "now", so tests can move time. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

  static final ZoneId VIETNAM = WallClock.VIETNAM;

  @Bean
  Clock clock() {
    return WallClock.vietnam();
  }
}
