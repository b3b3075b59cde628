package vn.truongso.platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.truongso.platform.BackupSecret;

/**
 * Builds the {@link BackupSeal} of this installation: the authentication key from {@code
 * backup.key} in the data directory (created 0600 on first use; never inside a backup), the
 * passphrase from {@code TRUONGSO_BACKUP_PASSPHRASE}, and the secrets encrypted backups carry.
 */
@Component
public class BackupSeals {

  /** Tests' throw-away installations share one key per JVM, as one data directory would. */
  private static final byte[] NO_DATA_DIR_KEY = random();

  private final String dataDir;
  private final String passphrase;
  private final List<BackupSecret> secrets;

  BackupSeals(
      @Value("${truongso.db.data-dir:}") String dataDir,
      @Value("${truongso.backup.passphrase:}") String passphrase,
      List<BackupSecret> secrets) {
    this.dataDir = dataDir;
    this.passphrase = passphrase;
    this.secrets = secrets;
  }

  public BackupSeal seal() {
    char[] p = passphrase == null || passphrase.isBlank() ? null : passphrase.toCharArray();
    Map<String, byte[]> carried = new LinkedHashMap<>();
    if (p != null) {
      secrets.forEach(s -> carried.put(s.name(), s.current()));
    }
    return new BackupSeal(macKey(), p, carried);
  }

  public List<BackupSecret> secrets() {
    return secrets;
  }

  private byte[] macKey() {
    if (dataDir == null || dataDir.isBlank()) {
      return NO_DATA_DIR_KEY;
    }
    Path file = Path.of(dataDir).toAbsolutePath().resolve("backup.key");
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      Files.createDirectories(file.getParent());
      byte[] k = random();
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return Files.readAllBytes(file);
      }
      Files.write(file, k);
      return k;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + file, e);
    }
  }

  private static byte[] random() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }
}
