package vn.truongso.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.identity.*;

/** Set-based access to the account, role, login and token tables. */
@Repository
public class AccountStore {

  private final JdbcClient jdbc;

  AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Account> byUsername(String username) {
    return jdbc.sql("SELECT * FROM account WHERE lower(username) = lower(?)")
        .param(username)
        .query(AccountStore::account)
        .optional();
  }

  public Optional<Account> byId(long id) {
    return jdbc.sql("SELECT * FROM account WHERE id = ?")
        .param(id)
        .query(AccountStore::account)
        .optional();
  }

  public Optional<Account> byIdForUpdate(long id) {
    return jdbc.sql("SELECT * FROM account WHERE id = ? FOR UPDATE")
        .param(id)
        .query(AccountStore::account)
        .optional();
  }

  public long insert(
      String username,
      String displayName,
      String hash,
      Instant now,
      Long homeSchoolId,
      boolean mustChange) {
    return jdbc.sql(
            """
            INSERT INTO account (username, display_name, password_hash, password_changed_at,
                                 must_change_password, created_at, home_school_id)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(username, displayName, hash, ts(now), mustChange, ts(now), homeSchoolId)
        .query(Long.class)
        .single();
  }

  /** The staff record an enabled account belongs to, if it belongs to one. */
  public Optional<StaffProfile> staffProfile(long accountId) {
    return jdbc.sql(
            "SELECT profile_school_id, profile_id FROM account"
                + " WHERE id = ? AND enabled AND profile_kind = 'STAFF'")
        .param(accountId)
        .query((rs, n) -> new StaffProfile(rs.getLong(1), rs.getLong(2)))
        .optional();
  }

  public record StaffProfile(long schoolId, long staffId) {}

  public void linkProfile(long accountId, String kind, Long schoolId, Long profileId) {
    jdbc.sql(
            "UPDATE account SET profile_kind = ?, profile_school_id = ?, profile_id = ? WHERE id = ?")
        .params(kind, schoolId, profileId, accountId)
        .update();
  }

  public void recordFailure(long id, int attempts, Instant lockedUntil) {
    jdbc.sql("UPDATE account SET failed_attempts = ?, locked_until = ? WHERE id = ?")
        .params(attempts, ts(lockedUntil), id)
        .update();
  }

  public void clearFailures(long id) {
    jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = ?")
        .param(id)
        .update();
  }

  public void setPassword(long id, String hash, Instant now, boolean mustChange) {
    jdbc.sql(
            "UPDATE account SET password_hash = ?, password_changed_at = ?, must_change_password = ?,"
                + " failed_attempts = 0, locked_until = NULL WHERE id = ?")
        .params(hash, ts(now), mustChange, id)
        .update();
  }

  public void setEnabled(long id, boolean enabled) {
    jdbc.sql("UPDATE account SET enabled = ? WHERE id = ?").params(enabled, id).update();
  }

  public void enableTotp(long id, String sealedSecret, long step) {
    jdbc.sql(
            "UPDATE account SET totp_secret = ?, totp_enabled = true, totp_last_step = ? WHERE id = ?")
        .params(sealedSecret, step, id)
        .update();
  }

  public void useTotpStep(long id, long step) {
    jdbc.sql("UPDATE account SET totp_last_step = ? WHERE id = ?").params(step, id).update();
  }

  public void replaceRecoveryCodes(long id, List<String> hashes) {
    jdbc.sql("DELETE FROM recovery_code WHERE account_id = ?").param(id).update();
    for (String h : hashes) {
      jdbc.sql("INSERT INTO recovery_code (account_id, code_hash) VALUES (?, ?)")
          .params(id, h)
          .update();
    }
  }

  public boolean useRecoveryCode(long id, String hash, Instant now) {
    return jdbc.sql(
                "UPDATE recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ?"
                    + " AND used_at IS NULL")
            .params(ts(now), id, hash)
            .update()
        == 1;
  }

  public int unusedRecoveryCodes(long id) {
    return jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = ? AND used_at IS NULL")
        .param(id)
        .query(Integer.class)
        .single();
  }

  public void loginEvent(
      Long accountId, String username, String ip, String userAgent, String outcome, Instant at) {
    jdbc.sql(
            "INSERT INTO login_event (account_id, username, ip, user_agent, outcome, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(accountId, truncate(username, 100), ip, truncate(userAgent, 300), outcome, ts(at))
        .update();
  }

  public int failuresFromIp(String ip, Instant since) {
    return jdbc.sql(
            "SELECT count(*) FROM login_event WHERE ip = ? AND at >= ? AND outcome <> 'SUCCESS'")
        .params(ip, ts(since))
        .query(Integer.class)
        .single();
  }

  public static OffsetDateTime ts(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public static Account account(ResultSet rs, int n) throws SQLException {
    long step = rs.getLong("totp_last_step");
    Long lastStep = rs.wasNull() ? null : step;
    long home = rs.getLong("home_school_id");
    Long homeSchool = rs.wasNull() ? null : home;
    return new Account(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        instant(rs, "password_changed_at"),
        rs.getBoolean("must_change_password"),
        rs.getBoolean("enabled"),
        rs.getInt("failed_attempts"),
        instant(rs, "locked_until"),
        rs.getString("totp_secret"),
        rs.getBoolean("totp_enabled"),
        lastStep,
        homeSchool,
        instant(rs, "created_at"));
  }
}
