package vn.truongso.platform.backup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How backups are authenticated and protected: an HMAC-SHA256 under a key that is never inside a
 * backup ({@code backup.key} in the data directory) over the file's SHA-256, kept beside the file
 * as {@code NAME.zip.mac}; and, with a passphrase ({@code TRUONGSO_BACKUP_PASSPHRASE}), the whole
 * file encrypted ({@link BackupCrypto}), carrying the secrets a restore needs on a new machine.
 *
 * @param macKey the authentication key
 * @param passphrase null for unencrypted backups
 * @param secrets entries carried inside encrypted backups only (name → bytes)
 */
public record BackupSeal(byte[] macKey, char[] passphrase, Map<String, byte[]> secrets) {

  public boolean encrypts() {
    return passphrase != null && passphrase.length > 0;
  }

  String mac(String sha256) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(macKey, "HmacSHA256"));
      return "hmac-sha256:"
          + HexFormat.of().formatHex(m.doFinal(sha256.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean macMatches(String sha256, String stored) {
    return stored != null
        && MessageDigest.isEqual(
            mac(sha256).getBytes(StandardCharsets.US_ASCII),
            stored.strip().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "BackupSeal[encrypts=" + encrypts() + "]";
  }
}
