package vn.truongso.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The password rules of the foundation issue and the seeds ("thường xuyên thay đổi mật khẩu"). */
class PasswordPolicyTests {

  @ParameterizedTest(name = "{1}: {3}")
  @CsvFileSource(resources = "/identity/password-policy.csv", nullValues = "")
  void refusesWeakPasswords(String username, String password, String expected, String why) {
    assertThat(PasswordPolicy.violation(username, password).orElse(null))
        .as(why)
        .isEqualTo(expected);
  }

  @Test
  void aPasswordExpiresAfterTheMaximumAge() {
    PasswordPolicy policy = new PasswordPolicy(Duration.ofDays(90));
    Instant changed = Instant.parse("2026-08-24T00:00:00Z");
    assertThat(policy.expired(changed, changed.plus(Duration.ofDays(90)))).isFalse();
    assertThat(policy.expired(changed, changed.plus(Duration.ofDays(90)).plusSeconds(1))).isTrue();
  }

  @Test
  void aZeroMaximumAgeNeverExpires() {
    PasswordPolicy policy = new PasswordPolicy(Duration.ZERO);
    assertThat(policy.expired(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).isFalse();
  }
}
