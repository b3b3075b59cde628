package vn.truongso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.support.TestOrg;

/**
 * A client cannot choose its own address with X-Forwarded-For: the header is believed only from a
 * proxy listed in TRUONGSO_TRUSTED_PROXIES.
 */
class TrustedProxiesIntegrationTests {

  static final String FORGED = "203.0.113.7";

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  class WithNoProxyConfigured {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aForgedForwardedForIsIgnoredInTheLoginRecord() throws Exception {
      String user = failSignIn(port);
      assertThat(recordedAddress(jdbc, user)).isEqualTo("127.0.0.1");
    }
  }

  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = "truongso.trusted-proxies=127.0.0.1, ::1")
  class BehindATrustedProxy {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theProxysForwardedForIsTheClientsAddress() throws Exception {
      String user = failSignIn(port);
      assertThat(recordedAddress(jdbc, user)).isEqualTo(FORGED);
    }
  }

  @Test
  void theListIsCommaSeparatedAndEachAddressMatchesExactly() {
    String regex = TrustedProxies.regex(TrustedProxies.parse(" 10.0.0.5 , ::1,"));
    assertThat("10.0.0.5".matches(regex)).isTrue();
    assertThat("::1".matches(regex)).isTrue();
    assertThat("10.0.0.50".matches(regex)).isFalse();
    assertThat("10a0a0a5".matches(regex)).isFalse();
    assertThat(TrustedProxies.parse("")).isEmpty();
  }

  static String failSignIn(int port) throws Exception {
    String user = TestOrg.unique("khong-ai");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", FORGED)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + user + "\",\"password\":\"sai-mat-khau\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    return user;
  }

  static String recordedAddress(JdbcClient jdbc, String user) {
    return jdbc.sql("SELECT ip FROM login_event WHERE username = ?")
        .param(user)
        .query(String.class)
        .single();
  }
}
