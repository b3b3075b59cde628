package vn.truongso.messaging.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import vn.truongso.platform.UserInputException;

/** The rules of a message and of its delivery: pure functions, tested by table. */
public final class MessageRules {

  public static final int MAX_TITLE = 150;
  public static final int MAX_BODY = 5000;
  public static final int MAX_POST = 2000;

  /** Attempts of one delivery before it is given up as failed. */
  public static final int MAX_ATTEMPTS = 12;

  /** First wait after a failure; each later one doubles, up to {@link #MAX_WAIT}. */
  static final Duration FIRST_WAIT = Duration.ofMinutes(1);

  static final Duration MAX_WAIT = Duration.ofHours(2);

  private MessageRules() {}

  /** What a message is; urgent and health notices reach families even in quiet hours. */
  public enum Kind {
    NOTICE(false),
    URGENT(true),
    HEALTH(true),
    SUMMARY(false),
    ABSENCE(false);

    private final boolean urgent;

    Kind(boolean urgent) {
      this.urgent = urgent;
    }

    public boolean urgent() {
      return urgent;
    }
  }

  /** The channels besides the in-app inbox. */
  public enum Channel {
    EMAIL,
    PUSH,
    SMS,
    ZALO
  }

  /** A title and body as typed, trimmed; refused with the field's message when empty or long. */
  public static Text text(@Nullable String title, @Nullable String body) {
    String t = title == null ? "" : title.strip();
    String b = body == null ? "" : body.strip();
    if (t.isEmpty() || t.length() > MAX_TITLE) {
      throw new UserInputException("title", "messaging.error.title", MAX_TITLE);
    }
    if (b.isEmpty() || b.length() > MAX_BODY) {
      throw new UserInputException("body", "messaging.error.body", MAX_BODY);
    }
    return new Text(t, b);
  }

  /** A post in a conversation, trimmed; refused when empty or longer than {@link #MAX_POST}. */
  public static String post(@Nullable String body) {
    String b = body == null ? "" : body.strip();
    if (b.isEmpty() || b.length() > MAX_POST) {
      throw new UserInputException("body", "messaging.error.post", MAX_POST);
    }
    return b;
  }

  public record Text(String title, String body) {}

  /**
   * The wait before attempt {@code attempts + 1} after {@code attempts} failed ones: 1, 2, 4 …
   * minutes, never more than two hours.
   */
  public static Duration backOff(int attempts) {
    if (attempts <= 1) {
      return FIRST_WAIT;
    }
    int doublings = Math.min(attempts - 1, 16);
    Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /**
   * When a message that is not urgent may go to a phone (push, SMS, Zalo): now, or at the end of
   * the quiet hours it falls in. Quiet hours may span midnight ({@code 21:00–06:30}); equal ends
   * mean none.
   */
  public static Instant notBeforeQuietEnd(
      Instant now, ZoneId zone, LocalTime quietFrom, LocalTime quietUntil) {
    if (quietFrom.equals(quietUntil)) {
      return now;
    }
    ZonedDateTime local = now.atZone(zone);
    LocalTime t = local.toLocalTime();
    boolean spansMidnight = quietFrom.isAfter(quietUntil);
    boolean quiet =
        spansMidnight
            ? !t.isBefore(quietFrom) || t.isBefore(quietUntil)
            : !t.isBefore(quietFrom) && t.isBefore(quietUntil);
    if (!quiet) {
      return now;
    }
    ZonedDateTime end = local.with(quietUntil);
    if (spansMidnight && !t.isBefore(quietFrom)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }

  /** Whether a push service's answer means the subscription has ended (RFC 8030 §7.3). */
  public static boolean subscriptionGone(int httpStatus) {
    return httpStatus == 404 || httpStatus == 410;
  }

  /** Whether a failure is worth trying again (the service or the network, not the request). */
  public static boolean retryable(int httpStatus) {
    return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
  }
}
