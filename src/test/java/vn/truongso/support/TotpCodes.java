package vn.truongso.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** What an authenticator app would show for a secret at the tests' time ({@link MovableClock}). */
public final class TotpCodes {

  private TotpCodes() {}

  public static String now(String secret) {
    return at(secret, MovableClock.standardInstant().getEpochSecond() / 30);
  }

  public static String at(String secret, long step) {
    try {
      return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException(e);
    }
  }
}
