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
   * Writes a backup of the database to {@code file}, through a temporary name so that a crash never
   * leaves a half-written file under the real name.
   */
  public static Checked write(DataSource owner, Path file, Clock clock) {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Manifest manifest;
      String hash;
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
          Snapshot.Hashing out = new Snapshot.Hashing(raw)) {
        manifest = Snapshot.write(owner, out, clock);
        hash = out.hex();
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(
          sidecar(file), hash + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
      return new Checked(manifest, hash, Files.size(file));
    } catch (IOException e) {
      throw new BackupException(e, "backup.failed", e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        // the next backup overwrites it
      }
    }
  }

  public static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + ".sha256");
  }

  /**
   * Reads every byte of the file back: the whole file against its {@code .sha256} when there is
   * one, each table against the manifest's hash and row count. Throws {@link BackupException}
   * naming the first damage found.
   */
  public static Checked verify(Path file) {
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
      try (ZipFile zip = new ZipFile(file.toFile())) {
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
        return new Checked(manifest, whole, Files.size(file));
      }
    } catch (IOException e) {
      // Not a ZIP, cut short, or a deflated block that no longer inflates.
      throw new BackupException(e, "backup.damaged.notZip", file.getFileName().toString());
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
