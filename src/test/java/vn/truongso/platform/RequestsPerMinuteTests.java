package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.truongso.support.MovableClock;

/** An open endpoint's per-address limit: a minute's quota, then refusals until the next one. */
class RequestsPerMinuteTests {

  @Test
  void anAddressOverItsMinuteIsRefusedUntilTheNextMinute() {
    MovableClock clock = new MovableClock();
    clock.moveTo(LocalDateTime.of(2026, 12, 1, 9, 0, 10));
    RequestsPerMinute limit = new RequestsPerMinute(clock, 3);
    assertThat(limit.allow("192.0.2.1")).isTrue();
    assertThat(limit.allow("192.0.2.1")).isTrue();
    assertThat(limit.allow("192.0.2.1")).isTrue();
    assertThat(limit.allow("192.0.2.1")).isFalse();
    assertThat(limit.allow("192.0.2.2")).as("another address has its own quota").isTrue();
    clock.moveTo(LocalDateTime.of(2026, 12, 1, 9, 1, 0));
    assertThat(limit.allow("192.0.2.1")).isTrue();
  }
}
