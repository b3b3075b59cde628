package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.truongso.org.School;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** The JSON API: bearer tokens, the same authorisation as the pages, clear errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthApiIntegrationTests {

  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired TestOrg testOrg;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTokenOpensTheApiWithinTheCallersSchools() throws Exception {
    School mine = testOrg.school();
    School other = testOrg.school();
    String username =
        accounts.create(mine, Role.CLERK, "Trần Văn Api", "Api-Mat-Khau-1", false).username();

    HttpResponse<String> token =
        post(
            "/api/v1/auth/token",
            "{\"username\":\"" + username + "\",\"password\":\"Api-Mat-Khau-1\"}");
    assertThat(token.statusCode()).isEqualTo(200);
    String bearer = token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> me = get("/api/v1/me", bearer);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"" + username + "\"").contains("CLERK");

    HttpResponse<String> schools = get("/api/v1/schools", bearer);
    assertThat(schools.body()).contains(mine.code()).doesNotContain(other.code());
    assertThat(get("/api/v1/schools/" + other.id() + "/years", bearer).statusCode()).isEqualTo(404);
  }

  @Test
  void aWrongPasswordOrNoTokenIsRefused() throws Exception {
    HttpResponse<String> wrong =
        post("/api/v1/auth/token", "{\"username\":\"khong-ai\",\"password\":\"sai-mat-khau\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    assertThat(get("/api/v1/me", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/me", "forged-token").statusCode()).isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentIsServed() throws Exception {
    HttpResponse<String> doc = get("/api/openapi", null);
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.body()).contains("/api/v1/auth/token").contains("/api/v1/schools");
  }

  @Test
  void theSwaggerUiIsServedWithoutSigningIn() throws Exception {
    HttpResponse<String> docs =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.uri().getPath()).startsWith("/api/swagger-ui/");
    assertThat(docs.body()).contains("swagger-ui");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
