package vn.truongso.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BackupSecret;
import vn.truongso.platform.audit.AuditChains;

/**
 * Rebuilds a database from a backup file, only into an empty database so that nothing is ever
 * overwritten: the file is checked byte for byte first; the schema is built by our own migrations
 * up to the backup's version; every table is loaded in one transaction (all or nothing); then the
 * migrations written since bring it up to this version of TruongSo, the audit chains are verified,
 * and the restore itself is the chain's next entry.
 */
public final class Restore {

  private Restore() {}

  /**
   * @param audit the restored log's chains as verified before the restore was recorded in them: a
   *     break there was already in the backed-up database, and is reported, not repaired
   * @param version the schema version after the restore (this release's)
   */
  public record Result(
      Manifest manifest,
      String sha256,
      AuditLog.Verification audit,
      String version,
      List<String> mustReEnrol) {}

  /**
   * @param secrets what the data needs from outside the database: brought back from an encrypted
   *     backup, or reset by their owners when the backup does not carry them
   */
  public static Result run(
      Path file,
      DataSource target,
      Configuration migrations,
      Clock clock,
      String operator,
      BackupSeal seal,
      List<BackupSecret> secrets) {
    BackupFiles.Checked checked = BackupFiles.verify(file, seal);
    Manifest manifest = checked.manifest();
    MigrationVersion backupVersion = MigrationVersion.fromVersion(manifest.schemaVersion());
    Flyway latest = Flyway.configure().configuration(migrations).dataSource(target).load();
    MigrationVersion known = requireKnownVersion(backupVersion, manifest, latest);
    requireEmpty(target);
    Flyway.configure()
        .configuration(migrations)
        .dataSource(target)
        .target(backupVersion)
        .load()
        .migrate();
    Map<String, byte[]> carried = loadTablesAndSecrets(file, seal, manifest, target);
    latest.migrate();
    List<String> mustReEnrol = bringBackSecrets(secrets, carried, target);

    AuditChains chains = new AuditChains(target, clock);
    AuditLog.Verification verification = chains.verify();
    chains.record(
        AuditEvent.of(null, "platform.backup.restored", "backup", file.getFileName())
            .after(restoredEntry(file, checked, operator, verification, seal, mustReEnrol)));
    return new Result(
        manifest, checked.sha256(), verification, known.getVersion(), List.copyOf(mustReEnrol));
  }

  /**
   * The newest migration this release knows; a backup made by a newer release is refused, since its
   * schema cannot be built here.
   */
  private static MigrationVersion requireKnownVersion(
      MigrationVersion backupVersion, Manifest manifest, Flyway latest) {
    MigrationVersion known =
        Arrays.stream(latest.info().all())
            .map(MigrationInfo::getVersion)
            .filter(Objects::nonNull)
            .max(MigrationVersion::compareTo)
            .orElse(MigrationVersion.EMPTY);
    if (backupVersion.compareTo(known) > 0) {
      throw new BackupException(
          "backup.restore.newer", manifest.schemaVersion(), known.getVersion());
    }
    return known;
  }

  /** Loads every table, and returns the secrets the file carries by name. */
  private static Map<String, byte[]> loadTablesAndSecrets(
      Path file, BackupSeal seal, Manifest manifest, DataSource target) {
    try (BackupFiles.Opened zip = BackupFiles.open(file, seal)) {
      load(zip.zip(), manifest, target);
      return BackupFiles.secrets(zip.zip());
    } catch (java.io.IOException e) {
      throw new BackupException(e, "backup.damaged.notZip", file.getFileName().toString());
    }
  }

  /** Gives each secret back to its owner; returns who must enrol again where the file had none. */
  private static List<String> bringBackSecrets(
      List<BackupSecret> secrets, Map<String, byte[]> carried, DataSource target) {
    List<String> mustReEnrol = new java.util.ArrayList<>();
    for (BackupSecret secret : secrets) {
      byte[] bytes = carried.get(secret.name());
      if (bytes != null) {
        secret.restored(bytes);
      } else {
        mustReEnrol.addAll(secret.lost(target));
      }
    }
    return mustReEnrol;
  }

  /** What the audit entry of the restore says about it. */
  private static Map<String, Object> restoredEntry(
      Path file,
      BackupFiles.Checked checked,
      String operator,
      AuditLog.Verification verification,
      BackupSeal seal,
      List<String> mustReEnrol) {
    Manifest manifest = checked.manifest();
    Map<String, Object> what = new LinkedHashMap<>();
    what.put("file", file.getFileName().toString());
    what.put("sha256", checked.sha256());
    what.put("createdAt", manifest.createdAt().toString());
    what.put("schemaVersion", manifest.schemaVersion());
    what.put("tables", manifest.tables().size());
    what.put("rows", manifest.rows());
    what.put("operator", operator);
    what.put("auditChainsIntact", verification.intact());
    what.put("encrypted", seal.encrypts());
    what.put("mustReEnrolTwoFactor", mustReEnrol);
    return what;
  }

  private static void requireEmpty(DataSource target) {
    try (Connection c = target.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new BackupException("backup.restore.notEmpty");
      }
    } catch (SQLException e) {
      throw new BackupException(e, "backup.restore.failed", e.getMessage());
    }
  }

  private static void load(Path file, Manifest manifest, DataSource target) {
    try (ZipFile zip = new ZipFile(file.toFile());
        Connection c = target.getConnection()) {
      c.setAutoCommit(false);
      try {
        replaceReferenceData(c, manifest);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (Manifest.Table t : manifest.tables()) {
          List<String> columns = Snapshot.columns(c, t.name());
          if (!columns.containsAll(t.columns())) {
            throw new BackupException("backup.restore.schemaMismatch", t.name());
          }
          long rows;
          String hash;
          try (InputStream raw = zip.getInputStream(zip.getEntry(t.entry()));
              DigestInputStream in = new DigestInputStream(raw, Snapshot.sha256())) {
            rows =
                copy.copyIn(
                    "COPY "
                        + Snapshot.quote(t.name())
                        + " ("
                        + Snapshot.columnList(t.columns())
                        + ") FROM STDIN",
                    in);
            hash = HexFormat.of().formatHex(in.getMessageDigest().digest());
          }
          // The file was checked a moment ago; this catches a file changed since.
          if (rows != t.rows() || !hash.equals(t.sha256())) {
            throw new BackupException("backup.damaged.table", t.name());
          }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
          for (Manifest.Sequence s : manifest.sequences()) {
            ps.setString(1, "public." + Snapshot.quote(s.name()));
            ps.setLong(2, s.value());
            ps.setBoolean(3, s.called());
            ps.execute();
          }
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException | IOException e) {
      throw new BackupException(e, "backup.restore.failed", e.getMessage());
    }
  }

  /**
   * Rows that the migrations themselves wrote (reference data) give way to the backup's: deleted
   * row by row, referencing tables first, since a TRUNCATE would also reach the append-only tables.
   */
  private static void replaceReferenceData(Connection c, Manifest manifest) throws SQLException {
    List<Manifest.Table> tables = new ArrayList<>(manifest.tables());
    java.util.Collections.reverse(tables);
    try (Statement s = c.createStatement()) {
      for (Manifest.Table t : tables) {
        s.executeUpdate("DELETE FROM " + Snapshot.quote(t.name()));
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        throw new BackupException(e, "backup.restore.schemaMismatch", e.getMessage());
      }
      throw e;
    }
  }
}
