package vn.truongso.platform.time;

import java.time.Clock;
import java.time.ZoneId;

/** The machine's clock in Vietnam's time zone: the bean's source, and a standalone command's. */
public final class WallClock {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private WallClock() {}

  public static Clock vietnam() {
    return Clock.system(VIETNAM);
  }
}
