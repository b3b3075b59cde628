package vn.truongso.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.UserInputException;

/** The portal's push subscriptions, one per installed phone or browser of an account. */
@Component
public class PushSubscriptions {

  /** Devices an account may have subscribed at once; the oldest goes when another comes. */
  static final int MAX_PER_ACCOUNT = 5;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MessagingProperties properties;

  PushSubscriptions(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  public record Stored(long id, long accountId, String endpoint, String p256dh, String auth) {}

  public Optional<Stored> byId(long id) {
    return jdbc.sql(
            "SELECT id, account_id, endpoint, p256dh, auth FROM push_subscription WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .optional();
  }

  /** The subscriptions of these accounts, by account. */
  java.util.Map<Long, List<Long>> idsOf(java.util.Collection<Long> accountIds) {
    java.util.Map<Long, List<Long>> out = new java.util.HashMap<>();
    if (accountIds.isEmpty()) {
      return out;
    }
    jdbc.sql("SELECT account_id, id FROM push_subscription WHERE account_id = ANY (?) ORDER BY id")
        .param(accountIds.toArray(Long[]::new))
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                  .add(rs.getLong(2));
            });
    return out;
  }

  /**
   * Keeps a browser's subscription for the account (an endpoint already known moves to it): an
   * https endpoint of a known push service, a P-256 public key and a 16-byte secret, both
   * base64url.
   */
  @Transactional
  public long subscribe(long accountId, String endpoint, String p256dh, String auth) {
    if (endpoint == null
        || endpoint.length() > 1000
        || !pushService(endpoint)
        || decoded(p256dh) != 65
        || decoded(auth) != 16) {
      throw new UserInputException("endpoint", "messaging.error.subscription");
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO push_subscription (account_id, endpoint, p256dh, auth, created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (endpoint) DO UPDATE SET account_id = EXCLUDED.account_id,
                  p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth
                RETURNING id
                """)
            .params(accountId, endpoint, p256dh, auth, Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    jdbc.sql(
            "DELETE FROM push_subscription WHERE account_id = ? AND id NOT IN (SELECT id FROM"
                + " push_subscription WHERE account_id = ? ORDER BY id DESC LIMIT ?)")
        .params(accountId, accountId, MAX_PER_ACCOUNT)
        .update();
    return id;
  }

  @Transactional
  public void unsubscribe(long accountId, String endpoint) {
    jdbc.sql("DELETE FROM push_subscription WHERE account_id = ? AND endpoint = ?")
        .params(accountId, endpoint)
        .update();
  }

  public void remove(long id) {
    jdbc.sql("DELETE FROM push_subscription WHERE id = ?").param(id).update();
  }

  private boolean pushService(String endpoint) {
    try {
      return properties.push().accepts(new java.net.URI(endpoint));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static int decoded(String value) {
    try {
      return value == null ? -1 : Base64.getUrlDecoder().decode(value.replace("=", "")).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
