package vn.truongso.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Anchors each school's audit chain outside the database: every {@code every}-th entry, and each
 * hour, a line (school, sequence number, hash, time) authenticated with an HMAC-SHA256 key that is
 * not in the database is appended to {@code audit-checkpoints.log} in the data directory. The
 * database owner can rewrite the chain and recompute every later hash, or cut its newest entries,
 * but cannot make the checkpoints agree: {@code verify-audit} compares the chain with them.
 */
@Component
public class AuditCheckpoints implements vn.truongso.platform.BackupSecret {

  static final String FILE = "audit-checkpoints.log";
  static final String KEY_FILE = "audit-checkpoint.key";
  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

  private final Path file;
  private final Path keyFile;
  private volatile byte[] key;
  private final int every;
  private final Clock clock;
  private final Map<Long, Long> lastAnchored = new ConcurrentHashMap<>();

  AuditCheckpoints(
      @Value("${truongso.audit.checkpoint-dir:${truongso.db.data-dir:}}") String dir,
      @Value("${truongso.audit.checkpoint-every:50}") int every,
      Clock clock) {
    Path d = directory(dir);
    this.file = d.resolve(FILE);
    this.keyFile = d.resolve(KEY_FILE);
    this.key = loadOrCreateKey(keyFile);
    this.every = every;
    this.clock = clock;
    read().stream()
        .filter(Checkpoint::authentic)
        .forEach(c -> lastAnchored.merge(c.chain(), c.seq(), Math::max));
  }

  /** One line of the file; {@code authentic} when its HMAC is right. */
  public record Checkpoint(
      long chain, long seq, String hash, long epochSecond, boolean authentic) {}

  /** Called as an entry is written: anchors it after commit when it is an N-th entry. */
  void entryWritten(long chain, long seq, String hash) {
    if (every <= 0 || seq % every != 0) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              append(chain, seq, hash);
            }
          });
    } else {
      append(chain, seq, hash);
    }
  }

  /** Anchors a chain's head if it moved since its last checkpoint (the hourly anchor). */
  public void anchorIfMoved(long chain, long seq, String hash) {
    if (seq > lastAnchored.getOrDefault(chain, 0L)) {
      append(chain, seq, hash);
    }
  }

  synchronized void append(long chain, long seq, String hash) {
    long at = clock.instant().getEpochSecond();
    String body = "v1 " + chain + " " + seq + " " + hash + " " + at;
    String line = body + " " + mac(body) + "\n";
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
      ch.force(false);
      lastAnchored.merge(chain, seq, Math::max);
    } catch (IOException e) {
      // The entry itself is committed; a missing checkpoint only weakens the later check.
      log.error("Could not write an audit checkpoint to {}: {}", file, e.getMessage());
    }
  }

  /** Every line of the file, in order, with its authenticity. */
  public List<Checkpoint> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Checkpoint> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] p = line.strip().split(" ");
        if (p.length != 6 || !p[0].equals("v1")) {
          out.add(new Checkpoint(-1, 0, "", 0, false));
          continue;
        }
        String body = String.join(" ", p[0], p[1], p[2], p[3], p[4]);
        boolean ok =
            MessageDigest.isEqual(
                mac(body).getBytes(StandardCharsets.US_ASCII),
                p[5].getBytes(StandardCharsets.US_ASCII));
        try {
          out.add(
              new Checkpoint(
                  Long.parseLong(p[1]), Long.parseLong(p[2]), p[3], Long.parseLong(p[4]), ok));
        } catch (NumberFormatException e) {
          out.add(new Checkpoint(-1, 0, "", 0, false));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    return out;
  }

  /** The file's bytes as they are, for backups. */
  public byte[] fileBytes() {
    try {
      return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file() {
    return file;
  }

  // ---- carried inside encrypted backups: the key and the file, so that a restore elsewhere
  // keeps checking the restored chains against their checkpoints

  @Override
  public String name() {
    return "audit-checkpoints";
  }

  /** The 32-byte key followed by the file. */
  @Override
  public synchronized byte[] current() {
    byte[] log = fileBytes();
    byte[] out = new byte[key.length + log.length];
    System.arraycopy(key, 0, out, 0, key.length);
    System.arraycopy(log, 0, out, key.length, log.length);
    return out;
  }

  @Override
  public synchronized void restored(byte[] bytes) {
    try {
      byte[] k = java.util.Arrays.copyOf(bytes, 32);
      Files.write(keyFile, k);
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      Files.write(file, java.util.Arrays.copyOfRange(bytes, 32, bytes.length));
      key = k;
      lastAnchored.clear();
      read().stream()
          .filter(Checkpoint::authentic)
          .forEach(c -> lastAnchored.merge(c.chain(), c.seq(), Math::max));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not restore the audit checkpoints", e);
    }
  }

  /** Without its key the old installation's checkpoints cannot be checked: the file starts anew. */
  @Override
  public java.util.List<String> lost(javax.sql.DataSource restored) {
    return java.util.List.of();
  }

  private String mac(String body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(m.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path directory(String dir) {
    try {
      if (dir == null || dir.isBlank()) {
        // Tests' throw-away database: a throw-away directory beside it.
        return Files.createTempDirectory("truongso-audit");
      }
      Path d = Path.of(dir).toAbsolutePath();
      Files.createDirectories(d);
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] loadOrCreateKey(Path keyFile) {
    try {
      if (Files.exists(keyFile)) {
        return Files.readAllBytes(keyFile);
      }
      byte[] k = new byte[32];
      new SecureRandom().nextBytes(k);
      try {
        Files.createFile(
            keyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return Files.readAllBytes(keyFile);
      }
      Files.write(keyFile, k);
      return k;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + keyFile, e);
    }
  }
}
