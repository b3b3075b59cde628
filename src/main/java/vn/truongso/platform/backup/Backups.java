package vn.truongso.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Formats;

/**
 * The server's backups in its backup directory: made on schedule or on the data administrator's
 * request, each read back and checked as soon as it is written, older scheduled ones pruned.
 */
@Service
@EnableConfigurationProperties(BackupSettings.class)
public class Backups {

  static final Pattern NAME = Pattern.compile("truongso-\\d{8}-\\d{6}\\.zip");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** One backup at a time across every server on the database. */
  private static final long ADVISORY_KEY = 0x7472756f6e67L;

  private final DataSource owner;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final BackupSettings settings;
  private final Clock clock;
  private final BackupSeals seals;
  private final ReentrantLock running = new ReentrantLock();

  Backups(
      @Qualifier("ownerDataSource") DataSource owner,
      JdbcClient jdbc,
      TransactionTemplate tx,
      AuditLog audit,
      BackupSettings settings,
      Clock clock,
      BackupSeals seals) {
    this.owner = owner;
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.seals = seals;
  }

  /** A backup file in the directory, with what is known of it. */
  public record Listed(
      String name,
      Instant createdAt,
      long size,
      String madeBy,
      String schemaVersion,
      Integer tables,
      Long rows,
      Instant verifiedAt,
      Boolean verifiedOk,
      String problemKey,
      String problemArg) {

    /** A file in the directory that the server has no row for: copied in, or never recorded. */
    static Listed unrecorded(String name, long size) {
      return new Listed(name, null, size, null, null, null, null, null, null, null, null);
    }

    /** The same file with the outcome of the check just made. */
    Listed checked(Instant at, boolean ok, String problemKey, String problemArg) {
      return new Listed(
          name,
          createdAt,
          size,
          madeBy,
          schemaVersion,
          tables,
          rows,
          at,
          ok,
          problemKey,
          problemArg);
    }

    /** The damage's message arguments, for the page. */
    public Object[] problemArgs() {
      return new Object[] {problemArg};
    }
  }

  public Path dir() {
    return settings.dir().toAbsolutePath();
  }

  /**
   * Backs up now into the directory, reads the file back, records and audits it; {@code madeBy}
   * names the schedule or the person who asked.
   */
  public Listed backUp(String madeBy) {
    if (!running.tryLock()) {
      throw new BackupException("backup.busy");
    }
    try (var c = owner.getConnection()) {
      if (!advisoryLock(c)) {
        throw new BackupException("backup.busy");
      }
      try {
        Path file = freshName();
        BackupSeal seal = seals.seal();
        BackupFiles.write(owner, file, clock, seal);
        BackupFiles.Checked checked = BackupFiles.verify(file, seal);
        Manifest m = checked.manifest();
        tx.executeWithoutResult(
            s -> {
              jdbc.sql(
                      """
                      INSERT INTO backup_file (name, created_at, made_by, size_bytes, sha256,
                        schema_version, table_count, row_count, verified_at, verified_ok)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                      """)
                  .params(
                      file.getFileName().toString(),
                      Timestamp.from(m.createdAt()),
                      madeBy,
                      checked.size(),
                      checked.sha256(),
                      m.schemaVersion(),
                      m.tables().size(),
                      m.rows(),
                      Timestamp.from(clock.instant()))
                  .update();
              audit.record(
                  AuditEvent.of(
                          null, "platform.backup.created", "backup", file.getFileName().toString())
                      .after(
                          Map.of(
                              "sha256", checked.sha256(),
                              "size", checked.size(),
                              "rows", m.rows(),
                              "schemaVersion", m.schemaVersion(),
                              "madeBy", madeBy)));
            });
        prune();
        return find(file.getFileName().toString()).orElseThrow();
      } finally {
        advisoryUnlock(c);
      }
    } catch (java.sql.SQLException e) {
      throw new BackupException(e, "backup.failed", e.getMessage());
    } finally {
      running.unlock();
    }
  }

