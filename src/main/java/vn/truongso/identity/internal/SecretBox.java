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
public class SecretBox implements vn.truongso.platform.BackupSecret {

  private static final int IV_BYTES = 12;
  private final SecureRandom random = new SecureRandom();
  private final String keyFile;
  private volatile SecretKeySpec key;

  SecretBox(IdentityProperties props) {
    this.keyFile = props.secretKeyFile();
    this.key = new SecretKeySpec(loadOrCreate(keyFile), "AES");
  }

  @Override
  public String name() {
    return "totp-secret.key";
  }

  @Override
  public byte[] current() {
    return key.getEncoded();
  }

  /** Only ever into an empty database (a restore), so nothing sealed with the old key is lost. */
  @Override
  public void restored(byte[] bytes) {
    if (keyFile != null && !keyFile.isBlank()) {
      try {
        Path path = Path.of(keyFile);
        Files.writeString(path, Base64.getEncoder().encodeToString(bytes));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("Could not write " + keyFile, e);
      }
    }
    key = new SecretKeySpec(bytes.clone(), "AES");
  }

  /**
   * Without the key the restored TOTP secrets cannot be opened: two-factor sign-in is switched off
   * for those accounts, so that they enrol again at their next sign-in (the roles that require it
   * are sent to enrolment), instead of every code failing with an error.
   */
  @Override
  public java.util.List<String> lost(javax.sql.DataSource restored) {
    return org.springframework.jdbc.core.simple.JdbcClient.create(restored)
        .sql(
            """
            UPDATE account SET totp_enabled = false, totp_secret = NULL, totp_last_step = NULL
            WHERE totp_enabled OR totp_secret IS NOT NULL RETURNING username
            """)
        .query(String.class)
        .list();
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
