package vn.truongso.platform.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import tools.jackson.core.JacksonException;

/**
 * Backup files on disk: {@code NAME.zip} and beside it {@code NAME.zip.sha256} in the format of
 * {@code sha256sum}, so that an administrator can check a copy with standard tools too.
 */
public final class BackupFiles {

  private BackupFiles() {}

  /** A checked backup: its manifest and the SHA-256 of the whole file. */
  public record Checked(Manifest manifest, String sha256, long size) {}

  /**
   * Writes a backup of the database to {@code file} (mode 0600), through a temporary name so that a
   * crash never leaves a half-written file under the real name; encrypted when the seal has a
   * passphrase; with its {@code .sha256} and its {@code .mac} beside it.
   */
  public static Checked write(DataSource owner, Path file, Clock clock, BackupSeal seal) {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    Path plain = file.resolveSibling(file.getFileName() + ".plain.part");
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Manifest manifest;
      if (seal.encrypts()) {
        manifest = snapshot(owner, plain, clock, seal.secrets());
        try (InputStream in = Files.newInputStream(plain);
            OutputStream out = new BufferedOutputStream(ownerOnly(part), 1 << 16)) {
          BackupCrypto.encrypt(in, out, seal.passphrase());
        }
      } else {
        manifest = snapshot(owner, part, clock, java.util.Map.of());
      }
      String hash = sha256Of(part);
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(
          sidecar(file), hash + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
      Files.writeString(macFile(file), seal.mac(hash) + "\n", StandardCharsets.UTF_8);
      return new Checked(manifest, hash, Files.size(file));
    } catch (IOException e) {
      throw new BackupException(e, "backup.failed", e.getMessage());
    } finally {
      deleteQuietly(part);
      deleteQuietly(plain);
    }
  }

