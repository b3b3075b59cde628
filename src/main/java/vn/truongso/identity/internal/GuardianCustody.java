package vn.truongso.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.people.GuardianUnlinked;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;

/**
 * A guardian unlinked from a student loses the student at once: the guardian roles of the
 * guardian's accounts over that student are revoked in the transaction that unlinks them, so the
 * next request of a signed-in parent is already refused.
 */
@Component
class GuardianCustody {

  private final JdbcClient jdbc;
  private final RoleStore roles;
  private final AuditLog audit;
  private final Clock clock;

  GuardianCustody(JdbcClient jdbc, RoleStore roles, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.roles = roles;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void unlinked(GuardianUnlinked e) {
    List<Long> grants =
        jdbc.sql(
                """
                SELECT r.id FROM role_assignment r JOIN account a ON a.id = r.account_id
                 WHERE a.profile_kind = 'GUARDIAN' AND a.profile_id = ? AND a.profile_school_id = ?
                   AND r.role = 'GUARDIAN' AND r.student_id = ? AND r.revoked_at IS NULL
                """)
            .params(e.guardianId(), e.schoolId(), e.studentId())
            .query(Long.class)
            .list();
    for (long id : grants) {
      if (roles.revoke(id, null, clock.instant(), "guardian unlinked")) {
        audit.record(
            AuditEvent.of(e.schoolId(), "identity.role.revoke", "role_assignment", id)
                .after(Map.of("role", "GUARDIAN", "student", e.studentId()))
                .because("guardian unlinked"));
      }
    }
  }
}
