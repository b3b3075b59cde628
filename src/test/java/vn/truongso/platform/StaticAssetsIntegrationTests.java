package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every stylesheet and script a page links loads without signing in, fingerprinted so that browsers
 * may cache it, under a content security policy that forbids inline code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetsIntegrationTests {

  private static final Pattern ASSET =
      Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theLoginPagesAssetsLoadAndAreCacheable() throws Exception {
    HttpResponse<String> login = get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    List<String> assets = new ArrayList<>();
    Matcher m = ASSET.matcher(login.body());
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertThat(assets).hasSize(6).anyMatch(a -> a.matches("/assets/css/app-[0-9a-f]{32}\\.css"));
    for (String asset : assets) {
      HttpResponse<String> r = get(asset);
      assertThat(r.statusCode()).as(asset).isEqualTo(200);
      assertThat(r.headers().firstValue("Cache-Control").orElse(""))
          .as(asset)
          .contains("max-age=2592000");
    }
  }

  @Test
  void pagesAreNotServedAsStaticFiles() throws Exception {
    HttpResponse<String> r = get("/assets/../application.properties");
    assertThat(r.statusCode()).isIn(400, 404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
