package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.org.OrgUnit;
import vn.truongso.support.BenchHttp;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * Issue 4's load run (not part of the test run): {@code bench.teachers} subject teachers, each in
 * their own class × subject, log in over HTTP (form login, session cookie, CSRF token from the
 * page) and type a whole term-I sheet of 45 students cell by cell, as the page's script does, with
 * a think time between cells. Reports the save latency percentiles and throughput, then checks in
 * the database that every typed value is stored exactly once, at version 1, with one audit entry
 * each. Run with {@code bench/load.sh [teachers] [think-ms] [columns]}; figures in
 * docs/PERFORMANCE.md.
 */
@Tag("benchmark")
// As in production, the anomaly flags are refreshed by their own two threads: the tests' setting
// (in the saving thread, after its commit) holds a second connection per save and, under a
// thousand teachers, exhausts the pool.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "truongso.reporting.refresh-in-background=true")
class ScoreEntryLoadBenchmark {

  private static final int STUDENTS = 45;
  private static final int TEACHERS_PER_SCHOOL = 40;
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
  private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern SLOT = Pattern.compile("data-slot=\"([A-Z0-9]+)\"");
  private static final Pattern ROW = Pattern.compile("<tr data-student=\"(\\d+)\"");
  private static final Pattern PUPIL = Pattern.compile("<tr id=\"pupil-(\\d+)\"");
  private static final int PUPILS = 35;

  @LocalServerPort int port;
  @Autowired TestOrg testOrg;
  @Autowired GeneratedSchools generator;
  @Autowired Provisioning provisioning;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  /**
   * One teacher's sheet: the school, class and subject they are assigned; {@code primary}: a
   * primary subject (TT27), typed a line per pupil at mid-term I.
   */
  record Sheet(long schoolId, long classId, String subject, String username, boolean primary) {}

