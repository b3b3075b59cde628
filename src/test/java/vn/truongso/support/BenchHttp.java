package vn.truongso.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load generator's browser: form login over HTTP (the session cookie, the CSRF token of the
 * page), then pages and JSON posts with that session; and the percentiles the benchmarks report.
 */
public final class BenchHttp {

  private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private final String base;

  public BenchHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A signed-in session: its cookie and the CSRF token of its pages. */
  public record Session(String cookie, String csrf) {}

  public Session login(String username, String password) throws Exception {
    HttpResponse<String> page = http.send(get("/login", null), body());
    String cookie = cookie(page, null);
    String token = match(CSRF_INPUT, page.body());
    HttpResponse<String> login =
        http.send(
            form(
                "/login",
                cookie,
                Map.of("username", username, "password", password, "_csrf", token)),
            body());
    if (login.statusCode() != 302
        || login.headers().firstValue("Location").orElse("").contains("login")) {
      throw new IllegalStateException("login failed for " + username + ": " + login.statusCode());
    }
    cookie = cookie(login, cookie);
    HttpResponse<String> home = http.send(get("/", cookie), body());
    return new Session(cookie, match(CSRF_META, home.body()));
  }

  public HttpResponse<String> page(Session s, String path) throws Exception {
    return http.send(get(path, s.cookie()), body());
  }

  public HttpResponse<String> postJson(Session s, String path, String json) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Cookie", s.cookie())
            .header("X-CSRF-TOKEN", s.csrf())
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(r, body());
  }

  /** A post of any body (a multipart form), the session's CSRF token in its header. */
  public HttpResponse<String> post(Session s, String path, String contentType, String body)
      throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", contentType)
            .header("Cookie", s.cookie())
            .header("X-CSRF-TOKEN", s.csrf())
            .POST(
                HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8))
            .build();
    return http.send(r, body());
  }

  /** The p-th percentile of sorted nanosecond latencies, in milliseconds. */
  public static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }

  private HttpRequest get(String path, String cookie) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b.GET().build();
  }

  private HttpRequest form(String path, String cookie, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (!body.isEmpty()) {
            body.append('&');
          }
          body.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /** The session cookie the response sets, or the one already held. */
  public static String cookie(HttpResponse<?> r, String held) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
      if (pair.startsWith("SESSION=") || pair.startsWith("JSESSIONID=")) {
        return pair;
      }
    }
    return held;
  }

  /** The first group of the pattern's first match in the text. */
  public static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("not found: " + p);
    }
    return m.group(1);
  }
}
