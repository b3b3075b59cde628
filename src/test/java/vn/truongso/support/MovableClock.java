package vn.truongso.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The tests' clock: the system's, until a test moves it to a day (and back with {@link #reset} in
 * its {@code @AfterEach}), so that deadlines can be passed without waiting for them.
 */
@Component
@Primary
public class MovableClock extends Clock {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  /** Noon of the day in Vietnam. */
  public void moveTo(LocalDate day) {
    fixed.set(day.atTime(LocalTime.NOON).atZone(VIETNAM).toInstant());
  }

  /** A moment of a day in Vietnam. */
  public void moveTo(java.time.LocalDateTime at) {
    fixed.set(at.atZone(VIETNAM).toInstant());
  }

  public void reset() {
    fixed.set(null);
  }

  @Override
  public ZoneId getZone() {
    return VIETNAM;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Instant at = fixed.get();
    return at == null ? Instant.now() : at;
  }
}
