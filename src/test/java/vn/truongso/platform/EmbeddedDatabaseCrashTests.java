package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.truongso.platform.db.EmbeddedDatabase;

/**
 * A power cut, simulated: the PostgreSQL server is killed with SIGKILL right after a commit. The
 * next start on the same data directory recovers, and the committed row is there.
 */
class EmbeddedDatabaseCrashTests {

  @TempDir Path dataDir;

  @Test
  void aCommittedRowSurvivesAKilledServer() throws Exception {
    EmbeddedPostgres first = EmbeddedDatabase.start(dataDir.toString());
    try (Connection c =
            first.getDatabase(EmbeddedDatabase.OWNER, EmbeddedDatabase.DATABASE).getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE crash_probe (id int PRIMARY KEY, note text)");
      s.execute("INSERT INTO crash_probe VALUES (1, 'đã ghi trước khi mất điện')");
      try (ResultSet rs = s.executeQuery("SHOW fsync")) {
        rs.next();
        assertThat(rs.getString(1))
            .as("a persistent data directory runs with fsync on")
            .isEqualTo("on");
      }
    }

    long postmaster =
        Long.parseLong(
            Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
    ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
    assertThat(
            ProcessHandle.of(postmaster).orElseThrow().onExit().get(30, TimeUnit.SECONDS).isAlive())
        .isFalse();

    EmbeddedPostgres second = EmbeddedDatabase.start(dataDir.toString());
    try (Connection c =
            second.getDatabase(EmbeddedDatabase.OWNER, EmbeddedDatabase.DATABASE).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT note FROM crash_probe WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("đã ghi trước khi mất điện");
    }
    second.close();
  }
}
