package vn.truongso.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.TruongSoApplication;
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.internal.ClassListImport;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.support.ClassListFiles;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * Issue 3's benchmarks, run by {@code bench/enrolment.sh}, never by the tests: importing a 45-row
 * class list and a 2 000-row school list through the real service (upload, check, import, each in
 * its own transaction as the pages do), and searching students by name over millions of records.
 * The database is the embedded PostgreSQL in a fresh persistent directory (fsync on, as in
 * production).
 */
public final class EnrolmentBenchmark {

  static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý", "Đinh", "Lò", "Hà", "Triệu"
  };
  static final String[] MIDDLE = {
    "Văn", "Thị", "Minh", "Ngọc", "Thu", "Quang", "Hữu", "Đức", "Thanh", "Hoài", "Gia", "Bảo",
    "Phương", "Khánh", "Anh", "Tuấn", "Thảo", "Xuân", "Hồng", "Kim"
  };
  static final String[] GIVEN = {
    "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Huy",
    "Khang", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "My", "Nam", "Ngân", "Nhung", "Oanh",
    "Phong", "Phúc", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tú", "Tuấn",
    "Uyên", "Vân", "Việt", "Vy", "Xuân", "Yến", "Đạt", "Đông", "Ánh", "Ân", "Ý", "Ngọc", "Thư",
    "Bảo"
  };

  public static void main(String[] args) throws Exception {
    int millions = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    String data = System.getProperty("truongso.db.data-dir", "");
    try (ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(TruongSoApplication.class)
            .properties("truongso.demo.enabled=false", "server.port=0", "logging.level.root=WARN")
            .run()) {
      TestOrg testOrg = ctx.getBean(TestOrg.class);
      TestAccounts accounts = ctx.getBean(TestAccounts.class);
      ClassListImport imports = ctx.getBean(ClassListImport.class);
      Classes classes = ctx.getBean(Classes.class);
      People people = ctx.getBean(People.class);
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);

      boolean searchOnly = args.length > 1 && args[1].equals("search");
      System.out.println("== import (upload + check + import), ms per list");
      for (int[] plan : searchOnly ? new int[0][] : new int[][] {{45, 5, 20}, {2_000, 2, 5}}) {
        int rows = plan[0];
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < plan[1] + plan[2]; i++) {
          School school = testOrg.school();
          TestAccounts.Created admin =
              accounts.create(school, Role.DATA_ADMIN, "Quản trị", "Quan-Tri-Bench-2026", false);
          SecurityContextHolder.getContext()
              .setAuthentication(
                  UsernamePasswordAuthenticationToken.authenticated(
                      new AuthenticatedUser(admin.id(), admin.username(), "bench", ""),
                      null,
                      List.of()));
          long classId =
              tx.execute(
                  s ->
                      classes.createClass(
                          school.id(), new Classes.NewClass(2026, 6, "6A1", null, null, null)));
          byte[] file = classList(rows, new Random(i));
          long t0 = System.nanoTime();
          UUID upload = imports.upload(school.id(), classId, admin.id(), "ds.xlsx", file);
          ClassListImport.Preview p =
              imports.preview(school.id(), classId, admin.id(), upload, null);
          int added = imports.importValidRows(school.id(), classId, admin.id(), upload, null);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          if (i >= plan[1]) {
            times.add(ms);
          }
          if (added != p.validCount()) {
            throw new IllegalStateException("imported " + added + " of " + p.validCount());
          }
        }
        System.out.printf("%5d rows: %s (median %d ms)%n", rows, times, percentile(times, 50));
      }
      SecurityContextHolder.clearContext();

      System.out.printf("== generating %d million students in 200 schools%n", millions);
      List<Long> schools = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        schools.add(testOrg.school().id());
      }
      long t0 = System.nanoTime();
      Long[] schoolArray = schools.toArray(Long[]::new);
      for (int batch = 0; batch < millions * 10; batch++) {
        jdbc.sql(
                """
                INSERT INTO student (school_id, family_name, middle_name, given_name, birth_date, sex,
                                     ethnicity_code)
                SELECT (:schools)[1 + (g % 200)],
                       (:family)[1 + floor(random() * :nf)::int],
                       (:middle)[1 + floor(random() * :nm)::int],
                       (:given)[1 + floor(random() * :ng)::int],
                       date '2008-01-01' + floor(random() * 6500)::int,
                       CASE WHEN random() < 0.5 THEN 'M' ELSE 'F' END,
                       '01'
                FROM generate_series(1, 100000) g
                """)
            .param("schools", schoolArray)
            .param("family", FAMILY)
            .param("middle", MIDDLE)
            .param("given", GIVEN)
            .param("nf", FAMILY.length)
            .param("nm", MIDDLE.length)
            .param("ng", GIVEN.length)
            .update();
      }
      System.out.printf(
          "generated in %d s; students in the database: %d%n",
          (System.nanoTime() - t0) / 1_000_000_000,
          jdbc.sql("SELECT count(*) FROM student").query(Long.class).single());
      try (var c =
              vn.truongso.platform.db.EmbeddedDatabase.start(data)
                  .getDatabase(
                      vn.truongso.platform.db.EmbeddedDatabase.OWNER,
                      vn.truongso.platform.db.EmbeddedDatabase.DATABASE)
                  .getConnection();
          var st = c.createStatement()) {
        st.execute("VACUUM ANALYZE student");
      }

      Random random = new Random(7);
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String family = FAMILY[random.nextInt(FAMILY.length)];
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String middle = MIDDLE[random.nextInt(MIDDLE.length)];
        queries.add(
            switch (i % 4) {
              case 0 -> vn.truongso.platform.TextFold.fold(family + " " + middle + " " + given);
              case 1 -> middle + " " + given;
              case 2 -> vn.truongso.platform.TextFold.fold(given);
              default -> "031214" + String.format("%06d", random.nextInt(1_000_000));
            });
      }
      bench("one school (a principal)", people, List.of(schools.get(17)), queries);
      bench("200 schools (a province officer)", people, schools, queries);
    }
  }

  private static void bench(String what, People people, List<Long> schools, List<String> queries) {
    for (int i = 0; i < 100; i++) {
      people.search(schools, List.of(), queries.get(i), 50);
    }
    List<Long> micros = new ArrayList<>();
    for (String q : queries) {
      long t0 = System.nanoTime();
      people.search(schools, List.of(), q, 50);
      micros.add((System.nanoTime() - t0) / 1_000);
    }
    System.out.printf(
        "search, %s, %d queries: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what,
        micros.size(),
        percentile(micros, 50) / 1000.0,
        percentile(micros, 90) / 1000.0,
        percentile(micros, 99) / 1000.0,
        percentile(micros, 100) / 1000.0);
  }

  private static long percentile(List<Long> values, int p) {
    Long[] sorted = values.toArray(Long[]::new);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** A list in the template's columns, every row valid, with unique personal IDs. */
  static byte[] classList(int rows, Random random) {
    List<List<String>> data = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
      LocalDate birth = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(365));
      String name =
          FAMILY[random.nextInt(FAMILY.length)]
              + " "
              + (sex == Sex.F ? "Thị" : MIDDLE[random.nextInt(MIDDLE.length)])
              + " "
              + GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + GIVEN[random.nextInt(GIVEN.length)];
      data.add(
          List.of(
              name,
              birth.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
              sex == Sex.M ? "Nam" : "Nữ",
              "Kinh",
              ClassListFiles.personalId(birth, sex),
              "",
              "Hải Phòng",
              "Hải Phòng",
              "Số " + (i + 1) + " đường Lạch Tray",
              "",
              "Nguyễn Văn Bố",
              String.format("09%08d", random.nextInt(100_000_000)),
              "Trần Thị Mẹ",
              String.format("09%08d", random.nextInt(100_000_000))));
    }
    return ClassListFiles.xlsx(ClassListFiles.TEMPLATE_HEADERS, data);
  }
}
