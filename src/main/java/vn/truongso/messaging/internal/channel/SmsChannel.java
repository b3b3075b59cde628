package vn.truongso.messaging.internal.channel;

import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.MessageRules;
import vn.truongso.messaging.internal.MessagingProperties;

/**
 * SMS through a Vietnamese brand-name provider, with eSMS's JSON contract ({@code
 * SendMultipleMessage_V4_post_json}: ApiKey, SecretKey, Phone, Content, Brandname, SmsType; the
 * answer's {@code CodeResult} 100 is accepted). Off until {@code truongso.messaging.sms.url} is
 * set; the token is {@code ApiKey:SecretKey}. Texts are cut to one long SMS with the portal's link.
 */
@Component
class SmsChannel implements Channel {

  /** Longest text sent: three concatenated Vietnamese (unaccented) messages. */
  static final int MAX_TEXT = 450;

  private final MessagingProperties.Provider provider;

  SmsChannel(MessagingProperties properties) {
    this.provider = properties.sms();
  }

  @Override
  public MessageRules.Channel kind() {
    return MessageRules.Channel.SMS;
  }

  @Override
  public boolean enabled() {
    return provider.configured();
  }

  @Override
  public Outcome send(Envelope e) {
    String[] key = provider.token().split(":", 2);
    Map<String, String> body =
        Map.of(
            "ApiKey",
            key[0],
            "SecretKey",
            key.length > 1 ? key[1] : "",
            "Phone",
            HttpProvider.international(e.address()),
            "Content",
            HttpProvider.preview(e.title() + ": " + e.body(), MAX_TEXT - e.link().length() - 1)
                + " "
                + e.link(),
            "Brandname",
            provider.sender(),
            "SmsType",
            "2",
            "RequestId",
            String.valueOf(e.deliveryId()));
    try {
      HttpProvider.Answer a = HttpProvider.post(provider.url(), Map.of(), body);
      if (a.status() / 100 != 2) {
        return HttpProvider.fromStatus(a.status());
      }
      String code = a.body().path("CodeResult").asString("");
      if ("100".equals(code)) {
        return new Outcome.Sent();
      }
      // 99: the provider's own error, worth another try; every other code refuses the request
      String error = "provider code " + code + " " + a.body().path("ErrorMessage").asString("");
      return "99".equals(code) ? new Outcome.Retry(error) : new Outcome.Failed(error);
    } catch (IOException ex) {
      return new Outcome.Retry(String.valueOf(ex.getMessage()));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return new Outcome.Retry("interrupted");
    }
  }
}
