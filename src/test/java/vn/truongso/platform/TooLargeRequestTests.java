package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input never shows a server page in English or a stack trace: a body over the limit gets the
 * platform's Vietnamese page, through the real Tomcat (MockMvc would not see the limit).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TooLargeRequestTests {

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired vn.truongso.demo.DemoFixture demo;

  @Test
  void aSevenMegabyteFormGetsOurPage() throws Exception {
    String body = "familyName=" + "A".repeat(7 * 1024 * 1024);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("Dữ liệu gửi lên quá lớn").doesNotContain("Exception");
  }

  /** Five megabytes fit under the limit: the name field itself says what is wrong. */
  @Test
  void aFiveMegabyteNameGetsTheFieldsMessage() throws Exception {
    demo.ensure();
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String login = get(http, "/login");
    post(
        http,
        "/login",
        "_csrf="
            + csrf(login)
            + "&username=thcs.gvcn&password="
            + vn.truongso.demo.DemoFixture.PASSWORD);
    String home = get(http, "/");
    String classPath = find(home, "/schools/\\d+/classes/\\d+");
    String student = find(get(http, classPath), "/schools/\\d+/students/\\d+");
    String form = get(http, student + "/edit");
    HttpResponse<String> response =
        post(
            http,
            student + "/edit",
            "_csrf="
                + csrf(form)
                + "&familyName="
                + "A".repeat(5 * 1024 * 1024)
                + "&givenName=An&birthDate=01%2F01%2F2014&sex=M&ethnicityCode=01");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Không quá 40 ký tự.").doesNotContain("Exception");
  }

  private String get(HttpClient http, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }

  private HttpResponse<String> post(HttpClient http, String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String csrf(String page) {
    return find(page, "(?<=name=\"_csrf\" value=\")[^\"]+");
  }

  private static String find(String page, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(page);
    assertThat(m.find()).as("%s in the page", regex).isTrue();
    return m.group();
  }
}
