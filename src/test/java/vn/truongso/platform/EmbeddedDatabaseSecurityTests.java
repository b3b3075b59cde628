package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.truongso.platform.db.DatabaseSecrets;
import vn.truongso.platform.db.EmbeddedDatabase;
import vn.truongso.support.EmbeddedServerProcess;

/**
 * The embedded server lets nobody in without a password (a local user or process is not a superuser
 * any more), an older data directory that trusted localhost switches by itself, and the first start
 * after TruongSo was killed stops the orphaned server and starts.
 */
class EmbeddedDatabaseSecurityTests {

  @TempDir Path dataDir;

  @Test
  void everyConnectionNeedsThePasswordKeptReadableByTheOwnerOnly() throws Exception {
    EmbeddedPostgres pg = EmbeddedDatabase.start(dataDir.toString());
    try {
      DatabaseSecrets secrets = EmbeddedDatabase.secrets(dataDir.toString());
      assertThat(Files.getPosixFilePermissions(dataDir.resolve("db-secrets.properties")))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      assertRefusedWithout(pg, "postgres");
      assertRefusedWithout(pg, EmbeddedDatabase.APP_ROLE);
      assertThat(query(pg, "postgres", secrets.ownerPassword(), "SELECT current_user"))
          .isEqualTo("postgres");
      assertThat(
              query(pg, EmbeddedDatabase.APP_ROLE, secrets.appPassword(), "SHOW listen_addresses"))
          .isEqualTo("localhost");
      assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
          .doesNotContain("trust")
          .contains("scram-sha-256");
      assertThat(Files.readString(dataDir.resolve("postgres.log"))).isNotEmpty();
    } finally {
      pg.close();
    }
  }

  @Test
  void aDataDirectoryThatTrustedLocalhostSwitchesToPasswordsByItself() throws Exception {
    EmbeddedDatabase.start(dataDir.toString()).close();
    // As an older TruongSo left it: trust for everyone on localhost, no passwords file.
    Files.writeString(
        dataDir.resolve("postgres/pg_hba.conf"),
        "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
    Files.delete(dataDir.resolve("db-secrets.properties"));

    EmbeddedPostgres upgraded = EmbeddedDatabase.start(dataDir.toString());
    try {
      assertThat(dataDir.resolve("db-secrets.properties")).exists();
      assertRefusedWithout(upgraded, "postgres");
      DatabaseSecrets secrets = EmbeddedDatabase.secrets(dataDir.toString());
      assertThat(query(upgraded, "postgres", secrets.ownerPassword(), "SELECT 1")).isEqualTo("1");
    } finally {
      upgraded.close();
    }
  }

  @Test
  void theFirstStartAfterTruongSoWasKilledStopsTheOrphanedServerAndStarts() throws Exception {
    Process truongso =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedServerProcess.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(truongso.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        // the child's log lines until it is ready (or its end, if it died)
      }
      assertThat(line).as("the child started its database").isEqualTo("ready");
    }
    long postmaster = postmasterPid();
    truongso.destroyForcibly().onExit().get(60, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
        .as("the server outlives the killed TruongSo")
        .contains(true);

    EmbeddedPostgres again = EmbeddedDatabase.start(dataDir.toString());
    try {
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      DatabaseSecrets secrets = EmbeddedDatabase.secrets(dataDir.toString());
      assertThat(query(again, "postgres", secrets.ownerPassword(), "SELECT 1")).isEqualTo("1");
    } finally {
      again.close();
    }
  }

  private long postmasterPid() throws Exception {
    List<String> lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
    return Long.parseLong(lines.getFirst().strip());
  }

  private static void assertRefusedWithout(EmbeddedPostgres pg, String user) {
    assertThatThrownBy(() -> query(pg, user, null, "SELECT 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> query(pg, user, "wrong-password", "SELECT 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
  }

  private static String query(EmbeddedPostgres pg, String user, String password, String sql)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + EmbeddedDatabase.DATABASE;
    try (Connection c = DriverManager.getConnection(url, p);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
