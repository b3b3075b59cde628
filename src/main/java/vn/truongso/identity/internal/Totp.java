package vn.truongso.identity.internal;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import vn.truongso.identity.*;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps), as authenticator apps
 * use them. A code is accepted one step either side of now, and never for a step already used.
 */
@Component
public class Totp {

  public static final int PERIOD_SECONDS = 30;
  private static final String ISSUER = "TruongSo";

  private final Clock clock;
  private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
  private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

  Totp(Clock clock) {
    this.clock = clock;
  }

  public String newSecret() {
    return secrets.generate();
  }

  public long currentStep() {
    return clock.instant().getEpochSecond() / PERIOD_SECONDS;
  }

  public String codeAt(String secret, long step) {
    try {
      return generator.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The step at which the code is valid, if it is valid now and newer than {@code lastUsed}. */
  public OptionalLong verify(String secret, String code, Long lastUsed) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return OptionalLong.empty();
    }
    String c = code.strip();
    long now = currentStep();
    for (long step = now - 1; step <= now + 1; step++) {
      if ((lastUsed == null || step > lastUsed) && codeAt(secret, step).equals(c)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  public String otpauthUri(String secret, String username) {
    return qrData(secret, username).getUri();
  }

  /** A PNG QR code of the otpauth URI, as a data: URI for an img tag. */
  public String qrDataUri(String secret, String username) {
    try {
      ZxingPngQrGenerator png = new ZxingPngQrGenerator();
      png.setImageSize(220);
      byte[] image = png.generate(qrData(secret, username));
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
    } catch (QrGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static QrData qrData(String secret, String username) {
    return new QrData.Builder()
        .label(username)
        .secret(secret)
        .issuer(ISSUER)
        .algorithm(HashingAlgorithm.SHA1)
        .digits(6)
        .period(PERIOD_SECONDS)
        .build();
  }
}
