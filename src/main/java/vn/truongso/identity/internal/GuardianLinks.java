package vn.truongso.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.SchoolNames;

/**
 * A parent's one account for children in two schools: a school whose guardian record has the phone
 * number of another school's parent account asks, and the parent — signed in, so proven by their
 * own password and code — accepts or declines. Each step is audited in both schools.
 */
@Service
@Transactional
public class GuardianLinks {

  private final JdbcClient jdbc;
  private final AccountAdmin admin;
  private final People people;
  private final SchoolNames schools;
  private final AuditLog audit;
  private final Clock clock;
  private final AccountStore accounts;

  GuardianLinks(
      JdbcClient jdbc,
      AccountAdmin admin,
      People people,
      SchoolNames schools,
      AuditLog audit,
      Clock clock,
      AccountStore accounts) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.admin = admin;
    this.people = people;
    this.schools = schools;
    this.audit = audit;
    this.clock = clock;
  }

  /** A request waiting for the parent. */
  public record Pending(long id, String schoolName, List<String> children) {}

  /** Asks the account's owner to take this school's children (a second request is ignored). */
  void request(Account account, long schoolId, long guardianId, Long requestedBy) {
    int made =
        jdbc.sql(
                """
                INSERT INTO guardian_link_request (account_id, school_id, guardian_id, requested_by,
                  requested_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            .params(
                account.id(), schoolId, guardianId, requestedBy, AccountStore.ts(clock.instant()))
            .update();
    if (made > 0) {
      both(
          schoolId,
          account.homeSchoolId(),
          "identity.guardianLink.request",
          account.id(),
          Map.of("schoolId", schoolId, "guardianId", guardianId));
    }
  }

  @Transactional(readOnly = true)
  public List<Pending> pending(long accountId) {
    return jdbc.sql(
            "SELECT id, school_id, guardian_id FROM guardian_link_request"
                + " WHERE account_id = ? AND decided_at IS NULL ORDER BY id")
        .param(accountId)
        .query(
            (rs, n) ->
                new Pending(
                    rs.getLong(1),
                    schools.namesOf(List.of(rs.getLong(2))).get(rs.getLong(2)),
                    people.childrenOf(rs.getLong(2), rs.getLong(3)).stream()
                        .map(s -> s.name().full())
                        .toList()))
        .list();
  }

  /** The parent's answer; accepting gives the account a guardian role for each child there. */
  public void decide(long accountId, long requestId, boolean accept) {
    var r =
        jdbc.sql(
                "SELECT school_id, guardian_id FROM guardian_link_request WHERE id = ?"
                    + " AND account_id = ? AND decided_at IS NULL FOR UPDATE")
            .params(requestId, accountId)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .optional()
            .orElseThrow(() -> new NotFoundException("request"));
    long schoolId = r[0];
    jdbc.sql("UPDATE guardian_link_request SET decided_at = ?, accepted = ? WHERE id = ?")
        .params(AccountStore.ts(clock.instant()), accept, requestId)
        .update();
    int children = 0;
    if (accept) {
      for (People.Student child : people.childrenOf(schoolId, r[1])) {
        admin.grant(
            accountId,
            Role.GUARDIAN,
            schoolId,
            new Provisioning.Scope(schoolId, null, null, null, child.id()));
        children++;
      }
    }
    both(
        schoolId,
        accounts.byId(accountId).orElseThrow().homeSchoolId(),
        accept ? "identity.guardianLink.accept" : "identity.guardianLink.decline",
        accountId,
        Map.of("schoolId", schoolId, "guardianId", r[1], "children", children));
  }

  /** Whether the parent accepted this school's record earlier (its children are theirs to see). */
  @Transactional(readOnly = true)
  boolean accepted(long accountId, long schoolId, long guardianId) {
    return jdbc.sql(
                "SELECT count(*) FROM guardian_link_request WHERE account_id = ? AND school_id = ?"
                    + " AND guardian_id = ? AND accepted")
            .params(accountId, schoolId, guardianId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Audited in the asking school and in the school that holds the account. */
  private void both(long schoolId, Long homeSchoolId, String action, long accountId, Object what) {
    audit.record(AuditEvent.of(schoolId, action, "account", accountId).after(what));
    if (homeSchoolId != null && homeSchoolId != schoolId) {
      audit.record(AuditEvent.of(homeSchoolId, action, "account", accountId).after(what));
    }
  }
}
