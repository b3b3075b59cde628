package vn.truongso.identity.internal;

import java.security.SecureRandom;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.truongso.identity.*;

/**
 * Argon2id hashing (Spring Security's 5.8 defaults: 16 MiB, 2 iterations) and one-time passwords.
 */
@Component
public class Passwords {

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private final Argon2PasswordEncoder encoder =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private final SecureRandom random = new SecureRandom();
  // A hash of nothing in particular, checked when the username is unknown so that the answer takes
  // as long as for a known one. Made once with the same parameters and written here, because
  // hashing it at every start cost a quarter of a second of start-up.
  static final String DECOY =
      "$argon2id$v=19$m=16384,t=2,p=1$QMlyCC3YFueYxIkRCUK1QQ$Is/2DP0NwCfeliaq98zrwpq1no4qqvEw4eRNY+ZgK6Q";

  public String hash(String password) {
    return encoder.encode(password);
  }

  public boolean matches(String password, String hash) {
    return password != null && encoder.matches(password, hash);
  }

  public void burnTime(String password) {
    encoder.matches(password == null ? "" : password, DECOY);
  }

  /** A one-time password shown once to the administrator: 12 characters, no look-alikes. */
  public String oneTime() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** A recovery code like {@code 7KQ4-M2XP}. */
  public String recoveryCode() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        s.append('-');
      }
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
