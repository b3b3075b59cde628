package vn.truongso.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The embedded PostgreSQL 17 server: one per data directory per JVM (tests share one throw-away
 * cluster). On first start it creates the database and the application's login role, which owns
 * nothing, so that table privileges (the append-only audit log) bind it. Every connection needs a
 * password (scram-sha-256, {@link DatabaseSecrets}); the server listens on localhost only and keeps
 * its own messages in {@code postgres.log} beside its directory.
 */
public final class EmbeddedDatabase {

  public static final String DATABASE = "truongso";
  public static final String OWNER = "postgres";
  public static final String APP_ROLE = "truongso_app";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Map<String, EmbeddedPostgres> SERVERS = new HashMap<>();
  private static final Map<String, DatabaseSecrets> SECRETS = new HashMap<>();

  /** Written at every start, so that an older data directory that trusted localhost switches. */
  static final String PG_HBA =
      """
      # TruongSo: every connection must give its role's password (written at each start).
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      host    all   all   ::1/128        scram-sha-256
      """;

  private EmbeddedDatabase() {}

  /** Starts (or returns the running) server for the data dir; null or blank = temporary. */
  public static synchronized EmbeddedPostgres start(String dataDir) {
    String key = dataDir == null || dataDir.isBlank() ? "" : dataDir;
    EmbeddedPostgres running = SERVERS.get(key);
    if (running != null && alive(running)) {
      return running;
    }
    if (running != null) {
      // Release the dead server's lock on the directory before starting a new one on it.
      close(running);
      SERVERS.remove(key);
    }
    // Not started yet, or the server died under us (killed, power cut): start it again on the
    // same directory; PostgreSQL replays its write-ahead log and comes back with every commit.
    try {
      DatabaseSecrets secrets =
          key.isEmpty()
              ? DatabaseSecrets.generate()
              : DatabaseSecrets.loadOrCreate(Path.of(key).toAbsolutePath());
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setLocaleConfig("locale", "C.UTF-8")
              .setServerConfig("max_connections", "200")
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("unix_socket_permissions", "0700")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setConnectConfig("password", secrets.ownerPassword())
              // zonky's JVM hook would stop the server while Spring still closes (stopAtExit)
              .setRegisterShutdownHook(false);
      if (!key.isEmpty()) {
        Path dir = Path.of(key, "postgres").toAbsolutePath();
        Files.createDirectories(dir.getParent());
        Orphans.stopOrphanedServer(dir);
        Files.writeString(dir.getParent().resolve("postgres.log"), "", appendOrCreate());
        ProcessBuilder.Redirect logFile =
            ProcessBuilder.Redirect.appendTo(dir.getParent().resolve("postgres.log").toFile());
        // zonky turns fsync off for speed; real data must survive a power cut.
        builder
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setOutputRedirector(logFile)
            .setErrorRedirector(logFile)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      }
      EmbeddedPostgres pg = startOrExplain(builder, key);
      bootstrap(pg, secrets);
      SERVERS.put(key, pg);
      SECRETS.put(key, secrets);
      stopAtExit(pg);
      log.info(
          "Embedded PostgreSQL on port {} ({})", pg.getPort(), key.isEmpty() ? "temporary" : key);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  /** The passwords of the server started for the data dir (after {@link #start}). */
  public static synchronized DatabaseSecrets secrets(String dataDir) {
    String key = dataDir == null || dataDir.isBlank() ? "" : dataDir;
    DatabaseSecrets s = SECRETS.get(key);
    if (s == null) {
      throw new IllegalStateException("The embedded database has not been started");
    }
    return s;
  }

  public static String jdbcUrl(EmbeddedPostgres pg) {
    return pg.getJdbcUrl(OWNER, DATABASE).replace("user=" + OWNER, "").replaceAll("[?&]$", "");
  }

  private static EmbeddedPostgres startOrExplain(EmbeddedPostgres.Builder builder, String key)
      throws IOException {
    try {
      return builder.start();
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
        // Another TruongSo process (the server) holds this data directory.
        throw new DataDirectoryInUseException(key, e);
      }
      throw e;
    }
  }

  private static void bootstrap(EmbeddedPostgres pg, DatabaseSecrets secrets) {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
        s.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
      }
      // The passwords are random base64url text: nothing in them needs quoting.
      s.execute("ALTER ROLE " + OWNER + " PASSWORD '" + secrets.ownerPassword() + "'");
      s.execute("ALTER ROLE " + APP_ROLE + " PASSWORD '" + secrets.appPassword() + "'");
      if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        s.execute(
            "CREATE DATABASE "
                + DATABASE
                + " OWNER "
                + OWNER
                + " ENCODING 'UTF8' TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN'"
                + " LOCALE 'C.UTF-8'");
      }
      String hbaFile;
      try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
        rs.next();
        hbaFile = rs.getString(1);
      }
      Files.writeString(Path.of(hbaFile), PG_HBA);
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write pg_hba.conf", e);
    }
  }

  /**
   * Stops the server when the JVM exits, but only after every Spring application context has been
   * closed: Spring Boot runs its shutdown handlers once its one shutdown hook has closed the
   * contexts, so their closing work (the audit checkpoint written at shutdown, the pools' last
   * statements) still finds the database. A JVM hook of our own would run alongside Spring's and
   * stop the server under them, and each closing write would wait for the pool's connection
   * timeout. Without any context (a stand-alone command, a crash test's child) the handler still
   * runs: adding it registers Spring Boot's hook.
   */
  private static void stopAtExit(EmbeddedPostgres pg) {
    try {
      SpringApplication.getShutdownHandlers().add(() -> close(pg));
    } catch (IllegalStateException e) {
      // Started while the JVM is already stopping (a dead server restarted at the last moment).
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-postgres-stop"));
    }
  }

  private static java.nio.file.OpenOption[] appendOrCreate() {
    return new java.nio.file.OpenOption[] {
      java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND
    };
  }

  private static boolean alive(EmbeddedPostgres pg) {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean exists(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next();
    }
  }

  private static void close(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
