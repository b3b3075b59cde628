package vn.truongso.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.org.OrgUnit;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestDatabases;
import vn.truongso.support.TestOrg;

/**
 * Backup and restore of a generated school or district (not part of the test run): {@code
 * bench.schools} schools of 45 classes × 45 students (2 025 each) with a full year of marks in
 * every compulsory subject, backed up to a file, checked, and restored into a new database. Run
 * with {@code bench/backup.sh SCHOOLS}.
 */
@Tag("benchmark")
@SpringBootTest
class BackupBenchmark {

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  @Autowired TestOrg testOrg;
  @Autowired BackupSeals seals;
  @Autowired GeneratedSchools generator;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired Flyway flyway;
  @Autowired Clock clock;

  @Test
  void backUpAndRestoreAGeneratedDistrict(@TempDir Path dir) throws Exception {
    int schools = Integer.getInteger("bench.schools", 1);
    long g0 = System.nanoTime();
    OrgUnit ward = testOrg.wardOffice(testOrg.province(), null);
    for (int s = 0; s < schools; s++) {
      var g = generator.school(ward, "THCS Sao lưu " + s, 45, 45);
      for (GeneratedSchools.GeneratedClass c : g.classes()) {
        tx.executeWithoutResult(st -> generator.fillYear(g.school().id(), c, true));
      }
    }
    jdbc.sql("VACUUM ANALYZE").update();
    long students = jdbc.sql("SELECT count(*) FROM student").query(Long.class).single();
    long cells = jdbc.sql("SELECT count(*) FROM score_cell").query(Long.class).single();
    System.out.printf(
        "BENCH generated %d schools, %d students, %d score cells in %.0f s%n",
        schools, students, cells, (System.nanoTime() - g0) / 1e9);

    for (int run = 1; run <= 2; run++) {
      Path file = dir.resolve("run" + run + ".zip");
      long t0 = System.nanoTime();
      BackupFiles.Checked written = BackupFiles.write(owner, file, clock, seals.seal());
      long t1 = System.nanoTime();
      BackupFiles.verify(file, seals.seal());
      long t2 = System.nanoTime();
      DataSource target = newDatabase("bench_restore_" + run);
      Restore.Result r =
          Restore.run(
              file, target, flyway.getConfiguration(), clock, "bench", seals.seal(), List.of());
      long t3 = System.nanoTime();
      assertThat(r.manifest().rows()).isEqualTo(written.manifest().rows());
      System.out.printf(
          "BENCH run %d: %d students, %d rows, file %.1f MB: backup %.1f s, check %.1f s,"
              + " restore %.1f s%n",
          run,
          students,
          written.manifest().rows(),
          Files.size(file) / 1048576.0,
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (t3 - t2) / 1e9);
      Files.delete(file);
    }
  }

  private DataSource newDatabase(String name) throws Exception {
    return TestDatabases.create(owner, name);
  }
}
