package vn.truongso.platform.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Backup encryption with a passphrase: AES-256-GCM under a key from PBKDF2-HMAC-SHA256 (600 000
 * iterations, random 16-byte salt), the file cut into 1 MiB segments each sealed on its own (the
 * "STREAM" construction of streaming AEADs: nonce = random prefix ‖ segment number, the header and
 * a last-segment flag authenticated with every segment), so that a file of any size is read in
 * constant memory and any change, reordering or truncation is refused. Nothing home-made but the
 * framing: the cipher, the KDF and the mode are the JDK's.
 */
final class BackupCrypto {

  static final byte[] MAGIC = "TRUONGSO-BACKUP-AES256GCM-1\n".getBytes(StandardCharsets.US_ASCII);
  static final int ITERATIONS = 600_000;
  private static final int SEGMENT = 1 << 20;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private BackupCrypto() {}

  /** Whether the file starts with the encrypted container's magic. */
  static boolean isEncrypted(byte[] head) {
    return head.length >= MAGIC.length
        && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  static void encrypt(InputStream plain, OutputStream out, char[] passphrase) throws IOException {
    byte[] salt = new byte[16];
    byte[] prefix = new byte[7];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(prefix);
    byte[] header = header(salt, ITERATIONS, prefix);
    out.write(header);
    SecretKeySpec key = key(passphrase, salt, ITERATIONS);
    DataOutputStream data = new DataOutputStream(out);
    byte[] current = plain.readNBytes(SEGMENT);
    long index = 0;
    while (true) {
      byte[] next = current.length < SEGMENT ? new byte[0] : plain.readNBytes(SEGMENT);
      boolean last = next.length == 0;
      byte[] sealed = seal(Cipher.ENCRYPT_MODE, key, prefix, header, index, last, current);
      data.writeInt(sealed.length);
      data.write(sealed);
      if (last) {
        break;
      }
      current = next;
      index++;
    }
    data.flush();
  }

  /** Decrypts the container; a wrong passphrase, a change or a cut is a {@link BackupException}. */
  static void decrypt(InputStream in, OutputStream plain, char[] passphrase, String name)
      throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] magic = data.readNBytes(MAGIC.length);
    if (!isEncrypted(magic)) {
      throw new BackupException("backup.damaged.notZip", name);
    }
    byte[] salt = data.readNBytes(16);
    int iterations = data.readInt();
    byte[] prefix = data.readNBytes(7);
    if (salt.length != 16
        || prefix.length != 7
        || iterations < 100_000
        || iterations > 10_000_000) {
      throw new BackupException("backup.forged", name);
    }
    byte[] header = header(salt, iterations, prefix);
    SecretKeySpec key = key(passphrase, salt, iterations);
    long index = 0;
    boolean sawLast = false;
    while (!sawLast) {
      int length;
      try {
        length = data.readInt();
      } catch (EOFException cut) {
        throw new BackupException("backup.forged", name);
      }
      if (length < 16 || length > SEGMENT + 16) {
        throw new BackupException("backup.forged", name);
      }
      byte[] sealed = data.readNBytes(length);
      if (sealed.length != length) {
        throw new BackupException("backup.forged", name);
      }
      byte[] opened;
      try {
        opened = seal(Cipher.DECRYPT_MODE, key, prefix, header, index, false, sealed);
      } catch (BackupException notLast) {
        opened = seal(Cipher.DECRYPT_MODE, key, prefix, header, index, true, sealed);
        sawLast = true;
      }
      plain.write(opened);
      index++;
    }
    if (data.read() != -1) {
      throw new BackupException("backup.forged", name);
    }
  }

  private static byte[] header(byte[] salt, int iterations, byte[] prefix) {
    return ByteBuffer.allocate(MAGIC.length + 16 + 4 + 7)
        .put(MAGIC)
        .put(salt)
        .putInt(iterations)
        .put(prefix)
        .array();
  }

  private static byte[] seal(
      int mode,
      SecretKeySpec key,
      byte[] prefix,
      byte[] header,
      long index,
      boolean last,
      byte[] in) {
    try {
      byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) index).put((byte) 0).array();
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(header);
      c.updateAAD(ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
      return c.doFinal(in);
    } catch (AEADBadTagException e) {
      throw new BackupException("backup.forged", "");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SecretKeySpec key(char[] passphrase, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
      byte[] k =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      spec.clearPassword();
      return new SecretKeySpec(k, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
