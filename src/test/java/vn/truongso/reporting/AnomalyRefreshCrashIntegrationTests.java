package vn.truongso.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.TruongSoApplication;
import vn.truongso.platform.db.DatabaseSecrets;
import vn.truongso.platform.db.EmbeddedDatabase;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestClasses;

/**
 * A crash between a mark's commit and the refresh of the anomaly flags it calls for: TruongSo runs
 * in a JVM of its own ({@link SavingServerProcess}) on this test's database, saves the mark, and is
 * killed (SIGKILL) while its listener is inside the refresh — held there by this test's lock on the
 * school year's {@code anomaly_refresh} row, so the kill cannot come too late. The publication is
 * left in {@code event_publication}; a new application started on the database delivers it again,
 * and the flag appears.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnomalyRefreshCrashIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @TempDir Path dir;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void aRefreshCutOffByKillingTheServerAfterTheCommitIsDoneAtTheNextStart() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication teacher = t.subjectTeacher().signedIn();
    // A first entry and three changes of one cell in working hours: no flag yet (the default
    // threshold flags a cell changed more than 3 times).
    clock.moveTo(LocalDateTime.of(2026, 11, 10, 10, 0));
    String[] marks = {"5", "6", "7", "8"};
    for (int v = 0; v < marks.length; v++) {
      LeaderPages.saveMidterm(mvc, t, teacher, marks[v], v);
    }
    assertThat(flags(t)).isEmpty();

    Path log = dir.resolve("server.log");
    Process server = null;
    try (Connection refreshes = dataSource.getConnection()) {
      int holder = lockRefreshesOf(t, refreshes);
      server = startServer(t, "9", 4, log);
      Process running = server;
      await()
          .atMost(Duration.ofMinutes(4))
          .until(() -> !running.isAlive() || saved(log) && waitingFor(holder) > 0);
      assertThat(server.isAlive()).withFailMessage("the server died: %s", tail(log)).isTrue();

      server.destroyForcibly().onExit().get(60, TimeUnit.SECONDS);
      assertThat(undelivered(t)).as("the killed server's delivery is still to do").isEqualTo(1);
      refreshes.rollback();
    } finally {
      if (server != null) {
        server.destroyForcibly();
      }
    }
    assertThat(flags(t)).isEmpty();

    try (ConfigurableApplicationContext restarted =
        new SpringApplication(TruongSoApplication.class)
            .run("--server.port=0", "--spring.main.banner-mode=off")) {
      await().atMost(Duration.ofMinutes(1)).until(() -> undelivered(t) == 0);
      assertThat(flags(t)).containsExactly("CELL_CHANGES");
    }
  }

  /**
   * Holds the school year's refresh row, which every refresh locks first, until the connection's
   * transaction ends; returns the backend's process id.
   */
  private static int lockRefreshesOf(TestClasses.Taught t, Connection c) throws Exception {
    c.setAutoCommit(false);
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT pg_backend_pid() FROM anomaly_refresh"
                + " WHERE school_id = ? AND start_year = 2026 FOR UPDATE")) {
      lock.setLong(1, t.school().id());
      try (ResultSet rs = lock.executeQuery()) {
        assertThat(rs.next()).as("the earlier saves' refreshes made the row").isTrue();
        return rs.getInt(1);
      }
    }
  }

  /** The whole application in a new JVM, on this test's database, saving one mark. */
  private Process startServer(TestClasses.Taught t, String value, int version, Path log)
      throws Exception {
    DatabaseSecrets secrets = EmbeddedDatabase.secrets("");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SavingServerProcess.class.getName(),
                String.valueOf(t.school().id()),
                String.valueOf(t.classId()),
                String.valueOf(t.students().getFirst()),
                String.valueOf(t.subjectTeacher().id()),
                t.subjectTeacher().username(),
                value,
                String.valueOf(version))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("TRUONGSO_DB_URL", ((HikariDataSource) dataSource).getJdbcUrl());
    builder.environment().put("TRUONGSO_DB_USER", EmbeddedDatabase.APP_ROLE);
    builder.environment().put("TRUONGSO_DB_PASSWORD", secrets.appPassword());
    builder.environment().put("TRUONGSO_DB_OWNER_USER", EmbeddedDatabase.OWNER);
    builder.environment().put("TRUONGSO_DB_OWNER_PASSWORD", secrets.ownerPassword());
    return builder.start();
  }

  private static boolean saved(Path log) throws Exception {
    return Files.exists(log)
        && Files.readString(log, StandardCharsets.UTF_8).contains(SavingServerProcess.SAVED);
  }

  /** How many sessions wait for the lock the backend {@code holder} holds. */
  private int waitingFor(int holder) {
    return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")
        .param(holder)
        .query(Integer.class)
        .single();
  }

  private int undelivered(TestClasses.Taught t) {
    return jdbc.sql(
            """
            SELECT count(*) FROM event_publication
            WHERE event_type LIKE '%MarksChanged' AND completion_date IS NULL
              AND serialized_event::jsonb ->> 'schoolId' = ?
            """)
        .param(String.valueOf(t.school().id()))
        .query(Integer.class)
        .single();
  }

  private List<String> flags(TestClasses.Taught t) {
    return jdbc.sql(
            "SELECT kind FROM anomaly_flag WHERE school_id = ? AND start_year = 2026"
                + " ORDER BY position")
        .param(t.school().id())
        .query(String.class)
        .list();
  }

  private static String tail(Path log) throws Exception {
    String all = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    return all.substring(Math.max(0, all.length() - 4000));
  }
}
