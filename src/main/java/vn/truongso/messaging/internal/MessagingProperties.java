package vn.truongso.messaging.internal;

import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of messages to families.
 *
 * @param quietFrom start of the quiet hours: no push, SMS or Zalo that is not urgent until {@code
 *     quietUntil} (Vietnam time)
 * @param perHour messages one sender may send in an hour (conversation posts included)
 * @param batch deliveries the worker takes at a time
 * @param mailFrom the From address of e-mails (e-mail itself is on once {@code spring.mail.host} is
 *     set)
 * @param link the portal's public address, put in e-mails and pushes ({@code https://…/portal})
 * @param push the VAPID key pair (base64url; made and kept in the database when empty), contact,
 *     and the push services a browser's subscription may point at (so that the server posts to
 *     nothing else)
 * @param sms an SMS provider's HTTP endpoint and token; off while the URL is empty
 * @param zalo Zalo ZNS's endpoint, access token and template; off while the URL is empty
 */
@ConfigurationProperties("truongso.messaging")
public record MessagingProperties(
    @DefaultValue("21:00") LocalTime quietFrom,
    @DefaultValue("06:30") LocalTime quietUntil,
    @DefaultValue("30") int perHour,
    @DefaultValue("200") int batch,
    @DefaultValue("no-reply@truongso.local") String mailFrom,
    @DefaultValue("http://localhost:8080/portal") String link,
    @DefaultValue Push push,
    @DefaultValue Provider sms,
    @DefaultValue Provider zalo) {

  public record Push(
      @DefaultValue("") String publicKey,
      @DefaultValue("") String privateKey,
      @DefaultValue("mailto:admin@truongso.local") String subject,
      @DefaultValue({
            "fcm.googleapis.com",
            "updates.push.services.mozilla.com",
            "push.apple.com",
            "notify.windows.com"
          })
          List<String> hosts,
      @DefaultValue("false") boolean plainHttp) {

    /** Whether the endpoint is one of the push services', over https. */
    public boolean accepts(java.net.URI endpoint) {
      String scheme = endpoint.getScheme();
      String host = endpoint.getHost();
      if (host == null || !("https".equals(scheme) || (plainHttp && "http".equals(scheme)))) {
        return false;
      }
      return hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }
  }

  /** A provider reached over HTTP: its URL, its secret, and what it calls the sender. */
  public record Provider(
      @DefaultValue("") String url,
      @DefaultValue("") String token,
      @DefaultValue("") String sender,
      @Nullable String template) {
    public boolean configured() {
      return !url.isBlank();
    }
  }
}
