package vn.truongso.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.messaging.internal.DeliveryWorker;
import vn.truongso.org.OrgUnit;
import vn.truongso.support.BenchHttp;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.StubHttpServer;
import vn.truongso.support.TestOrg;

/**
 * Issue 20's fan-out: one school-wide notice to the families of a 2 000-student school, two
 * guardians a child (about 4 000 accounts), each told in the inbox, by e-mail (GreenMail, a real
 * SMTP server on this machine) and by push (a local push-service stub): the time until everything
 * is queued (the principal's request over HTTP) and until everything is delivered (the worker,
 * draining as it does every few seconds in production). Run by {@code bench/fanout.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FanoutBenchmark {

  static final String PASSWORD = "Tai-Khoan-Do-Tai-2026";
  private static final int SMTP_PORT = freePort();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @LocalServerPort int port;
  @Autowired GeneratedSchools generator;
  @Autowired TestOrg testOrg;
  @Autowired Provisioning provisioning;
  @Autowired DeliveryWorker worker;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void aSchoolWideNoticeToFourThousandFamilies() throws Exception {
    GreenMail mail =
        new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    try (StubHttpServer push = new StubHttpServer()) {
      OrgUnit ward = testOrg.wardOffice(testOrg.province(), "11411");
      GeneratedSchools.Generated school = generator.school(ward, "Trường THCS Thông Báo", 45, 44);
      long schoolId = school.school().id();
      int guardians = families(schoolId, school, push.url());
      String principal = account(schoolId);
      System.out.printf("BENCH fanout: %d guardian accounts ready%n", guardians);

      BenchHttp http = new BenchHttp(port);
      BenchHttp.Session s = http.login(principal, PASSWORD);
      long t0 = System.nanoTime();
      HttpResponse<String> sent = send(http, s, schoolId);
      double queued = (System.nanoTime() - t0) / 1e9;
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
      long messageId =
          jdbc.sql("SELECT max(id) FROM message WHERE school_id = ?")
              .param(schoolId)
              .query(Long.class)
              .single();
      long t1 = System.nanoTime();
      int tried = worker.drain();
      double delivered = (System.nanoTime() - t1) / 1e9;
      List<String> counts =
          jdbc.sql(
                  "SELECT channel || ' ' || status || ' ' || count(*) FROM message_delivery"
                      + " WHERE message_id = ? GROUP BY channel, status ORDER BY 1")
              .param(messageId)
              .query(String.class)
              .list();
      int inbox =
          jdbc.sql("SELECT count(*) FROM message_recipient WHERE message_id = ?")
              .param(messageId)
              .query(Integer.class)
              .single();
      System.out.printf(
          "BENCH fanout: %d inbox rows and %d deliveries queued in %.2f s (the request);"
              + " %d delivered in %.1f s (%.0f/s): %s; SMTP server received %d, push stub %d%n",
          inbox,
          tried,
          queued,
          tried,
          delivered,
          tried / delivered,
          counts,
          mail.getReceivedMessages().length,
          push.requests().size());
      assertThat(counts).allMatch(c -> c.contains(" SENT "));
    } finally {
      mail.stop();
    }
  }

  private HttpResponse<String> send(BenchHttp http, BenchHttp.Session s, long schoolId)
      throws Exception {
    String boundary = "----truongso" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (String[] f :
        new String[][] {
          {"kind", "NOTICE"},
          {"scope", "SCHOOL"},
          {"title", "Lịch nghỉ Tết Nguyên đán"},
          {"body", "Học sinh nghỉ Tết từ ngày 9/2 đến hết ngày 22/2/2027."}
        }) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(f[0])
          .append("\"\r\n\r\n")
          .append(f[1])
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return http.post(
        s,
        "/schools/" + schoolId + "/messages",
        "multipart/form-data; boundary=" + boundary,
        body.toString());
  }

  /** Two guardian accounts a child, each with an e-mail address and a phone subscribed to push. */
  private int families(long schoolId, GeneratedSchools.Generated school, String pushUrl)
      throws Exception {
    var g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    ECPublicKey browser = (ECPublicKey) g.generateKeyPair().getPublic();
    String p256dh = point(browser);
    String auth = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
    String prefix = TestOrg.unique("ph");
    Long[] students =
        school.classes().stream().flatMap(c -> Arrays.stream(c.students())).toArray(Long[]::new);
    return tx.execute(
        st -> {
          jdbc.sql(
                  """
                  WITH kids AS (SELECT s, n FROM unnest(?::bigint[]) WITH ORDINALITY AS k(s, n)),
                  pairs AS (SELECT s, n, w FROM kids, generate_series(1, 2) AS w),
                  made AS (
                    INSERT INTO account (username, display_name, password_hash,
                                         password_changed_at, must_change_password, created_at)
                    SELECT ? || '-' || n || '-' || w, 'Phụ huynh ' || n, 'x', now(), false, now()
                      FROM pairs RETURNING id, username)
                  INSERT INTO role_assignment (account_id, role, org_unit_id, school_id,
                                               student_id, granted_at)
                  SELECT m.id, 'GUARDIAN', ?, ?, p.s, now()
                    FROM made m JOIN pairs p ON m.username = ? || '-' || p.n || '-' || p.w
                  """)
              .params(students, prefix, schoolId, schoolId, prefix)
              .update();
          jdbc.sql(
                  "INSERT INTO messaging_preference (account_id, email, updated_at)"
                      + " SELECT id, username || '@gd.example.vn', now() FROM account"
                      + " WHERE username LIKE ? || '-%'")
              .param(prefix)
              .update();
          return jdbc.sql(
                  "INSERT INTO push_subscription (account_id, endpoint, p256dh, auth, created_at)"
                      + " SELECT id, ? || '/push/' || id, ?, ?, now() FROM account"
                      + " WHERE username LIKE ? || '-%'")
              .params(pushUrl, p256dh, auth, prefix)
              .update();
        });
  }

  private String account(long schoolId) {
    String username = TestOrg.unique("gui.thong.bao");
    tx.executeWithoutResult(
        s -> {
          long a = provisioning.createAccount(username, username, PASSWORD, schoolId, false);
          provisioning.grant(
              a,
              Role.NOTICE_SENDER,
              schoolId,
              new Provisioning.Scope(schoolId, null, null, null, null));
        });
    return username;
  }

  private static String point(ECPublicKey key) {
    byte[] out = new byte[65];
    out[0] = 4;
    byte[] x = key.getW().getAffineX().toByteArray();
    byte[] y = key.getW().getAffineY().toByteArray();
    System.arraycopy(
        x, Math.max(0, x.length - 32), out, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
    System.arraycopy(
        y,
        Math.max(0, y.length - 32),
        out,
        33 + Math.max(0, 32 - y.length),
        Math.min(32, y.length));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
