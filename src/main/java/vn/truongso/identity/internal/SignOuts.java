package vn.truongso.identity.internal;

import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends an account's web sessions and API tokens, in the transaction of the change that calls for
 * it: a new password (one's own, or reset by an administrator), a disabled account, a revoked role,
 * or "sign out everywhere". A password someone else learnt opens nothing afterwards.
 */
@Component
public class SignOuts {

  private final JdbcClient jdbc;

  SignOuts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every session and token of the account. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int everywhere(long accountId) {
    return endSessions(accountId, null) + endTokens(accountId, null);
  }

  /** Every session and token but the session of the current request (the user stays in). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int everywhereElse(long accountId) {
    return endSessions(accountId, currentSessionId()) + endTokens(accountId, null);
  }

  /** One API token, by its hash. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int token(long accountId, String tokenHash) {
    return endTokens(accountId, tokenHash);
  }

  private int endSessions(long accountId, String keep) {
    return jdbc.sql(
            """
            DELETE FROM SPRING_SESSION WHERE lower(PRINCIPAL_NAME) =
              (SELECT lower(username) FROM account WHERE id = :account)
              AND (CAST(:keep AS text) IS NULL OR SESSION_ID <> :keep)
            """)
        .param("account", accountId)
        .param("keep", keep)
        .update();
  }

  private int endTokens(long accountId, String tokenHash) {
    return jdbc.sql(
            """
            DELETE FROM api_token WHERE account_id = :account
              AND (CAST(:hash AS text) IS NULL OR token_hash = :hash)
            """)
        .param("account", accountId)
        .param("hash", tokenHash)
        .update();
  }

  private static String currentSessionId() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpSession session = attrs.getRequest().getSession(false);
      return session == null ? null : session.getId();
    }
    return null;
  }
}
