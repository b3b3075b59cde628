package vn.truongso.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.identity.*;

@Repository
public class RoleStore {

  private final JdbcClient jdbc;

  RoleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RoleAssignment> active(long accountId) {
    return jdbc.sql(
            "SELECT * FROM role_assignment WHERE account_id = ? AND revoked_at IS NULL ORDER BY id")
        .param(accountId)
        .query(RoleStore::map)
        .list();
  }

  /** Active roles, or none at all when the account is disabled. */
  public List<RoleAssignment> activeOfEnabledAccount(long accountId) {
    return jdbc.sql(
            "SELECT r.* FROM role_assignment r JOIN account a ON a.id = r.account_id AND a.enabled"
                + " WHERE r.account_id = ? AND r.revoked_at IS NULL ORDER BY r.id")
        .param(accountId)
        .query(RoleStore::map)
        .list();
  }

  public List<RoleAssignment> all(long accountId) {
    return jdbc.sql(
            "SELECT * FROM role_assignment WHERE account_id = ? ORDER BY revoked_at NULLS FIRST, id")
        .param(accountId)
        .query(RoleStore::map)
        .list();
  }

  public java.util.Optional<RoleAssignment> byId(long id) {
    return jdbc.sql("SELECT * FROM role_assignment WHERE id = ?")
        .param(id)
        .query(RoleStore::map)
        .optional();
  }

  public long insert(
      long accountId,
      Role role,
      long orgUnitId,
      Long schoolId,
      Long classId,
      String subject,
      Integer year,
      Long studentId,
      Long grantedBy,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO role_assignment (account_id, role, org_unit_id, school_id, class_id,
              subject_code, school_year, student_id, granted_by, granted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            accountId,
            role.name(),
            orgUnitId,
            schoolId,
            classId,
            subject,
            year,
            studentId,
            grantedBy,
            AccountStore.ts(now))
        .query(Long.class)
        .single();
  }

  public boolean revoke(long id, Long by, Instant now, String reason) {
    return jdbc.sql(
                "UPDATE role_assignment SET revoked_by = ?, revoked_at = ?, revoke_reason = ?"
                    + " WHERE id = ? AND revoked_at IS NULL")
            .params(by, AccountStore.ts(now), reason, id)
            .update()
        == 1;
  }

  public static RoleAssignment map(ResultSet rs, int n) throws SQLException {
    return new RoleAssignment(
        rs.getLong("id"),
        rs.getLong("account_id"),
        Role.valueOf(rs.getString("role")),
        rs.getLong("org_unit_id"),
        rs.getObject("school_id", Long.class),
        rs.getObject("class_id", Long.class),
        rs.getString("subject_code"),
        rs.getObject("school_year", Integer.class),
        rs.getObject("student_id", Long.class),
        AccountStore.instant(rs, "granted_at"),
        AccountStore.instant(rs, "revoked_at"),
        rs.getString("revoke_reason"));
  }
}
