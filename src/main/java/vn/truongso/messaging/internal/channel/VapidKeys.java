package vn.truongso.messaging.internal.channel;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.MessagingProperties;

/**
 * The server's VAPID key pair (RFC 8292): the one configured, or one made on first use and kept in
 * the database, so that every instance signs with the same key and browsers' subscriptions survive
 * a restart.
 */
@Component
public class VapidKeys {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;
  private final MessagingProperties properties;
  private final Clock clock;
  private volatile Pair pair;

  VapidKeys(JdbcClient jdbc, MessagingProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  /** The key pair, base64url: the public key is what the portal subscribes with. */
  public record Pair(String publicKey, String privateKey) {}

  public Pair pair() {
    Pair p = pair;
    if (p == null) {
      p = load();
      pair = p;
    }
    return p;
  }

  private Pair load() {
    MessagingProperties.Push push = properties.push();
    if (!push.publicKey().isBlank() && !push.privateKey().isBlank()) {
      return new Pair(push.publicKey(), push.privateKey());
    }
    Pair made = generate();
    // Two instances starting together: the first insert wins and both read it back.
    jdbc.sql(
            "INSERT INTO messaging_key (name, public_key, private_key, created_at)"
                + " VALUES ('vapid', ?, ?, ?) ON CONFLICT (name) DO NOTHING")
        .params(made.publicKey(), made.privateKey(), java.sql.Timestamp.from(clock.instant()))
        .update();
    return jdbc.sql("SELECT public_key, private_key FROM messaging_key WHERE name = 'vapid'")
        .query((rs, n) -> new Pair(rs.getString(1), rs.getString(2)))
        .single();
  }

  /** A new P-256 key pair: the public key as an uncompressed point, the private as its scalar. */
  public static Pair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("ECDH", BouncyCastleProvider.PROVIDER_NAME);
      g.initialize(new ECGenParameterSpec("prime256v1"));
      KeyPair kp = g.generateKeyPair();
      return new Pair(
          B64.encodeToString(nl.martijndwars.webpush.Utils.encode((ECPublicKey) kp.getPublic())),
          B64.encodeToString(nl.martijndwars.webpush.Utils.encode((ECPrivateKey) kp.getPrivate())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no P-256 key generator", e);
    }
  }
}
