package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.internal.AccountAdmin;
import vn.truongso.identity.internal.LoginService;
import vn.truongso.org.School;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * A new password, a reset, a revoked role or "sign out everywhere" ends the account's other web
 * sessions and API tokens; a token can revoke itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignOutIntegrationTests {

  static final String PASSWORD = "Van-Thu-Mat-Khau-1";

  @LocalServerPort int port;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired AccountAdmin admin;
  @Autowired LoginService login;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aPasswordResetEndsTheAccountsTokensAndSessions() throws Exception {
    School school = testOrg.school();
    TestAccounts.Created clerk = accounts.create(school, Role.CLERK, "Văn thư", PASSWORD, false);
    TestAccounts.Created principal =
        accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-Mk-1", false);
    String token = token(clerk.username(), PASSWORD);
    webSession(clerk.username());
    assertThat(me(token)).isEqualTo(200);

    SecurityContextHolder.getContext().setAuthentication(principal.signedIn());
    admin.resetPassword(clerk.id(), "nghi bị lộ mật khẩu");

    assertThat(me(token)).isEqualTo(401);
    assertThat(sessionsOf(clerk.username())).isZero();
  }

  @Test
  void changingOnesOwnPasswordEndsTheOtherTokens() throws Exception {
    TestAccounts.Created clerk =
        accounts.create(testOrg.school(), Role.CLERK, "Văn thư", PASSWORD, false);
    String stolen = token(clerk.username(), PASSWORD);
    login.changePassword(clerk.id(), PASSWORD, "Mat-Khau-Moi-2026", "Mat-Khau-Moi-2026");
    assertThat(me(stolen)).isEqualTo(401);
  }

  @Test
  void aRevokedRoleEndsTheSessions() {
    School school = testOrg.school();
    TestAccounts.Created clerk = accounts.create(school, Role.CLERK, "Văn thư", PASSWORD, false);
    TestAccounts.Created principal =
        accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-Mk-1", false);
    webSession(clerk.username());
    long role =
        jdbc.sql("SELECT id FROM role_assignment WHERE account_id = ?")
            .param(clerk.id())
            .query(Long.class)
            .single();
    SecurityContextHolder.getContext().setAuthentication(principal.signedIn());
    admin.revokeRole(role, "chuyển công tác");
    assertThat(sessionsOf(clerk.username())).isZero();
  }

  @Test
  void aTokenRevokesItselfOrEverything() throws Exception {
    TestAccounts.Created clerk =
        accounts.create(testOrg.school(), Role.CLERK, "Văn thư", PASSWORD, false);
    String first = token(clerk.username(), PASSWORD);
    String second = token(clerk.username(), PASSWORD);
    webSession(clerk.username());

    assertThat(revoke(first, "").statusCode()).isEqualTo(200);
    assertThat(me(first)).isEqualTo(401);
    assertThat(me(second)).isEqualTo(200);
    assertThat(sessionsOf(clerk.username())).isOne();

    HttpResponse<String> all = revoke(second, "{\"all\":true}");
    assertThat(all.body()).contains("\"revoked\":2");
    assertThat(me(second)).isEqualTo(401);
    assertThat(sessionsOf(clerk.username())).isZero();
    assertThat(revoke(second, "").statusCode()).isEqualTo(401);
  }

  private void webSession(String username) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,
              MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
            VALUES (?, ?, 0, 0, 1800, 9999999999999, ?)
            """)
        .params(id, UUID.randomUUID().toString(), username)
        .update();
  }

  private int sessionsOf(String username) {
    return jdbc.sql("SELECT count(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
        .param(username)
        .query(Integer.class)
        .single();
  }

  private String token(String username, String password) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"%s\",\"password\":\"%s\"}"
                            .formatted(username, password))));
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  private int me(String token) throws Exception {
    return send(HttpRequest.newBuilder(uri("/api/v1/me"))
            .header("Authorization", "Bearer " + token))
        .statusCode();
  }

  private HttpResponse<String> revoke(String token, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/auth/revoke"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
