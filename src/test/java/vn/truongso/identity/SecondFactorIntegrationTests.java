package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.identity.internal.LoginOutcome;
import vn.truongso.identity.internal.LoginService;
import vn.truongso.org.School;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;
import vn.truongso.support.TotpCodes;

/**
 * The second factor cannot be guessed: wrong codes count like wrong passwords and a right password
 * does not reset the count; a used code is refused; the refusal names the code, not the password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecondFactorIntegrationTests {

  static final String PASSWORD = "Hieu-Truong-2026";

  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired TestOrg testOrg;
  @Autowired LoginService login;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void fiveWrongCodesLockTheAccountEvenWithTheRightPasswordEachTime() {
    Enrolled p = principalWithTotp();
    for (int i = 1; i <= 4; i++) {
      LoginOutcome step = login.password(p.username, PASSWORD, "10.0.0.1", "test");
      assertThat(step).isEqualTo(new LoginOutcome.Next(p.id, LoginOutcome.Step.TOTP));
      LoginOutcome code = login.secondFactor(p.id, wrongCode(p), "10.0.0.1", "test");
      assertThat(code).isEqualTo(new LoginOutcome.Refused("login.codeWrong", null));
      assertThat(failedAttempts(p.id)).isEqualTo(i); // the right password did not reset it
    }
    login.password(p.username, PASSWORD, "10.0.0.1", "test");
    LoginOutcome fifth = login.secondFactor(p.id, wrongCode(p), "10.0.0.1", "test");
    assertThat(fifth).isInstanceOf(LoginOutcome.Refused.class);
    assertThat(((LoginOutcome.Refused) fifth).messageKey()).isEqualTo("login.lockedNow");

    // Locked: neither the right password nor the right code opens it for 15 minutes.
    assertThat(login.password(p.username, PASSWORD, "10.0.0.1", "test"))
        .isInstanceOf(LoginOutcome.Refused.class);
    assertThat(login.secondFactor(p.id, codeNow(p), "10.0.0.1", "test"))
        .isInstanceOf(LoginOutcome.Refused.class);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE action = 'identity.account.lock' AND"
                        + " entity_id = ?")
                .param(String.valueOf(p.id))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theCountResetsOnlyWhenTheWholeSignInSucceeds() {
    Enrolled p = principalWithTotp();
    login.password(p.username, PASSWORD, "10.0.0.2", "test");
    login.secondFactor(p.id, wrongCode(p), "10.0.0.2", "test");
    assertThat(failedAttempts(p.id)).isEqualTo(1);
    login.password(p.username, PASSWORD, "10.0.0.2", "test");
    assertThat(login.secondFactor(p.id, nextCode(p), "10.0.0.2", "test"))
        .isEqualTo(new LoginOutcome.SignedIn(p.id));
    assertThat(failedAttempts(p.id)).isZero();
  }

  @Test
  void aCodeAlreadyUsedIsRefusedAsAWrongCode() {
    Enrolled p = principalWithTotp();
    String code = nextCode(p);
    login.password(p.username, PASSWORD, "10.0.0.3", "test");
    assertThat(login.secondFactor(p.id, code, "10.0.0.3", "test"))
        .isEqualTo(new LoginOutcome.SignedIn(p.id));
    login.password(p.username, PASSWORD, "10.0.0.3", "test");
    assertThat(login.secondFactor(p.id, code, "10.0.0.3", "test"))
        .isEqualTo(new LoginOutcome.Refused("login.codeWrong", null));
  }

  @Test
  void theApiCountsWrongCodesAndSaysTheCodeIsWrong() throws Exception {
    Enrolled p = principalWithTotp();
    for (int i = 1; i <= 4; i++) {
      HttpResponse<String> r = token(p.username, PASSWORD, wrongCode(p));
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("login.codeWrong").contains("Mã xác thực không đúng");
    }
    HttpResponse<String> fifth = token(p.username, PASSWORD, wrongCode(p));
    assertThat(fifth.body()).contains("login.lockedNow");
    assertThat(token(p.username, PASSWORD, nextCode(p)).statusCode()).isEqualTo(401);
  }

  record Enrolled(long id, String username, String secret) {}

  private Enrolled principalWithTotp() {
    School school = testOrg.school();
    TestAccounts.Created a =
        accounts.create(school, Role.PRINCIPAL, "Phạm Hồng Nhung", PASSWORD, false);
    String secret = login.newTotpSecret();
    login.enrolTotp(a.id(), secret, TotpCodes.at(secret, step()));
    return new Enrolled(a.id(), a.username(), secret);
  }

  private long step() {
    return clock.instant().getEpochSecond() / 30;
  }

  /** The enrolment used the current step, so the next step's code is the one still usable. */
  private String nextCode(Enrolled p) {
    return TotpCodes.at(p.secret, step() + 1);
  }

  private String codeNow(Enrolled p) {
    return TotpCodes.at(p.secret, step());
  }

  /** A code valid in none of the steps the server accepts. */
  private String wrongCode(Enrolled p) {
    for (int candidate = 0; ; candidate++) {
      String c = String.format("%06d", candidate);
      boolean valid = false;
      for (long s = step() - 2; s <= step() + 2; s++) {
        valid |= TotpCodes.at(p.secret, s).equals(c);
      }
      if (!valid) {
        return c;
      }
    }
  }

  private int failedAttempts(long id) {
    return jdbc.sql("SELECT failed_attempts FROM account WHERE id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private HttpResponse<String> token(String username, String password, String code)
      throws Exception {
    String json =
        "{\"username\":\"%s\",\"password\":\"%s\",\"totp\":\"%s\"}"
            .formatted(username, password, code);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
