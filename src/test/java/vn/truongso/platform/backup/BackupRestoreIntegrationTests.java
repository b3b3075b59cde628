package vn.truongso.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.SchoolNames;
import vn.truongso.platform.audit.AuditChains;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestDatabases;
import vn.truongso.support.TestOrg;

/**
 * Backups that restore (BA-HBS art. 4.4, KD-CSDL IV): a backup of the test database is restored
 * into a newly created database on the same server, and every table must come back with the same
 * rows (count and checksum), every sequence at the same place, and an intact audit chain that now
 * ends with the restore. A damaged file, a newer schema and a database that holds data are each
 * refused before anything is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackupRestoreIntegrationTests {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  @Autowired Flyway flyway;
  @Autowired Clock clock;
  @Autowired TestOrg testOrg;
  @Autowired GeneratedSchools generator;
  @Autowired TestAccounts testAccounts;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;
  @Autowired SchoolNames schools;
  @Autowired Backups backups;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog auditLog;
  @Autowired BackupSeals seals;

  @Test
  void aBackupRestoredIntoAnEmptyDatabaseHasEveryRowEverySequenceAndAnIntactAuditChain(
      @TempDir Path dir) throws Exception {
    GeneratedSchools.Generated g =
        generator.school(testOrg.wardOffice(testOrg.province(), null), "Trường sao lưu", 2, 5);
    generator.fillYear(g.school().id(), g.classes().get(0), true);
    Path file = dir.resolve("b.zip");

    BackupFiles.Checked written = BackupFiles.write(owner, file, clock, seals.seal());
    Map<String, String> before = fingerprints(owner);
    Map<String, Long> sequencesBefore = sequences(owner);
    // Other tests tamper with their schools' logs on purpose: the restore must carry such a break
    // over exactly as it was, and keep every other chain intact.
    AuditLog.Verification source = auditLog.verify(null);

    assertThat(written.manifest().schemaVersion()).isEqualTo(latestVersion());
    assertThat(written.manifest().tables())
        .extracting(Manifest.Table::name)
        .contains("school", "student", "score_cell", "audit_log", "score_cell_version")
        .doesNotContain("flyway_schema_history", "spring_session");
    assertThat(Files.readString(BackupFiles.sidecar(file))).startsWith(written.sha256());
    // Referenced tables load first: a school before its classes, a class before its marks.
    List<String> order = written.manifest().tables().stream().map(Manifest.Table::name).toList();
    assertThat(order.indexOf("school")).isLessThan(order.indexOf("school_class"));

    DataSource target = newDatabase();
    Restore.Result result =
        Restore.run(
            file, target, flyway.getConfiguration(), clock, "test", seals.seal(), List.of());

    Map<String, String> after = fingerprints(target);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String table : before.keySet()) {
      assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
    }
    assertThat(sequences(target)).isEqualTo(sequencesBefore);
    assertThat(result.manifest().rows()).isEqualTo(written.manifest().rows());

    AuditChains chains = new AuditChains(target, clock);
    assertThat(result.audit().firstBroken()).isEqualTo(source.firstBroken());
    assertThat(chains.verify().firstBroken()).isEqualTo(source.firstBroken());
    assertThat(chains.verify(g.school().id()).intact()).isTrue();
    assertThat(chains.verify(0L).intact()).isTrue();
    JdbcClient restored = JdbcClient.create(target);
    assertThat(
            restored
                .sql("SELECT action FROM audit_log WHERE school_id = 0 ORDER BY seq DESC LIMIT 1")
                .query(String.class)
                .single())
        .isEqualTo("platform.backup.restored");
    // The restored database takes new rows without colliding with restored ids.
    long maxUnit = restored.sql("SELECT max(id) FROM org_unit").query(Long.class).single();
    assertThat(
            restored
                .sql("SELECT nextval(pg_get_serial_sequence('org_unit', 'id'))")
                .query(Long.class)
                .single())
        .isGreaterThan(maxUnit);
  }

  @Test
  void aDamagedFileANewerSchemaAndADatabaseWithDataAreRefusedWithNothingWritten(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("good.zip");
    BackupFiles.write(owner, file, clock, seals.seal());
    DataSource target = newDatabase();

    Path flipped = dir.resolve("flipped.zip");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(flipped, bytes);
    Files.copy(BackupFiles.sidecar(file), BackupFiles.sidecar(flipped));
    assertRefused(flipped, target, "backup.damaged.file");

    // Without the .sha256 beside it, the change is still caught: the .mac no longer matches.
    Files.delete(BackupFiles.sidecar(flipped));
    assertThatThrownBy(() -> BackupFiles.verify(flipped, seals.seal()))
        .isInstanceOf(BackupException.class)
        .extracting(e -> ((BackupException) e).key())
        .isIn("backup.forged", "backup.damaged.table", "backup.damaged.notZip");

    Path cut = dir.resolve("cut.zip");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertRefused(cut, target, "backup.damaged.notZip");

    Path program = dir.resolve("program.zip");
    Files.write(program, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
    assertRefused(program, target, "backup.damaged.notZip");

    Path newer = dir.resolve("newer.zip");
    rewriteManifest(
        file,
        newer,
        "\"schemaVersion\" : \"" + latestVersion() + "\"",
        "\"schemaVersion\" : \"999\"");
    authenticate(newer);
    assertThatThrownBy(
            () ->
                Restore.run(
                    newer,
                    target,
                    flyway.getConfiguration(),
                    clock,
                    "test",
                    seals.seal(),
                    List.of()))
        .isInstanceOf(BackupException.class)
        .satisfies(
            e -> {
              assertThat(((BackupException) e).key()).isEqualTo("backup.restore.newer");
              assertThat(((BackupException) e).args()).containsExactly("999", latestVersion());
            });
    assertThat(tables(target)).isZero();

    // The test database itself holds data: a restore never writes over it.
    long auditRows = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    assertRefused(file, owner, "backup.restore.notEmpty");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single())
        .isEqualTo(auditRows);
    assertThat(tables(target)).isZero();
  }

  @Test
  void theDataAdministratorOfEverySchoolBacksUpFromThePageAndSeesADamagedFileAsDamaged()
      throws Exception {
    var school = testOrg.school();
    testOrg.school(); // another school on the same server
    TestAccounts.Created admin =
        testAccounts.create(school, Role.DATA_ADMIN, "Quản trị dữ liệu", "x", false);
    Authentication oneSchool = admin.signedIn();
    assertThat(html(oneSchool)).contains("not-every-school").doesNotContain("back-up-now");
    // Nor does the menu offer the page to someone it would refuse.
    assertThat(
            mvc.perform(get("/").with(authentication(oneSchool)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("href=\"/backups\"");
    mvc.perform(post("/backups").with(csrf()).with(authentication(oneSchool)))
        .andExpect(status().isForbidden());

    tx.executeWithoutResult(
        s -> {
          for (long id : schools.everySchool()) {
            if (id != school.id()) {
              provisioning.grant(admin.id(), Role.DATA_ADMIN, id, Provisioning.Scope.school(id));
            }
          }
        });
    assertThat(
            mvc.perform(get("/").with(authentication(oneSchool)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("href=\"/backups\"");
    String made =
        (String)
            ((Object[])
                    mvc.perform(post("/backups").with(csrf()).with(authentication(oneSchool)))
                        .andExpect(flash().attribute("done", "backups.done.created"))
                        .andReturn()
                        .getFlashMap()
                        .get("doneArgs"))
                [0];
    assertThat(html(oneSchool)).contains(made, "Nguyên vẹn", "Sao lưu ngay");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE action = 'platform.backup.created'"
                        + " AND entity_id = ?")
                .param(made)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Path file = backups.dir().resolve(made);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    mvc.perform(
            post("/backups/verify")
                .param("name", made)
                .with(csrf())
                .with(authentication(oneSchool)))
        .andExpect(flash().attribute("error", "backup.damaged.file"));
    assertThat(html(oneSchool)).contains("bị hỏng: mã băm SHA-256 của cả tệp không khớp");
    mvc.perform(
            post("/backups/verify")
                .param("name", "../../etc/passwd")
                .with(csrf())
                .with(authentication(oneSchool)))
        .andExpect(flash().attribute("error", "backup.missing"));
    mvc.perform(
            post("/backups/verify")
                .param("name", "truongso-19990101-000000.zip")
                .with(csrf())
                .with(authentication(oneSchool)))
        .andExpect(flash().attribute("error", "backup.missing"));
    Files.deleteIfExists(file);
    Files.deleteIfExists(BackupFiles.sidecar(file));
  }

  @Test
  void theBackupCommandStartsTheApplicationWithoutServingAndWritesACheckedFile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("cli.zip");
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    int code;
    try {
      System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
      code =
          vn.truongso.platform.CommandLine.run(
              vn.truongso.TruongSoApplication.class,
              new String[] {"backup", "--out", file.toString()});
    } finally {
      System.setOut(stdout);
    }
    assertThat(code).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Đã sao lưu", file.toString());
    assertThat(BackupFiles.verify(file, seals.seal()).manifest().tables()).isNotEmpty();
  }

  private String html(Authentication user) throws Exception {
    return mvc.perform(get("/backups").with(authentication(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private void assertRefused(Path file, DataSource target, String key) {
    assertThatThrownBy(
            () ->
                Restore.run(
                    file,
                    target,
                    flyway.getConfiguration(),
                    clock,
                    "test",
                    seals.seal(),
                    List.of()))
        .isInstanceOf(BackupException.class)
        .extracting(e -> ((BackupException) e).key())
        .isEqualTo(key);
  }

  private String latestVersion() {
    return flyway.info().current().getVersion().getVersion();
  }

  /** A new, empty database on the test server, made as the embedded server's owner. */
  private DataSource newDatabase() throws Exception {
    return TestDatabases.create(
        owner, "restore_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
  }

  private static long tables(DataSource ds) {
    return JdbcClient.create(ds)
        .sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        .query(Long.class)
        .single();
  }

  /**
   * Each backed-up table's row count and checksum of its rows' text, in a stable order; the
   * restore's own audit entry (and the head of the chain it extends) is left out of the restored
   * side.
   */
  private static Map<String, String> fingerprints(DataSource ds) throws Exception {
    Map<String, String> prints = new TreeMap<>();
    try (Connection c = ds.getConnection()) {
      List<String> tables = Snapshot.loadOrder(c);
      try (Statement s = c.createStatement()) {
        for (String t : tables) {
          String where =
              switch (t) {
                case "audit_log" -> " WHERE x.action <> 'platform.backup.restored'";
                case "audit_chain_head" -> " WHERE x.school_id <> 0";
                default -> "";
              };
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY"
                      + " x::text)), '') FROM "
                      + Snapshot.quote(t)
                      + " x"
                      + where)) {
            rs.next();
            prints.put(t, rs.getString(1));
          }
        }
      }
    }
    return prints;
  }

  private static Map<String, Long> sequences(DataSource ds) {
    Map<String, Long> map = new TreeMap<>();
    JdbcClient.create(ds)
        .sql(
            "SELECT sequencename, coalesce(last_value, -1) FROM pg_sequences"
                + " WHERE schemaname = 'public'")
        .query(
            rs -> {
              map.put(rs.getString(1), rs.getLong(2));
            });
    return map;
  }

  /** Signs a file with this installation's backup key, as the server does for its own. */
  private void authenticate(Path file) throws IOException {
    String sha = sha256(file);
    Files.writeString(BackupFiles.sidecar(file), sha + "  " + file.getFileName() + "\n");
    Files.writeString(BackupFiles.macFile(file), seals.seal().mac(sha) + "\n");
  }

  static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void rewriteManifest(Path from, Path to, String find, String replace)
      throws IOException {
    try (ZipFile zip = new ZipFile(from.toFile());
        OutputStream raw = Files.newOutputStream(to);
        ZipOutputStream out = new ZipOutputStream(raw)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        out.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream in = zip.getInputStream(e)) {
          if (e.getName().equals(Manifest.ENTRY)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains(find);
            out.write(text.replace(find, replace).getBytes(StandardCharsets.UTF_8));
          } else {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
  }
}
