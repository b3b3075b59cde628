import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the home page: N signed-in sessions (demo teacher accounts, no 2FA) each request "/" in
 * a loop for D seconds against 127.0.0.1 only, then throughput and latency percentiles.
 *
 * <p>java bench/LoadTest.java [baseUrl=http://127.0.0.1:8080] [sessions=50] [seconds=60]
 */
public class LoadTest {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final List<String> USERS = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    if (!URI.create(base).getHost().equals("127.0.0.1") && !URI.create(base).getHost().equals("localhost")) {
      throw new IllegalArgumentException("Load is only ever sent to this machine (127.0.0.1)");
    }
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int seconds = Math.min(args.length > 2 ? Integer.parseInt(args[2]) : 60, 600);
    for (int i = 3; i <= 11; i++) {
      USERS.add(String.format("thcs.gv%02d", i));
    }
    for (int i = 1; i <= 12; i++) {
      USERS.add(String.format("haian.gv%02d", i));
    }
    USERS.addAll(List.of("thcs.gvcn", "thcs.gvbm", "thcs.totruong", "thcs.vanthu", "thcs.ketoan", "thcs.yte",
        "thcs.thuvien", "th.gv1", "th.gv2", "th.gv3", "th.gv4", "th.gv5", "mn.gv1", "mn.gv2", "0912345678"));

    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      clients.add(login(base, USERS.get(i % USERS.size())));
    }
    System.out.printf("%d sessions signed in; %d s on GET /%n", sessions, seconds);

    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long[][] latencies = new long[sessions][];
    AtomicLong errors = new AtomicLong();
    Thread[] threads = new Thread[sessions];
    long started = System.nanoTime();
    for (int i = 0; i < sessions; i++) {
      int n = i;
      threads[i] = Thread.ofVirtual().start(() -> {
        long[] mine = new long[1 << 16];
        int count = 0;
        HttpRequest home = HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(30)).build();
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> r = clients.get(n).send(home, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          if (count == mine.length) {
            mine = Arrays.copyOf(mine, mine.length * 2);
          }
          mine[count++] = System.nanoTime() - t0;
        }
        latencies[n] = Arrays.copyOf(mine, count);
      });
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf("requests %d, errors %d, %.1f s%n", all.length, errors.get(), elapsed);
    System.out.printf("throughput %.0f req/s%n", all.length / elapsed);
    System.out.printf("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        pct(all, 50), pct(all, 90), pct(all, 99), all[all.length - 1] / 1e6);
  }

  static double pct(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
  }

  static HttpClient login(String base, String user) throws Exception {
    HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    String page = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form = "_csrf=" + m.group(1) + "&username=" + user + "&password=TruongSo%402026";
    HttpResponse<String> r = c.send(
        HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/")) {
      throw new IllegalStateException("sign-in failed for " + user + ": " + r.statusCode());
    }
    return c;
  }
}
