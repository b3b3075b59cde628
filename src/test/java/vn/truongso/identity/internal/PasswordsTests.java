package vn.truongso.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTests {

  private final Passwords passwords = new Passwords();

  @Test
  void theDecoyHashCostsWhatARealOneCosts() {
    // An unknown username is checked against the decoy; if its parameters (memory, iterations)
    // differed from new hashes, the answer's time would tell that the username does not exist.
    String real = passwords.hash("Một-mật-khẩu-thật-2026");
    assertThat(parameters(Passwords.DECOY)).isEqualTo(parameters(real));
    assertThat(passwords.matches("decoy-password-for-timing", Passwords.DECOY)).isTrue();
  }

  private static String parameters(String hash) {
    return hash.substring(0, hash.indexOf('$', hash.indexOf("m=")));
  }
}
