package vn.truongso.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
import vn.truongso.support.TestOrg;

/**
 * Issue 20's daily-life load, over HTTP with the load generator on the same 2 cores: (1) the
 * morning roll of a 2 000-student school, 45 classes whose homeroom teachers take the roll within
 * {@code bench.window} seconds, a fifth of them correcting it once; (2) the portal page of a child
 * under {@code bench.families} signed-in family sessions, each reading it every {@code bench.think}
 * ms (± 50 %) for {@code bench.seconds}. Run by {@code bench/daily.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DailyLifeLoadBenchmark {

  static final String PASSWORD = "Tai-Khoan-Do-Tai-2026";

  @LocalServerPort int port;
  @Autowired GeneratedSchools generator;
  @Autowired TestOrg testOrg;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void theMorningRollOfA2000StudentSchool() throws Exception {
    int windowSeconds = Integer.getInteger("bench.window", 600);
    OrgUnit ward = testOrg.wardOffice(testOrg.province(), "11411");
    GeneratedSchools.Generated school = generator.school(ward, "Trường THCS Điểm Danh", 45, 44);
    List<String> teachers = new ArrayList<>();
    for (GeneratedSchools.GeneratedClass c : school.classes()) {
      teachers.add(
          account(
              school.school().id(),
              Role.HOMEROOM_TEACHER,
              new Provisioning.Scope(school.school().id(), c.id(), null, 2026, null)));
    }
    BenchHttp http = new BenchHttp(port);
    ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> saves = new ConcurrentLinkedQueue<>();
    AtomicInteger failures = new AtomicInteger();
    long t0 = System.nanoTime();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < teachers.size(); i++) {
        String username = teachers.get(i);
        GeneratedSchools.GeneratedClass c = school.classes().get(i);
        done.add(
            pool.submit(
                () -> {
                  LockSupport.parkNanos(
                      ThreadLocalRandom.current().nextLong(windowSeconds * 1_000_000_000L + 1));
                  BenchHttp.Session s = http.login(username, PASSWORD);
                  String path =
                      "/schools/" + school.school().id() + "/classes/" + c.id() + "/attendance";
                  long p0 = System.nanoTime();
                  HttpResponse<String> page = http.page(s, path + "?session=SANG");
                  pages.add(System.nanoTime() - p0);
                  int version = roll(http, s, path, c, 0, saves, failures);
                  if (ThreadLocalRandom.current().nextInt(5) == 0) {
                    roll(http, s, path, c, version, saves, failures);
                  }
                  return page.statusCode();
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] p = pages.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] w = saves.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "BENCH roll: %d classes, %d students, window %d s, took %.1f s; page p50 %.1f ms p95 %.1f"
            + " ms; %d saves, %d failures, save p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        school.classes().size(),
        school.classes().stream().mapToInt(c -> c.students().length).sum(),
        windowSeconds,
        seconds,
        BenchHttp.pct(p, 50),
        BenchHttp.pct(p, 95),
        w.length,
        failures.get(),
        BenchHttp.pct(w, 50),
        BenchHttp.pct(w, 95),
        w.length == 0 ? 0 : w[w.length - 1] / 1e6);
    assertThat(failures.get()).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM attendance_roll WHERE school_id = ?")
                .param(school.school().id())
                .query(Long.class)
                .single())
        .isEqualTo(45);
  }

  /** Saves the class's roll with two or three students absent; the new version. */
  private static int roll(
      BenchHttp http,
      BenchHttp.Session s,
      String path,
      GeneratedSchools.GeneratedClass c,
      int version,
      ConcurrentLinkedQueue<Long> saves,
      AtomicInteger failures)
      throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder marks = new StringBuilder();
    for (int k = 0; k < 2 + r.nextInt(2); k++) {
      long student = c.students()[r.nextInt(c.students().length)];
      if (!marks.isEmpty()) {
        marks.append(',');
      }
      marks
          .append('"')
          .append(student)
          .append("\":{\"kind\":\"")
          .append(r.nextBoolean() ? "P" : "K")
          .append("\"}");
    }
    String body =
        "{\"key\":\""
            + UUID.randomUUID()
            + "\",\"day\":\"2026-12-01\",\"session\":\"SANG\",\"version\":"
            + version
            + ",\"marks\":{"
            + marks
            + "}}";
    long t = System.nanoTime();
    HttpResponse<String> saved = http.postJson(s, path, body);
    saves.add(System.nanoTime() - t);
    if (saved.statusCode() != 200) {
      failures.incrementAndGet();
      System.out.println("BENCH roll refused: " + saved.statusCode() + " " + saved.body());
      return version;
    }
    return version + 1;
  }

  @Test
  void thePortalPageUnderManyFamilySessions() throws Exception {
    int families = Integer.getInteger("bench.families", 2000);
    long thinkMs = Long.getLong("bench.think", 5000);
    int seconds = Integer.getInteger("bench.seconds", 60);
    OrgUnit ward = testOrg.wardOffice(testOrg.province(), "11411");
    int classes = (families + 43) / 44;
    GeneratedSchools.Generated school = generator.school(ward, "Trường THCS Cổng", classes, 44);
    List<long[]> children = new ArrayList<>();
    for (GeneratedSchools.GeneratedClass c : school.classes()) {
      for (Long st : c.students()) {
        if (children.size() < families) {
          children.add(new long[] {st});
        }
      }
      generator.fillYear(school.school().id(), c, false);
    }
    List<String> accounts = guardians(school.school().id(), children);
    System.out.printf("BENCH portal: %d family accounts ready%n", accounts.size());

    BenchHttp http = new BenchHttp(port);
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(accounts.size());
    AtomicInteger failedLogins = new AtomicInteger();
    long loginSpreadMs = Long.getLong("bench.loginSpread", 120_000);
    long l0 = System.nanoTime();
    long start;
    long end;
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < accounts.size(); i++) {
        String username = accounts.get(i);
        String path = "/portal/" + school.school().id() + "/" + children.get(i)[0];
        done.add(
            pool.submit(
                () -> {
                  // Families arrive over the login spread, as parents open the app in the evening.
                  LockSupport.parkNanos(
                      ThreadLocalRandom.current().nextLong(loginSpreadMs * 1_000_000 + 1));
                  BenchHttp.Session s = null;
                  try {
                    s = http.login(username, PASSWORD);
                  } catch (Exception | Error e) {
                    failedLogins.incrementAndGet();
                  } finally {
                    ready.countDown();
                  }
                  ready.await();
                  return s == null ? 0 : read(http, s, path, thinkMs, seconds, latencies, failures);
                }));
      }
      ready.await();
      start = System.nanoTime();
      System.out.printf(
          "BENCH portal: %d sessions signed in in %.1f s, %d logins failed%n",
          accounts.size() - failedLogins.get(), (start - l0) / 1e9, failedLogins.get());
      for (Future<?> f : done) {
        f.get();
      }
      end = System.nanoTime();
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        "BENCH portal: %d sessions, think %d ms, %d pages in %.1f s (%.0f pages/s), %d failures;"
            + " page p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
        accounts.size(),
        thinkMs,
        all.length,
        (end - start) / 1e9,
        all.length / ((end - start) / 1e9),
        failures.get(),
        BenchHttp.pct(all, 50),
        BenchHttp.pct(all, 95),
        BenchHttp.pct(all, 99));
    assertThat(failures.get() + failedLogins.get()).isZero();
  }

  private static int read(
      BenchHttp http,
      BenchHttp.Session s,
      String path,
      long thinkMs,
      int seconds,
      ConcurrentLinkedQueue<long[]> latencies,
      AtomicInteger failures)
      throws Exception {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> mine = new ArrayList<>();
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(thinkMs * 1_000_000 + 1));
    while (System.nanoTime() < until) {
      long t = System.nanoTime();
      try {
        HttpResponse<String> page = http.page(s, path);
        if (page.statusCode() != 200) {
          failures.incrementAndGet();
        }
      } catch (java.io.IOException e) {
        failures.incrementAndGet();
      }
      mine.add(System.nanoTime() - t);
      long think = thinkMs / 2 + ThreadLocalRandom.current().nextLong(thinkMs + 1);
      LockSupport.parkNanos(think * 1_000_000);
    }
    latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
    return mine.size();
  }

  /** A guardian account per child, all with one password hashed once (creation is not measured). */
  private List<String> guardians(long schoolId, List<long[]> children) {
    String prefix = TestOrg.unique("ph");
    String first =
        account(
            schoolId,
            Role.GUARDIAN,
            new Provisioning.Scope(schoolId, null, null, null, children.get(0)[0]));
    List<String> names = new ArrayList<>(List.of(first));
    tx.executeWithoutResult(
        s -> {
          for (int i = 1; i < children.size(); i++) {
            String username = prefix + "-" + i;
            long id =
                jdbc.sql(
                        "INSERT INTO account (username, display_name, password_hash,"
                            + " password_changed_at, must_change_password, created_at)"
                            + " SELECT ?, ?, password_hash, now(), false, now() FROM account"
                            + " WHERE username = ? RETURNING id")
                    .params(username, username, first)
                    .query(Long.class)
                    .single();
            jdbc.sql(
                    "INSERT INTO role_assignment (account_id, role, org_unit_id, school_id,"
                        + " student_id, granted_at) VALUES (?, 'GUARDIAN', ?, ?, ?, now())")
                .params(id, schoolId, schoolId, children.get(i)[0])
                .update();
            names.add(username);
          }
        });
    return names;
  }

  private String account(long schoolId, Role role, Provisioning.Scope scope) {
    String username = TestOrg.unique(role.name().toLowerCase().replace('_', '.'));
    tx.executeWithoutResult(
        s -> {
          long a = provisioning.createAccount(username, username, PASSWORD, schoolId, false);
          provisioning.grant(a, role, schoolId, scope);
        });
    return username;
  }
}
