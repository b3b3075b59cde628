package vn.truongso.messaging.internal.channel;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.MessageRules;
import vn.truongso.messaging.internal.MessagingProperties;

/**
 * Zalo Notification Service (ZNS): a template message to the Zalo account of a phone number, with
 * ZNS's contract ({@code POST /message/template}, header {@code access_token}, body {@code phone,
 * template_id, template_data, tracking_id}; the answer's {@code error} 0 is accepted). The school's
 * template takes {@code title}, {@code content} and {@code url}. Off until {@code
 * truongso.messaging.zalo.url} is set.
 */
@Component
class ZaloChannel implements Channel {

  /** ZNS errors worth another try: its own failure, a timeout, the quota of the moment. */
  private static final Set<Integer> RETRYABLE = Set.of(-100, -101, -102, -137, -144);

  private static final int MAX_CONTENT = 400;

  private final MessagingProperties.Provider provider;

  ZaloChannel(MessagingProperties properties) {
    this.provider = properties.zalo();
  }

  @Override
  public MessageRules.Channel kind() {
    return MessageRules.Channel.ZALO;
  }

  @Override
  public boolean enabled() {
    return provider.configured();
  }

  @Override
  public Outcome send(Envelope e) {
    Map<String, Object> body =
        Map.of(
            "phone",
            HttpProvider.international(e.address()),
            "template_id",
            provider.template() == null ? "" : provider.template(),
            "template_data",
            Map.of(
                "title", HttpProvider.preview(e.title(), 100),
                "content", HttpProvider.preview(e.body(), MAX_CONTENT),
                "url", e.link()),
            "tracking_id",
            "ts-" + e.deliveryId());
    try {
      HttpProvider.Answer a =
          HttpProvider.post(provider.url(), Map.of("access_token", provider.token()), body);
      if (a.status() / 100 != 2) {
        return HttpProvider.fromStatus(a.status());
      }
      int error = a.body().path("error").asInt(Integer.MIN_VALUE);
      if (error == 0) {
        return new Outcome.Sent();
      }
      String text = "zns error " + error + " " + a.body().path("message").asString("");
      return RETRYABLE.contains(error) ? new Outcome.Retry(text) : new Outcome.Failed(text);
    } catch (IOException ex) {
      return new Outcome.Retry(String.valueOf(ex.getMessage()));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return new Outcome.Retry("interrupted");
    }
  }
}