  @Test
  void teachersTypeTheirSheetsCellByCell() throws Exception {
    int teachers = Integer.getInteger("bench.teachers", 1000);
    long thinkMs = Long.getLong("bench.think", 3000);
    int columns = Integer.getInteger("bench.columns", 99);
    List<Sheet> sheets = generate(teachers);
    System.out.printf(
        "BENCH load: %d teachers (%d on primary sheets) ready, %d locks in force per grade%n",
        teachers,
        sheets.stream().filter(Sheet::primary).count(),
        Integer.getInteger("bench.locks", 0));

    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failures = new AtomicInteger();
    List<Future<Integer>> typed = new ArrayList<>();
    ConcurrentLinkedQueue<Long> loginTimes = new ConcurrentLinkedQueue<>();
    // Everybody is logged in before the typing starts: logins (Argon2, deliberately slow) are
    // measured on their own, spread over a minute as teachers arrive.
    CountDownLatch ready = new CountDownLatch(sheets.size());
    long loginSpreadMs = Long.getLong("bench.loginSpread", 60_000);
    long start;
    long end;
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      long t0 = System.nanoTime();
      for (Sheet s : sheets) {
        typed.add(
            pool.submit(
                () -> {
                  LockSupport.parkNanos(
                      ThreadLocalRandom.current().nextLong(loginSpreadMs * 1_000_000 + 1));
                  Session session;
                  try {
                    long l0 = System.nanoTime();
                    session = login(http, s);
                    loginTimes.add(System.nanoTime() - l0);
                  } finally {
                    ready.countDown();
                  }
                  ready.await();
                  // Teachers do not all type their first cell in the same second.
                  LockSupport.parkNanos(
                      ThreadLocalRandom.current().nextLong(thinkMs * 1_000_000 + 1));
                  return type(http, session, thinkMs, columns, latencies, failures);
                }));
      }
      ready.await();
      start = System.nanoTime();
      long[] loginSorted = loginTimes.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "BENCH load: %d logins in %.1f s, login latency p50 %.1f ms, p95 %.1f ms%n",
          loginSorted.length,
          (start - t0) / 1e9,
          BenchHttp.pct(loginSorted, 50),
          BenchHttp.pct(loginSorted, 95));
      int cells = 0;
      for (Future<Integer> f : typed) {
        cells += f.get();
      }
      end = System.nanoTime();
      System.out.printf("BENCH load: %d cells typed%n", cells);
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = (end - start) / 1e9;
    System.out.printf(
        "BENCH load: %d teachers, think %d ms, %d saves in %.1f s (%.0f saves/s), %d failures;"
            + " save latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        teachers,
        thinkMs,
        all.length,
        seconds,
        all.length / seconds,
        failures.get(),
        BenchHttp.pct(all, 50),
        BenchHttp.pct(all, 95),
        BenchHttp.pct(all, 99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6);

    // Nothing lost, nothing doubled: each typed value once, at version 1, audited once.
    long expected = all.length;
    long stored = 0;
    long wrong = 0;
    for (Sheet s : sheets) {
      if (s.primary()) {
        // a primary line: level T and the comment, score 9 where tested, version 1
        List<Object[]> lines =
            jdbc.sql(
                    "SELECT level, coalesce(score, 9), version FROM primary_assessment WHERE"
                        + " school_id = ? AND class_id = ? AND item = ? AND point = 'GHKI'")
                .params(s.schoolId(), s.classId(), s.subject())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3)})
                .list();
        for (Object[] r : lines) {
          stored++;
          if (!"T".equals(r[0]) || (Integer) r[1] != 9 || (Integer) r[2] != 1) {
            wrong++;
          }
        }
        continue;
      }
      List<Object[]> rows =
          jdbc.sql(
                  "SELECT student_id, slot, score, version FROM score_cell WHERE school_id = ?"
                      + " AND class_id = ? AND subject_code = ? AND term_no = 1")
              .params(s.schoolId(), s.classId(), s.subject())
              .query(
                  (rs, n) ->
                      new Object[] {
                        rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)
                      })
              .list();
      for (Object[] r : rows) {
        stored++;
        if (!value((Long) r[0], (String) r[1]).equals(((java.math.BigDecimal) r[2]).toPlainString())
            || (Integer) r[3] != 1) {
          wrong++;
        }
      }
    }
    long audited =
        jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action IN ('gradebook.score.set',"
                    + " 'gradebook.primary.save') AND school_id = ANY(?)")
            .param(sheets.stream().map(Sheet::schoolId).distinct().toArray(Long[]::new))
            .query(Long.class)
            .single();
    System.out.printf(
        "BENCH load check: %d saves answered 200, %d cells stored, %d with a wrong value or"
            + " version, %d audit entries%n",
        expected, stored, wrong, audited);
    assertThat(failures.get()).isZero();
    assertThat(stored).isEqualTo(expected);
    assertThat(wrong).isZero();
    assertThat(audited).isEqualTo(expected);
  }

  /** A logged-in teacher: the session cookie, the sheet's address and the page as opened. */
  record Session(String cookie, String url, String page, boolean primary) {}

  private Session login(HttpClient http, Sheet s) throws Exception {
    String base = "http://localhost:" + port;
    // The login page gives a session and its CSRF token; logging in changes the session.
    HttpResponse<String> page = http.send(get(base + "/login", null), body());
    String cookie = BenchHttp.cookie(page, null);
    String token = BenchHttp.match(CSRF_INPUT, page.body());
    HttpResponse<String> login =
        http.send(
            post(
                base + "/login",
                cookie,
                null,
                Map.of("username", s.username(), "password", TestClasses.PASSWORD, "_csrf", token)),
            body());
    if (login.statusCode() != 302
        || login.headers().firstValue("Location").orElse("").contains("login")) {
      throw new IllegalStateException(
          "login failed for " + s.username() + ": " + login.statusCode());
    }
    cookie = BenchHttp.cookie(login, cookie);
    String url =
        base
            + "/schools/"
            + s.schoolId()
            + "/classes/"
            + s.classId()
            + (s.primary() ? "/primary/" : "/scores/")
            + s.subject();
    HttpResponse<String> sheet =
        http.send(get(url + (s.primary() ? "?point=GHKI" : "?term=1"), cookie), body());
    if (sheet.statusCode() != 200) {
      throw new IllegalStateException("sheet " + sheet.statusCode());
    }
    return new Session(cookie, url, sheet.body(), s.primary());
  }

  private int type(
      HttpClient http,
      Session session,
      long thinkMs,
      int columns,
      ConcurrentLinkedQueue<long[]> latencies,
      AtomicInteger failures)
      throws Exception {
    if (session.primary()) {
      return typeLines(http, session, thinkMs, latencies, failures);
    }
    String url = session.url();
    String cookie = session.cookie();
    String body = session.page();
    String csrf = BenchHttp.match(CSRF_META, body);
    List<String> slots = new ArrayList<>();
    Matcher m = SLOT.matcher(body);
    while (m.find() && !slots.contains(m.group(1))) {
      slots.add(m.group(1));
    }
    List<Long> students = new ArrayList<>();
    m = ROW.matcher(body);
    while (m.find()) {
      students.add(Long.parseLong(m.group(1)));
    }
    long[] mine = new long[students.size() * Math.min(columns, slots.size())];
    int n = 0;
    // Column by column, down the class: how a teacher copies a paper list.
    for (String slot : slots.subList(0, Math.min(columns, slots.size()))) {
      for (long student : students) {
        LockSupport.parkNanos(
            (long) (thinkMs * (0.5 + ThreadLocalRandom.current().nextDouble())) * 1_000_000);
        long t0 = System.nanoTime();
        HttpResponse<String> saved =
            http.send(
                post(
                    url + "/cell",
                    cookie,
                    csrf,
                    Map.of(
                        "term",
                        "1",
                        "student",
                        String.valueOf(student),
                        "slot",
                        slot,
                        "value",
                        value(student, slot),
                        "version",
                        "0")),
                body());
        long took = System.nanoTime() - t0;
        if (saved.statusCode() == 200) {
          mine[n++] = took;
        } else {
          failures.incrementAndGet();
        }
      }
    }
    latencies.add(Arrays.copyOf(mine, n));
    return n;
  }

  /** A primary teacher's sheet at mid-term I: a line per pupil, as the page's script posts it. */
  private int typeLines(
      HttpClient http,
      Session session,
      long thinkMs,
      ConcurrentLinkedQueue<long[]> latencies,
      AtomicInteger failures)
      throws Exception {
    String csrf = BenchHttp.match(CSRF_META, session.page());
    boolean tested = session.page().contains("id=\"tested\">Thời điểm này có bài");
    List<Long> pupils = new ArrayList<>();
    Matcher m = PUPIL.matcher(session.page());
    while (m.find()) {
      pupils.add(Long.parseLong(m.group(1)));
    }
    long[] mine = new long[pupils.size()];
    int n = 0;
    for (long pupil : pupils) {
      LockSupport.parkNanos(
          (long) (thinkMs * (0.5 + ThreadLocalRandom.current().nextDouble())) * 1_000_000);
      long t0 = System.nanoTime();
      HttpResponse<String> saved =
          http.send(
              post(
                  session.url() + "/GHKI/" + pupil,
                  session.cookie(),
                  csrf,
                  Map.of(
                      "level",
                      "T",
                      "comment",
                      "Hoàn thành tốt nội dung môn học.",
                      "score",
                      tested ? "9" : "",
                      "version",
                      "0")),
              body());
      long took = System.nanoTime() - t0;
      if (saved.statusCode() == 200) {
        mine[n++] = took;
      } else {
        failures.incrementAndGet();
      }
    }
    latencies.add(Arrays.copyOf(mine, n));
    return n;
  }

  /** The value a teacher types in a cell: from 5.0 to 9.9, the same every time. */
  static String value(long student, String slot) {
    long h = Math.floorMod(student * 31 + slot.hashCode(), 50);
    return (5 + h / 10) + "." + (h % 10);
  }

  private List<Sheet> generate(int all) {
    OrgUnit ward = testOrg.wardOffice(testOrg.province(), "11411");
    int primary = all * Integer.getInteger("bench.primaryPercent", 0) / 100;
    List<Sheet> sheets = new ArrayList<>(primarySheets(ward, primary));
    int teachers = all - primary;
    int schools = schools(teachers);
    for (int k = 0; k < schools; k++) {
      int here = Math.min(TEACHERS_PER_SCHOOL, teachers - (sheets.size() - primary));
      // four scored subjects per class: ten classes for forty teachers
      int classes = (here + 3) / 4;
      GeneratedSchools.Generated g =
          generator.school(ward, "Trường THCS Tải " + (k + 1), classes, STUDENTS);
      long schoolId = g.school().id();
      int locks = Integer.getInteger("bench.locks", 0);
      if (locks > 0) {
        // Locks in force that every save has to read and weigh but that cover none of the
        // teachers' term-I cells: term II of other subjects, per grade, so each class sees all.
        for (int grade :
            g.classes().stream().map(GeneratedSchools.GeneratedClass::grade).distinct().toList()) {
          jdbc.sql(
                  """
                  INSERT INTO entry_lock (school_id, start_year, term_no, grade, subject_code,
                    reason, locked_by, locked_by_name, locked_at)
                  SELECT ?, 2026, 2, ?, 'bench_' || i, 'benchmark', 0, 'benchmark', now()
                  FROM generate_series(1, ?) i
                  """)
              .params(schoolId, grade, locks)
              .update();
        }
      }
      for (GeneratedSchools.GeneratedClass c : g.classes()) {
        List<String> subjects =
            jdbc.sql(
                    "SELECT subject_code FROM programme_subject WHERE grade = ?"
                        + " AND category = 'bat_buoc'"
                        + " AND assessment_mode = 'nhan_xet_ket_hop_diem_so'"
                        + " ORDER BY subject_code LIMIT 4")
                .param(c.grade())
                .query(String.class)
                .list();
        for (String subject : subjects) {
          if (sheets.size() == all) {
            break;
          }
          String username = teacher(schoolId, c.id(), subject);
          sheets.add(new Sheet(schoolId, c.id(), subject, username, false));
        }
      }
    }
    return sheets;
  }

  /**
   * Primary schools (grades 1–5 in turn, 35 pupils a class), four subjects assessed by level per
   * class, one teacher each.
   */
  private List<Sheet> primarySheets(OrgUnit ward, int teachers) {
    List<Sheet> sheets = new ArrayList<>();
    for (int k = 0; sheets.size() < teachers; k++) {
      int here = Math.min(TEACHERS_PER_SCHOOL, teachers - sheets.size());
      GeneratedSchools.Generated g =
          generator.primarySchool(ward, "Trường Tiểu học Tải " + (k + 1), (here + 3) / 4, PUPILS);
      long schoolId = g.school().id();
      for (GeneratedSchools.GeneratedClass c : g.classes()) {
        List<String> subjects =
            jdbc.sql(
                    "SELECT subject_code FROM programme_subject WHERE grade = ? AND category ="
                        + " 'bat_buoc' AND assessment_mode LIKE 'muc_T_H_C%'"
                        + " ORDER BY subject_code LIMIT 4")
                .param(c.grade())
                .query(String.class)
                .list();
        for (String subject : subjects) {
          if (sheets.size() == teachers) {
            break;
          }
          sheets.add(
              new Sheet(schoolId, c.id(), subject, teacher(schoolId, c.id(), subject), true));
        }
      }
    }
    return sheets;
  }

  private String teacher(long schoolId, long classId, String subject) {
    String username = TestOrg.unique("gv.tai");
    tx.executeWithoutResult(
        st -> {
          long id =
              provisioning.createAccount(
                  username, "Giáo viên " + username, TestClasses.PASSWORD, schoolId, false);
          provisioning.grant(
              id,
              Role.SUBJECT_TEACHER,
              schoolId,
              new Provisioning.Scope(schoolId, classId, subject, 2026, null));
        });
    return username;
  }

  private static int schools(int teachers) {
    return (teachers + TEACHERS_PER_SCHOOL - 1) / TEACHERS_PER_SCHOOL;
  }

  private static HttpRequest get(String url, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b.GET().build();
  }

  private static HttpRequest post(
      String url, String cookie, String csrf, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) -> {
          if (!body.isEmpty()) {
            body.append('&');
          }
          body.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (csrf != null) {
      b.header("X-CSRF-TOKEN", csrf);
    }
    return b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
