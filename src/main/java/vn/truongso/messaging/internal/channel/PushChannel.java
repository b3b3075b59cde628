package vn.truongso.messaging.internal.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.PushService;
import nl.martijndwars.webpush.Subscription;
import org.apache.http.Header;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.util.EntityUtils;
import org.jose4j.lang.JoseException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.messaging.internal.MessageRules;
import vn.truongso.messaging.internal.MessagingProperties;
import vn.truongso.messaging.internal.PushSubscriptions;

/**
 * Web Push to the installed portal (RFC 8030), the payload encrypted for the browser (RFC 8291,
 * aes128gcm) and signed with the server's VAPID key (RFC 8292). The library prepares the request;
 * one shared HTTP client sends it, so that a notice to thousands of phones reuses connections. A
 * push service that answers 404 or 410 has ended the subscription: it is removed.
 */
@Component
class PushChannel implements Channel {

  /** Headers the HTTP client sets itself. */
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final VapidKeys keys;
  private final PushSubscriptions subscriptions;
  private final MessagingProperties properties;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private volatile PushService service;

  PushChannel(VapidKeys keys, PushSubscriptions subscriptions, MessagingProperties properties) {
    this.keys = keys;
    this.subscriptions = subscriptions;
    this.properties = properties;
  }

  @Override
  public MessageRules.Channel kind() {
    return MessageRules.Channel.PUSH;
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public Outcome send(Envelope e) {
    Optional<PushSubscriptions.Stored> sub = subscriptions.byId(Long.parseLong(e.address()));
    if (sub.isEmpty()) {
      return new Outcome.Gone("subscription removed");
    }
    PushSubscriptions.Stored s = sub.get();
    try {
      byte[] payload =
          JSON.writeValueAsBytes(
              Map.of(
                  "title", e.title(),
                  "body", preview(e.body()),
                  "url", e.link(),
                  "urgent", e.urgent()));
      Notification n =
          new Notification(
              new Subscription(s.endpoint(), new Subscription.Keys(s.p256dh(), s.auth())),
              new String(payload, StandardCharsets.UTF_8),
              e.urgent()
                  ? nl.martijndwars.webpush.Urgency.HIGH
                  : nl.martijndwars.webpush.Urgency.NORMAL);
      HttpPost post = service().preparePost(n, Encoding.AES128GCM);
      HttpResponse<String> r = http.send(request(post), HttpResponse.BodyHandlers.ofString());
      int status = r.statusCode();
      if (status >= 200 && status < 300) {
        return new Outcome.Sent();
      }
      if (MessageRules.subscriptionGone(status)) {
        subscriptions.remove(s.id());
        return new Outcome.Gone("push service answered " + status);
      }
      String error = "push service answered " + status;
      return MessageRules.retryable(status) ? new Outcome.Retry(error) : new Outcome.Failed(error);
    } catch (IOException ex) {
      return new Outcome.Retry(String.valueOf(ex.getMessage()));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return new Outcome.Retry("interrupted");
    } catch (GeneralSecurityException | JoseException | IllegalArgumentException ex) {
      // a subscription whose keys are not a P-256 point and a secret: never deliverable
      subscriptions.remove(s.id());
      return new Outcome.Gone(String.valueOf(ex.getMessage()));
    }
  }

  private static String preview(String body) {
    return body.length() <= 300 ? body : body.substring(0, 297) + "…";
  }

  private HttpRequest request(HttpPost post) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(post.getURI().toString())).timeout(TIMEOUT);
    for (Header h : post.getAllHeaders()) {
      if (!RESTRICTED.contains(h.getName().toLowerCase(java.util.Locale.ROOT))) {
        b.header(h.getName(), h.getValue());
      }
    }
    byte[] body =
        post.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(post.getEntity());
    return b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private PushService service() throws GeneralSecurityException {
    PushService s = service;
    if (s == null) {
      VapidKeys.Pair p = keys.pair();
      s = new PushService(p.publicKey(), p.privateKey(), properties.push().subject());
      service = s;
    }
    return s;
  }
}
