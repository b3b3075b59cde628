package vn.truongso.platform.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded server's two passwords (the superuser that owns the schema, the application's role),
 * made at random on first start and kept in {@code db-secrets.properties} in the data directory,
 * readable by its owner only (0600). Never logged.
 */
public record DatabaseSecrets(String ownerPassword, String appPassword) {

  static final String FILE = "db-secrets.properties";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String toString() {
    return "DatabaseSecrets[hidden]";
  }

  static DatabaseSecrets generate() {
    return new DatabaseSecrets(randomPassword(), randomPassword());
  }

  static DatabaseSecrets loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        DatabaseSecrets made = generate();
        Properties p = new Properties();
        p.setProperty("owner", made.ownerPassword());
        p.setProperty("app", made.appPassword());
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
          return read(file);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          p.store(w, "TruongSo embedded PostgreSQL passwords: keep secret");
        }
        return made;
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + file, e);
    }
  }

  private static DatabaseSecrets read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    String owner = p.getProperty("owner");
    String app = p.getProperty("app");
    if (owner == null || app == null || owner.isBlank() || app.isBlank()) {
      throw new IllegalStateException(
          file + " is damaged: it must name the owner and app passwords");
    }
    return new DatabaseSecrets(owner, app);
  }

  private static String randomPassword() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
