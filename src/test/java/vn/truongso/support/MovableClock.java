package vn.truongso.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The tests' clock. It never reads the calendar: it starts at {@link #ORIGIN} (a Tuesday of term I
 * of the 2026–27 school year, 09:00 in Vietnam) when the test JVM starts and advances with the
 * monotonic timer, so that the suite gives the same answers on any day of any year while later
 * events still come after earlier ones (audit order, TOTP steps, lock expiry). A test moves it to a
 * day with {@link #moveTo} and back with {@link #reset} in its {@code @AfterEach}.
 */
@Component
@Primary
public class MovableClock extends Clock {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The test run's "today" unless a test moves the clock. */
  public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  static final Instant ORIGIN = TODAY.atTime(9, 0).atZone(VIETNAM).toInstant();
  private static final long STARTED_NANOS = System.nanoTime();

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  /** The standard test time: {@link #ORIGIN} plus the time this JVM has been running tests. */
  public static Instant standardInstant() {
    return ORIGIN.plus(Duration.ofNanos(System.nanoTime() - STARTED_NANOS));
  }

  /** Noon of the day in Vietnam. */
  public void moveTo(LocalDate day) {
    fixed.set(day.atTime(LocalTime.NOON).atZone(VIETNAM).toInstant());
  }

  /** A moment of a day in Vietnam. */
  public void moveTo(LocalDateTime at) {
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
    return at == null ? standardInstant() : at;
  }
}
