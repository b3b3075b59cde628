package vn.truongso.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import vn.truongso.identity.*;

/**
 * Seals small secrets (TOTP keys) with AES-256-GCM before they are stored, so that a copy of the
 * database alone does not give away anyone's second factor. The key lives in a file beside the data
 * (created on first start), or only in memory when no file is configured (tests).
 */
@Component
public class SecretBox {

  private static final int IV_BYTES = 12;
  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  SecretBox(IdentityProperties props) {
    this.key = new SecretKeySpec(loadOrCreate(props.secretKeyFile()), "AES");
  }

  public String seal(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String open(String sealed) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
      return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed secret could not be opened", e);
    }
  }

  private byte[] loadOrCreate(String file) {
    if (file == null || file.isBlank()) {
      byte[] k = new byte[32];
      random.nextBytes(k);
      return k;
    }
    try {
      Path path = Path.of(file);
      if (Files.exists(path)) {
        return Base64.getDecoder().decode(Files.readString(path).strip());
      }
      byte[] k = new byte[32];
      random.nextBytes(k);
      Files.createDirectories(path.toAbsolutePath().getParent());
      Files.writeString(path, Base64.getEncoder().encodeToString(k));
      try {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; the directory's own permissions protect it
      }
      return k;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
    }
  }
}
