package vn.truongso.identity.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.FamilyAccounts;

/** Guardian accounts by student, one query for a whole school's families. */
@Service
class FamilyDirectory implements FamilyAccounts {

  private final JdbcClient jdbc;

  FamilyDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Holder> guardiansOf(long schoolId, Collection<Long> studentIds) {
    if (studentIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT DISTINCT a.id, r.student_id, a.display_name,
                   CASE WHEN a.profile_kind = 'GUARDIAN' AND a.profile_school_id = r.school_id
                        THEN a.profile_id END AS guardian_id
              FROM role_assignment r JOIN account a ON a.id = r.account_id
             WHERE r.role = 'GUARDIAN' AND r.revoked_at IS NULL AND a.enabled
               AND r.school_id = ? AND r.student_id = ANY (?)
             ORDER BY r.student_id, a.id
            """)
        .params(schoolId, studentIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Holder(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Child> childrenOf(long accountId) {
    return jdbc.sql(
            "SELECT DISTINCT school_id, student_id FROM role_assignment WHERE account_id = ?"
                + " AND role = 'GUARDIAN' AND revoked_at IS NULL AND student_id IS NOT NULL"
                + " ORDER BY school_id, student_id")
        .param(accountId)
        .query((rs, n) -> new Child(rs.getLong(1), rs.getLong(2)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean holds(long accountId, long schoolId, long studentId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM role_assignment WHERE account_id = ? AND role = 'GUARDIAN'"
                + " AND revoked_at IS NULL AND school_id = ? AND student_id = ?)")
        .params(accountId, schoolId, studentId)
        .query(Boolean.class)
        .single();
  }
}
