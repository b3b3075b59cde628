package vn.truongso.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.platform.UserInputException;

/**
 * The rules of delivery: the wait between attempts, the quiet hours (no push, SMS or Zalo that is
 * not urgent at night, Vietnam time), what a push service's answer means (RFC 8030 §7.3: 404 and
 * 410 end a subscription), and the limits of a message's text.
 */
class MessageRulesTests {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @ParameterizedTest(name = "after {0} failed attempts wait {1} min")
  @CsvSource({"0, 1", "1, 1", "2, 2", "3, 4", "4, 8", "7, 64", "8, 120", "12, 120", "40, 120"})
  void theWaitDoublesUpToTwoHours(int attempts, long minutes) {
    assertThat(MessageRules.backOff(attempts)).isEqualTo(Duration.ofMinutes(minutes));
  }

  @ParameterizedTest(name = "{0} with quiet hours {1}-{2}: not before {3}")
  @CsvSource({
    // local time,       from,  until, not before (local)
    "2026-12-01T20:59, 21:00, 06:30, 2026-12-01T20:59",
    "2026-12-01T21:00, 21:00, 06:30, 2026-12-02T06:30",
    "2026-12-01T23:45, 21:00, 06:30, 2026-12-02T06:30",
    "2026-12-02T00:10, 21:00, 06:30, 2026-12-02T06:30",
    "2026-12-02T06:29, 21:00, 06:30, 2026-12-02T06:30",
    "2026-12-02T06:30, 21:00, 06:30, 2026-12-02T06:30",
    "2026-12-31T22:00, 21:00, 06:30, 2027-01-01T06:30",
    // quiet hours inside one day (a siesta), and none at all
    "2026-12-01T12:15, 11:30, 13:30, 2026-12-01T13:30",
    "2026-12-01T13:30, 11:30, 13:30, 2026-12-01T13:30",
    "2026-12-01T23:00, 00:00, 00:00, 2026-12-01T23:00"
  })
  void phonesWaitForTheEndOfTheQuietHours(
      LocalDateTime at, LocalTime from, LocalTime until, LocalDateTime expected) {
    Instant now = at.atZone(VN).toInstant();
    assertThat(MessageRules.notBeforeQuietEnd(now, VN, from, until))
        .isEqualTo(expected.atZone(VN).toInstant());
  }

  @ParameterizedTest(name = "HTTP {0}: gone {1}, retry {2}")
  @CsvSource({
    "201, false, false",
    "400, false, false",
    "403, false, false",
    "404, true, false",
    "410, true, false",
    "413, false, false",
    "429, false, true",
    "500, false, true",
    "503, false, true",
    "0, false, true"
  })
  void aPushServicesAnswer(int status, boolean gone, boolean retry) {
    assertThat(MessageRules.subscriptionGone(status)).isEqualTo(gone);
    assertThat(MessageRules.retryable(status)).isEqualTo(retry);
  }

  @ParameterizedTest(name = "title {0} chars, body {1} chars: {2}")
  @CsvSource({
    "1, 1, ''",
    "150, 5000, ''",
    "0, 10, messaging.error.title",
    "151, 10, messaging.error.title",
    "10, 0, messaging.error.body",
    "10, 5001, messaging.error.body"
  })
  void aNoticesText(int title, int body, String refusal) {
    if (refusal.isEmpty()) {
      MessageRules.Text t = MessageRules.text(" " + "T".repeat(title) + " ", "B".repeat(body));
      assertThat(t.title()).hasSize(title);
      assertThat(t.body()).hasSize(body);
    } else {
      assertThatThrownBy(() -> MessageRules.text("T".repeat(title), "B".repeat(body)))
          .isInstanceOf(UserInputException.class)
          .extracting(e -> ((UserInputException) e).messageKey())
          .isEqualTo(refusal);
    }
  }

  @ParameterizedTest(name = "a post of {0} chars: {1}")
  @CsvSource({"1, true", "2000, true", "0, false", "2001, false"})
  void aPostsText(int length, boolean accepted) {
    if (accepted) {
      assertThat(MessageRules.post("x".repeat(length))).hasSize(length);
    } else {
      assertThatThrownBy(() -> MessageRules.post("  " + "x".repeat(length)))
          .isInstanceOf(UserInputException.class);
    }
  }
}
