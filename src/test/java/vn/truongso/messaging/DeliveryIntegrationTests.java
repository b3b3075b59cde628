package vn.truongso.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.messaging.internal.DeliveryWorker;
import vn.truongso.messaging.internal.Preferences;
import vn.truongso.support.MovableClock;
import vn.truongso.support.StubHttpServer;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * Delivery beyond the inbox (issue 20 part 3): e-mail to a real SMTP server (GreenMail) that is
 * down when the notice goes and comes back later (everything queued, then delivered, nothing lost,
 * the status on the notice's page); Web Push to a local push-service stub that checks the VAPID
 * signature, with an expired subscription removed; and the quiet hours.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeliveryIntegrationTests {

  private static final int SMTP_PORT = freePort();
  private static final StubHttpServer PUSH = new StubHttpServer();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired Provisioning provisioning;
  @Autowired Preferences preferences;
  @Autowired DeliveryWorker worker;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  TestClasses.Taught t;
  List<Long> families = new ArrayList<>();
  Authentication principal;
  GreenMail mail;

  @BeforeEach
  void setUp() {
    clock.moveTo(LocalDateTime.of(2026, 12, 1, 7, 30));
    t = testClasses.taught(6, "toan", 8);
    for (int i = 0; i < t.students().size(); i++) {
      long account =
          accounts.guardian(t.school(), t.students().get(i), "Phụ huynh", "Phu-Huynh-2026").id();
      preferences.save(
          account, new Preferences.Choice("ph" + i + "@gd.example.vn", true, true, false, false));
      families.add(account);
    }
    principal =
        accounts
            .create(t.school(), Role.PRINCIPAL, "Cô Hiệu Trưởng", "Hieu-Truong-2026", false)
            .signedIn();
    PUSH.clear();
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    if (mail != null) {
      mail.stop();
    }
  }

  @AfterAll
  static void stopStub() {
    PUSH.close();
  }

  @Test
  void aNoticeSentWhileTheMailServerIsDownIsDeliveredWhenItReturns() throws Exception {
    long id = notice("SCHOOL", "NOTICE", "Nghỉ học ngày 4/12", "Học sinh nghỉ học do bão.");
    assertThat(worker.drain()).isEqualTo(8);
    assertThat(statuses(id)).containsOnly("QUEUED").hasSize(8);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM message_delivery WHERE message_id = ? AND attempts = 1"
                        + " AND last_error IS NOT NULL")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(8);
    String status = page(principal, "/schools/" + t.school().id() + "/messages/" + id);
    assertThat(status).contains("Đang chờ gửi").contains("ph0@gd.example.vn");
    // nothing is tried again before its time
    assertThat(worker.drain()).isZero();

    mail = startMail();
    clock.moveTo(LocalDateTime.of(2026, 12, 1, 7, 32));
    assertThat(worker.drain()).isEqualTo(8);
    assertThat(statuses(id)).containsOnly("SENT").hasSize(8);
    MimeMessage[] got = mail.getReceivedMessages();
    assertThat(got).hasSize(8);
    List<String> to = new ArrayList<>();
    for (MimeMessage m : got) {
      assertThat(m.getSubject()).isEqualTo("Nghỉ học ngày 4/12");
      assertThat(m.getContent().toString())
          .contains("Học sinh nghỉ học do bão.")
          .contains("/portal");
      to.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
    }
    assertThat(to)
        .containsExactlyInAnyOrder(
            "ph0@gd.example.vn",
            "ph1@gd.example.vn",
            "ph2@gd.example.vn",
            "ph3@gd.example.vn",
            "ph4@gd.example.vn",
            "ph5@gd.example.vn",
            "ph6@gd.example.vn",
            "ph7@gd.example.vn");
    assertThat(page(principal, "/schools/" + t.school().id() + "/messages/" + id))
        .doesNotContain("Đang chờ gửi")
        .contains("Đã gửi");
  }

  @Test
  void aPushCarriesAValidVapidSignatureAndAnExpiredSubscriptionIsRemoved() throws Exception {
    mail = startMail();
    Authentication first = signedIn(families.get(0));
    Authentication second = signedIn(families.get(1));
    subscribe(first, PUSH.url() + "/push/ok");
    subscribe(second, PUSH.url() + "/push/gone");
    PUSH.answer("/push/gone", 410, "");
    String vapid = vapidKeyShownTo(first);

    long id = notice("CLASS", "NOTICE", "Họp phụ huynh", "Thứ bảy 5/12, 8 giờ.");
    worker.drain();

    StubHttpServer.Request r = PUSH.requests("/push/ok").getFirst();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.headers().get("content-encoding")).isEqualTo("aes128gcm");
    assertThat(r.headers()).containsKey("ttl");
    assertThat(r.body().length).isGreaterThan(86); // salt, record size, key id, ciphertext
    Matcher m =
        Pattern.compile("vapid t=([^,\\s]+),\\s*k=([^,\\s]+)")
            .matcher(r.headers().get("authorization"));
    assertThat(m.matches()).isTrue();
    String[] jwt = m.group(1).split("\\.");
    assertThat(m.group(2)).isEqualTo(vapid);
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
    // RFC 8292's audience is the push service's origin; web-push 5.1.1 leaves out a port that is
    // not the default one, which real push services (on 443) never have, and this stub has
    assertThat(claims.path("aud").asString()).isEqualTo("http://127.0.0.1");
    assertThat(claims.path("sub").asString()).startsWith("mailto:");
    assertThat(JSON.readTree(Base64.getUrlDecoder().decode(jwt[0])).path("alg").asString())
        .isEqualTo("ES256");
    byte[] signed = (jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(jwt[2]);
    assertThat(verifies(publicKey(Base64.getUrlDecoder().decode(vapid)), signed, signature))
        .isTrue();
    // the check can fail: another key does not verify it
    assertThat(verifies(newBrowserKey().getPublic(), signed, signature)).isFalse();

    assertThat(
            jdbc.sql(
                    "SELECT status FROM message_delivery WHERE message_id = ? AND channel = 'PUSH'"
                        + " ORDER BY account_id")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("SENT", "DROPPED");
    assertThat(
            jdbc.sql("SELECT count(*) FROM push_subscription WHERE endpoint LIKE '%/push/gone'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void atNightPushesWaitForMorningUnlessUrgent() throws Exception {
    mail = startMail();
    subscribe(signedIn(families.get(0)), PUSH.url() + "/push/night");
    clock.moveTo(LocalDateTime.of(2026, 12, 1, 22, 15));
    long ordinary = notice("CLASS", "NOTICE", "Nhắc lịch", "Mai mang áo khoác.");
    long urgent = notice("CLASS", "URGENT", "Nghỉ học sáng mai", "Bão vào lúc 3 giờ sáng.");
    worker.drain();
    // e-mail goes at once; the phone hears only the urgent notice tonight
    assertThat(mail.getReceivedMessages()).hasSize(16);
    assertThat(PUSH.requests("/push/night")).hasSize(1);
    assertThat(pushStatus(ordinary)).isEqualTo("QUEUED");
    assertThat(pushStatus(urgent)).isEqualTo("SENT");

    clock.moveTo(LocalDateTime.of(2026, 12, 2, 6, 29));
    assertThat(worker.drain()).isZero();
    clock.moveTo(LocalDateTime.of(2026, 12, 2, 6, 31));
    assertThat(worker.drain()).isEqualTo(1);
    assertThat(pushStatus(ordinary)).isEqualTo("SENT");
  }

  @Test
  void aSubscriptionToAnUnknownServiceIsRefused() throws Exception {
    KeyPair browser = newBrowserKey();
    String body =
        JSON.writeValueAsString(
            java.util.Map.of(
                "endpoint",
                "https://intranet.example.vn/push/1",
                "keys",
                java.util.Map.of("p256dh", point(browser), "auth", secret())));
    mvc.perform(
            post("/portal/push")
                .with(authentication(signedIn(families.get(0))))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest());
  }

  private long notice(String scope, String kind, String title, String body) throws Exception {
    String to =
        mvc.perform(
                multipart("/schools/{s}/messages", t.school().id())
                    .with(authentication(principal))
                    .with(csrf())
                    .param("kind", kind)
                    .param("scope", scope)
                    .param("classId", "" + t.classId())
                    .param("title", title)
                    .param("body", body))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return Long.parseLong(to.substring(to.lastIndexOf('/') + 1));
  }

  private List<String> statuses(long id) {
    return jdbc.sql(
            "SELECT status FROM message_delivery WHERE message_id = ? AND channel = 'EMAIL'")
        .param(id)
        .query(String.class)
        .list();
  }

  private String pushStatus(long id) {
    return jdbc.sql("SELECT status FROM message_delivery WHERE message_id = ? AND channel = 'PUSH'")
        .param(id)
        .query(String.class)
        .single();
  }

  private void subscribe(Authentication who, String endpoint) throws Exception {
    KeyPair browser = newBrowserKey();
    String body =
        JSON.writeValueAsString(
            java.util.Map.of(
                "endpoint",
                endpoint,
                "keys",
                java.util.Map.of("p256dh", point(browser), "auth", secret())));
    mvc.perform(
            post("/portal/push")
                .with(authentication(who))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
  }

  private String vapidKeyShownTo(Authentication who) throws Exception {
    String page = page(who, "/portal/settings");
    Matcher m = Pattern.compile("data-key=\"([A-Za-z0-9_-]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private String page(Authentication who, String path) throws Exception {
    return mvc.perform(get(path).with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static GreenMail startMail() {
    GreenMail g =
        new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    g.start();
    return g;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static KeyPair newBrowserKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /**
   * The browser's public key as {@code PushSubscription.toJSON()} gives it: an uncompressed point.
   */
  private static String point(KeyPair pair) {
    ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
    byte[] out = new byte[65];
    out[0] = 4;
    byte[] x = unsigned(w.getAffineX());
    byte[] y = unsigned(w.getAffineY());
    System.arraycopy(x, 0, out, 33 - x.length, x.length);
    System.arraycopy(y, 0, out, 65 - y.length, y.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  private static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    return b.length > 32 ? Arrays.copyOfRange(b, b.length - 32, b.length) : b;
  }

  private static String secret() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static PublicKey publicKey(byte[] uncompressed) throws Exception {
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }

  private static boolean verifies(PublicKey key, byte[] signed, byte[] signature) throws Exception {
    Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
    v.initVerify(key);
    v.update(signed);
    return v.verify(signature);
  }

  private Authentication signedIn(long account) {
    String username =
        jdbc.sql("SELECT username FROM account WHERE id = ?")
            .param(account)
            .query(String.class)
            .single();
    return new TestAccounts.Created(account, username).signedIn();
  }
}
