package vn.truongso.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.AuthenticatedUser;

/**
 * Bearer tokens for the JSON API: 256 random bits handed out once, stored only as a SHA-256, valid
 * until their expiry or until the account is disabled.
 */
@Service
@Transactional
public class ApiTokens {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final IdentityProperties props;
  private final SessionAccounts sessions;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(JdbcClient jdbc, Clock clock, IdentityProperties props, SessionAccounts sessions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.props = props;
    this.sessions = sessions;
  }

  public Issued issue(long accountId, String ip) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expires = now.plus(props.apiTokenLifetime());
    jdbc.sql(
            "INSERT INTO api_token (token_hash, account_id, created_at, expires_at, ip) VALUES (?, ?, ?, ?, ?)")
        .params(
            LoginService.sha256(token),
            accountId,
            AccountStore.ts(now),
            AccountStore.ts(expires),
            ip)
        .update();
    return new Issued(token, expires);
  }

  @Transactional(readOnly = true)
  public Optional<AuthenticatedUser> authenticate(String token) {
    if (token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT t.account_id FROM api_token t JOIN account a ON a.id = t.account_id"
                + " WHERE t.token_hash = ? AND t.expires_at > ? AND a.enabled")
        .params(LoginService.sha256(token), AccountStore.ts(clock.instant()))
        .query(Long.class)
        .optional()
        .map(sessions::principal);
  }

  public record Issued(String token, Instant expiresAt) {}
}
