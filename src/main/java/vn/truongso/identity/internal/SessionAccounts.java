package vn.truongso.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.Role;
import vn.truongso.identity.RoleAssignment;
import vn.truongso.platform.AuthenticatedUser;

/** Builds the principal of a signed-in account and keeps the facts about its sessions. */
@Service
@Transactional
public class SessionAccounts {

  private final JdbcClient jdbc;
  private final AccountStore accounts;
  private final RoleStore roles;

  SessionAccounts(JdbcClient jdbc, AccountStore accounts, RoleStore roles) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.roles = roles;
  }

  @Transactional(readOnly = true)
  public AuthenticatedUser principal(long accountId) {
    Account a = accounts.byId(accountId).orElseThrow();
    String summary =
        roles.active(accountId).stream()
            .map(RoleAssignment::role)
            .map(Role::name)
            .distinct()
            .collect(Collectors.joining(","));
    return new AuthenticatedUser(a.id(), a.username(), a.displayName(), summary);
  }

  @Transactional(readOnly = true)
  public boolean stillActive(long accountId) {
    return accounts.byId(accountId).map(Account::enabled).orElse(false);
  }

  public void started(String sessionId, long accountId, String ip, String userAgent, Instant at) {
    jdbc.sql(
            "INSERT INTO session_info (session_id, account_id, ip, user_agent, started_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET account_id ="
                + " excluded.account_id, ip = excluded.ip, user_agent = excluded.user_agent,"
                + " started_at = excluded.started_at")
        .params(
            sessionId,
            accountId,
            ip,
            userAgent == null || userAgent.length() <= 300
                ? userAgent
                : userAgent.substring(0, 300),
            AccountStore.ts(at))
        .update();
  }

  /** Active sessions of the accounts of a school (or of one account). */
  @Transactional(readOnly = true)
  public List<ActiveSession> active(Long schoolId, Long accountId, Instant now) {
    return jdbc.sql(
            """
            SELECT s.SESSION_ID, a.id, a.username, a.display_name, i.ip, i.user_agent,
                   s.CREATION_TIME, s.LAST_ACCESS_TIME
            FROM SPRING_SESSION s
            JOIN account a ON lower(a.username) = lower(s.PRINCIPAL_NAME)
            LEFT JOIN session_info i ON i.session_id = s.SESSION_ID
            WHERE s.EXPIRY_TIME > :now
              AND (CAST(:account AS bigint) IS NULL OR a.id = :account)
              AND (CAST(:school AS bigint) IS NULL OR a.home_school_id = :school OR EXISTS (
                   SELECT 1 FROM role_assignment r WHERE r.account_id = a.id
                     AND r.revoked_at IS NULL AND r.school_id = :school))
            ORDER BY s.LAST_ACCESS_TIME DESC
            """)
        .param("now", now.toEpochMilli())
        .param("account", accountId)
        .param("school", schoolId)
        .query(
            (rs, n) ->
                new ActiveSession(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    Instant.ofEpochMilli(rs.getLong(7)),
                    Instant.ofEpochMilli(rs.getLong(8))))
        .list();
  }

  public boolean end(String sessionId) {
    return jdbc.sql("DELETE FROM SPRING_SESSION WHERE SESSION_ID = ?").param(sessionId).update()
        == 1;
  }

  /** Recent login attempts of a school's accounts (or of one account). */
  @Transactional(readOnly = true)
  public List<LoginRow> logins(Long schoolId, Long accountId, int limit) {
    return jdbc.sql(
            """
            SELECT e.at, e.username, a.display_name, e.ip, e.user_agent, e.outcome
            FROM login_event e LEFT JOIN account a ON a.id = e.account_id
            WHERE (CAST(:account AS bigint) IS NULL OR e.account_id = :account)
              AND (CAST(:school AS bigint) IS NULL OR a.home_school_id = :school OR EXISTS (
                   SELECT 1 FROM role_assignment r WHERE r.account_id = a.id
                     AND r.revoked_at IS NULL AND r.school_id = :school))
            ORDER BY e.at DESC LIMIT :limit
            """)
        .param("account", accountId)
        .param("school", schoolId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new LoginRow(
                    AccountStore.instant(rs, "at"),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getString("ip"),
                    rs.getString("user_agent"),
                    rs.getString("outcome")))
        .list();
  }

  public record ActiveSession(
      String sessionId,
      long accountId,
      String username,
      String displayName,
      String ip,
      String userAgent,
      Instant createdAt,
      Instant lastAccess) {}

  public record LoginRow(
      Instant at,
      String username,
      String displayName,
      String ip,
      String userAgent,
      String outcome) {}
}