  private static Manifest snapshot(
      DataSource owner, Path target, Clock clock, java.util.Map<String, byte[]> secrets)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(ownerOnly(target), 1 << 16)) {
      return Snapshot.write(owner, out, clock, secrets);
    }
  }

  /** A new file readable and writable by its owner only: a backup holds every personal record. */
  static OutputStream ownerOnly(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    return Files.newOutputStream(file);
  }

  public static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + ".sha256");
  }

  public static Path macFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".mac");
  }

  /**
   * Reads every byte of the file back: the whole file against its {@code .sha256} when there is one
   * and against its {@code .mac} (a backup edited and re-hashed by someone without the key is
   * refused as forged), then, decrypted if it is encrypted, each table against the manifest's hash
   * and row count. Throws {@link BackupException} naming the first damage found.
   */
  public static Checked verify(Path file, BackupSeal seal) {
    String whole = authenticate(file, seal);
    try (Opened opened = open(file, seal)) {
      return new Checked(checkTables(opened.zip()), whole, Files.size(file));
    } catch (IOException e) {
      throw new BackupException(e, "backup.damaged.notZip", file.getFileName().toString());
    }
  }

  /** The backup's ZIP, decrypted into a private temporary file when it is encrypted. */
  public record Opened(Path zip, boolean temporary) implements AutoCloseable {
    @Override
    public void close() {
      if (temporary) {
        deleteQuietly(zip);
      }
    }
  }

  public static Opened open(Path file, BackupSeal seal) {
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(BackupCrypto.MAGIC.length);
      }
      if (!BackupCrypto.isEncrypted(head)) {
        return new Opened(file, false);
      }
      if (!seal.encrypts()) {
        throw new BackupException("backup.needsPassphrase", file.getFileName().toString());
      }
      Path plain = Files.createTempFile("truongso-restore", ".zip");
      try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
          OutputStream out = new BufferedOutputStream(ownerOnly(plain), 1 << 16)) {
        BackupCrypto.decrypt(in, out, seal.passphrase(), file.getFileName().toString());
      } catch (BackupException | IOException e) {
        deleteQuietly(plain);
        throw e;
      }
      return new Opened(plain, true);
    } catch (IOException e) {
      throw new BackupException(e, "backup.damaged.notZip", file.getFileName().toString());
    }
  }

  private static String authenticate(Path file, BackupSeal seal) {
    if (!Files.isRegularFile(file)) {
      throw new BackupException("backup.missing", file.toString());
    }
    try {
      String whole = sha256Of(file);
      Path sidecar = sidecar(file);
      if (Files.isRegularFile(sidecar)) {
        String expected =
            Files.readString(sidecar, StandardCharsets.UTF_8).strip().split("\\s+")[0];
        if (!expected.equalsIgnoreCase(whole)) {
          throw new BackupException("backup.damaged.file", file.getFileName().toString());
        }
      }
      Path mac = macFile(file);
      String stored =
          Files.isRegularFile(mac) ? Files.readString(mac, StandardCharsets.UTF_8) : null;
      if (!seal.macMatches(whole, stored)) {
        // An encrypted backup authenticates itself (AES-GCM): the passphrase stands for the key.
        if (!seal.encrypts() || !isEncrypted(file)) {
          // Not a backup at all (cut short, another program) says so; a backup that is one but
          // cannot be authenticated is forged.
          throw new BackupException(
              isEncrypted(file) || readableZip(file) ? "backup.forged" : "backup.damaged.notZip",
              file.getFileName().toString());
        }
      }
      return whole;
    } catch (IOException e) {
      throw new BackupException(e, "backup.damaged.notZip", file.getFileName().toString());
    }
  }

  private static boolean readableZip(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return zip.getEntry(Manifest.ENTRY) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isEncrypted(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return BackupCrypto.isEncrypted(in.readNBytes(BackupCrypto.MAGIC.length));
    }
  }

  private static Manifest checkTables(Path zipFile) throws IOException {
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      Manifest manifest = manifest(zip);
      for (Manifest.Table t : manifest.tables()) {
        ZipEntry entry = zip.getEntry(t.entry());
        if (entry == null) {
          throw new BackupException("backup.damaged.table", t.name());
        }
        try (InputStream in = zip.getInputStream(entry)) {
          Reading r = read(in);
          if (!r.sha256().equals(t.sha256()) || r.rows() != t.rows()) {
            throw new BackupException("backup.damaged.table", t.name());
          }
        }
      }
      return manifest;
    }
  }

  /** The secrets an encrypted backup carries (name → bytes); none in an unencrypted one. */
  static java.util.Map<String, byte[]> secrets(Path zipFile) throws IOException {
    java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().startsWith(Snapshot.SECRETS)) {
          try (InputStream in = zip.getInputStream(e)) {
            out.put(e.getName().substring(Snapshot.SECRETS.length()), in.readAllBytes());
          }
        }
      }
    }
    return out;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover .part is overwritten by the next backup
    }
  }

  static Manifest manifest(ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry(Manifest.ENTRY);
    if (entry == null) {
      throw new BackupException("backup.damaged.noManifest");
    }
    Manifest manifest;
    try (InputStream in = zip.getInputStream(entry)) {
      manifest = Snapshot.JSON.readValue(in, Manifest.class);
    } catch (JacksonException e) {
      throw new BackupException(e, "backup.damaged.noManifest");
    }
    if (!Manifest.FORMAT.equals(manifest.format())
        || manifest.tables() == null
        || manifest.schemaVersion() == null) {
      throw new BackupException("backup.damaged.format", String.valueOf(manifest.format()));
    }
    return manifest;
  }

  /** COPY text ends every row with a newline and escapes those inside values, so rows = lines. */
  record Reading(String sha256, long rows) {}

  static Reading read(InputStream in) throws IOException {
    MessageDigest digest = Snapshot.sha256();
    byte[] buffer = new byte[1 << 16];
    long rows = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      digest.update(buffer, 0, n);
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          rows++;
        }
      }
    }
    return new Reading(HexFormat.of().formatHex(digest.digest()), rows);
  }

  private static String sha256Of(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), Snapshot.sha256())) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }
}