  /** Reads a listed file back in full and records the outcome. */
  public Listed verify(String name) {
    Path file = fileNamed(name);
    String key = null;
    String arg = null;
    BackupFiles.Checked checked = null;
    try {
      checked = BackupFiles.verify(file, seals.seal());
    } catch (BackupException e) {
      key = e.key();
      arg = e.args().length > 0 ? String.valueOf(e.args()[0]) : null;
    }
    BackupFiles.Checked ok = checked;
    String problemKey = key;
    String problemArg = arg;
    tx.executeWithoutResult(
        s -> {
          if (ok != null) {
            Manifest m = ok.manifest();
            jdbc.sql(
                    """
                    INSERT INTO backup_file (name, created_at, made_by, size_bytes, sha256,
                      schema_version, table_count, row_count)
                    VALUES (?, ?, '', ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING
                    """)
                .params(
                    name,
                    Timestamp.from(m.createdAt()),
                    ok.size(),
                    ok.sha256(),
                    m.schemaVersion(),
                    m.tables().size(),
                    m.rows())
                .update();
          }
          jdbc.sql(
                  "UPDATE backup_file SET verified_at = ?, verified_ok = ?, problem_key = ?,"
                      + " problem_arg = ? WHERE name = ?")
              .params(Timestamp.from(clock.instant()), ok != null, problemKey, problemArg, name)
              .update();
        });
    Optional<Listed> listed = find(name);
    if (listed.isEmpty()) {
      // A damaged or missing file the server never recorded: report it without a row.
      return Listed.unrecorded(name, size(file))
          .checked(clock.instant(), false, problemKey, problemArg);
    }
    return listed.get();
  }

  /** The directory's backup files, newest first, with their recorded checks. */
  public List<Listed> list() {
    Map<String, Listed> recorded =
        jdbc
            .sql(
                "SELECT name, created_at, size_bytes, made_by, schema_version, table_count,"
                    + " row_count, verified_at, verified_ok, problem_key, problem_arg"
                    + " FROM backup_file")
            .query(Backups::map)
            .list()
            .stream()
            .collect(Collectors.toMap(Listed::name, Function.identity()));
    List<Listed> listed = new ArrayList<>();
    for (Path file : files()) {
      String name = file.getFileName().toString();
      Listed r = recorded.get(name);
      listed.add(r != null ? r : Listed.unrecorded(name, size(file)));
    }
    listed.sort(Comparator.comparing(Listed::name).reversed());
    return listed;
  }

  public Optional<Listed> find(String name) {
    return jdbc.sql(
            "SELECT name, created_at, size_bytes, made_by, schema_version, table_count,"
                + " row_count, verified_at, verified_ok, problem_key, problem_arg"
                + " FROM backup_file WHERE name = ?")
        .param(name)
        .query(Backups::map)
        .optional();
  }

  private Path fileNamed(String name) {
    // Only names the server gives its files: no path can be smuggled in.
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BackupException("backup.missing", String.valueOf(name));
    }
    return dir().resolve(name);
  }

  private Path freshName() {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), Formats.VIETNAM);
    Path file = dir().resolve("truongso-" + STAMP.format(now) + ".zip");
    while (Files.exists(file)) {
      now = now.plusSeconds(1);
      file = dir().resolve("truongso-" + STAMP.format(now) + ".zip");
    }
    return file;
  }

  private List<Path> files() {
    if (!Files.isDirectory(dir())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).toList();
    } catch (IOException e) {
      throw new BackupException(e, "backup.failed", e.getMessage());
    }
  }

  /** Keeps the newest {@code keep} files; their records stay, marking them as deleted. */
  private void prune() {
    List<Path> files = new ArrayList<>(files());
    files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
    for (Path old : files.subList(Math.min(files.size(), settings.keepOrDefault()), files.size())) {
      try {
        Files.deleteIfExists(old);
        Files.deleteIfExists(BackupFiles.sidecar(old));
        Files.deleteIfExists(BackupFiles.macFile(old));
      } catch (IOException e) {
        // tried again after the next backup
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean advisoryLock(java.sql.Connection c) throws java.sql.SQLException {
    try (var ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, ADVISORY_KEY);
      try (var rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void advisoryUnlock(java.sql.Connection c) throws java.sql.SQLException {
    try (var ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, ADVISORY_KEY);
      ps.execute();
    }
  }

  private static Listed map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp verified = rs.getTimestamp("verified_at");
    return new Listed(
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getLong("size_bytes"),
        rs.getString("made_by"),
        rs.getString("schema_version"),
        rs.getInt("table_count"),
        rs.getLong("row_count"),
        verified == null ? null : verified.toInstant(),
        (Boolean) rs.getObject("verified_ok"),
        rs.getString("problem_key"),
        rs.getString("problem_arg"));
  }
}
