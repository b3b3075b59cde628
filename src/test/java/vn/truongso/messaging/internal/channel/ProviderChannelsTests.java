package vn.truongso.messaging.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.messaging.internal.MessagingProperties;
import vn.truongso.support.StubHttpServer;

/**
 * The SMS (eSMS's JSON contract) and Zalo ZNS adapters against a local stub of each provider: what
 * they post, and how each answer is read (sent, try again later, or refused for good).
 */
class ProviderChannelsTests {

  private static final StubHttpServer STUB = new StubHttpServer();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SmsChannel sms =
      new SmsChannel(
          properties(
              new MessagingProperties.Provider(STUB.url() + "/sms", "KEY:SECRET", "TRUONGSO", null),
              off()));
  private final ZaloChannel zalo =
      new ZaloChannel(
          properties(
              off(),
              new MessagingProperties.Provider(STUB.url() + "/zns", "zalo-token", "", "123456")));

  private static final Channel.Envelope ENVELOPE =
      new Channel.Envelope(
          77,
          "0912 345 678",
          "Nghỉ học do bão",
          "Nhà trường cho học sinh nghỉ học ngày 3/12 do bão số 9.",
          "https://truongso.example/portal/messages",
          true,
          null);

  @BeforeEach
  void clear() {
    STUB.clear();
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  @Test
  void anSmsCarriesTheTextTheLinkAndTheBrandName() throws Exception {
    STUB.answer("/sms", 200, "{\"CodeResult\":\"100\",\"SMSID\":\"abc\"}");
    assertThat(sms.send(ENVELOPE)).isInstanceOf(Channel.Outcome.Sent.class);
    JsonNode sent = JSON.readTree(STUB.requests("/sms").getFirst().text());
    assertThat(sent.path("ApiKey").asString()).isEqualTo("KEY");
    assertThat(sent.path("SecretKey").asString()).isEqualTo("SECRET");
    assertThat(sent.path("Phone").asString()).isEqualTo("84912345678");
    assertThat(sent.path("Brandname").asString()).isEqualTo("TRUONGSO");
    assertThat(sent.path("RequestId").asString()).isEqualTo("77");
    assertThat(sent.path("Content").asString())
        .startsWith("Nghỉ học do bão: Nhà trường")
        .endsWith(" https://truongso.example/portal/messages");
  }

  @ParameterizedTest(name = "eSMS answers HTTP {0} with CodeResult {1}: {2}")
  @CsvSource({
    "200, 100, Sent",
    "200, 99, Retry",
    "200, 104, Failed",
    "500, '', Retry",
    "429, '', Retry",
    "401, '', Failed"
  })
  void smsAnswers(int status, String code, String outcome) {
    STUB.answer("/sms", status, "{\"CodeResult\":\"" + code + "\"}");
    assertThat(sms.send(ENVELOPE).getClass().getSimpleName()).isEqualTo(outcome);
  }

  @Test
  void aLongSmsIsCutToOneLongMessageWithTheLinkKept() throws Exception {
    STUB.answer("/sms", 200, "{\"CodeResult\":\"100\"}");
    Channel.Envelope longOne =
        new Channel.Envelope(1, "0912345678", "T", "x".repeat(2000), "https://l/p", false, null);
    sms.send(longOne);
    String content =
        JSON.readTree(STUB.requests("/sms").getFirst().text()).path("Content").asString();
    assertThat(content).hasSizeLessThanOrEqualTo(SmsChannel.MAX_TEXT).endsWith(" https://l/p");
  }

  @Test
  void aZaloMessageUsesTheTemplateAndTheAccessToken() throws Exception {
    STUB.answer("/zns", 200, "{\"error\":0,\"message\":\"Success\"}");
    assertThat(zalo.send(ENVELOPE)).isInstanceOf(Channel.Outcome.Sent.class);
    StubHttpServer.Request r = STUB.requests("/zns").getFirst();
    assertThat(r.headers().get("access_token")).isEqualTo("zalo-token");
    JsonNode sent = JSON.readTree(r.text());
    assertThat(sent.path("phone").asString()).isEqualTo("84912345678");
    assertThat(sent.path("template_id").asString()).isEqualTo("123456");
    assertThat(sent.path("template_data").path("title").asString()).isEqualTo("Nghỉ học do bão");
    assertThat(sent.path("tracking_id").asString()).isEqualTo("ts-77");
  }

  @ParameterizedTest(name = "ZNS answers HTTP {0} with error {1}: {2}")
  @CsvSource({"200, 0, Sent", "200, -100, Retry", "200, -124, Failed", "503, 0, Retry"})
  void zaloAnswers(int status, int error, String outcome) {
    STUB.answer("/zns", status, "{\"error\":" + error + ",\"message\":\"m\"}");
    assertThat(zalo.send(ENVELOPE).getClass().getSimpleName()).isEqualTo(outcome);
  }

  @Test
  void aProviderThatCannotBeReachedIsTriedAgain() {
    SmsChannel nowhere =
        new SmsChannel(
            properties(
                new MessagingProperties.Provider("http://127.0.0.1:1/sms", "K:S", "X", null),
                off()));
    assertThat(nowhere.send(ENVELOPE)).isInstanceOf(Channel.Outcome.Retry.class);
  }

  @Test
  void aProviderWithoutAnAddressIsOff() {
    assertThat(new SmsChannel(properties(off(), off())).enabled()).isFalse();
    assertThat(sms.enabled()).isTrue();
  }

  private static MessagingProperties.Provider off() {
    return new MessagingProperties.Provider("", "", "", null);
  }

  private static MessagingProperties properties(
      MessagingProperties.Provider smsProvider, MessagingProperties.Provider zaloProvider) {
    return new MessagingProperties(
        LocalTime.of(21, 0),
        LocalTime.of(6, 30),
        30,
        200,
        "no-reply@truongso.local",
        "https://truongso.example/portal",
        new MessagingProperties.Push("", "", "mailto:a@b", List.of(), false),
        smsProvider,
        zaloProvider);
  }
}
