package vn.truongso.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.identity.RoleAssignment;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * One account per parent, whatever the number of children: the username is the parent's phone
 * number, the account is linked to the guardian record, and it holds a guardian role for each of
 * their children at the school (a parent sees only their own children).
 */
@Service
public class GuardianAccounts {

  private final AccountStore accounts;
  private final RoleStore roles;
  private final AccountAdmin admin;
  private final Passwords passwords;
  private final People people;
  private final Authorization authorization;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final GuardianLinks links;

  GuardianAccounts(
      AccountStore accounts,
      RoleStore roles,
      AccountAdmin admin,
      Passwords passwords,
      People people,
      Authorization authorization,
      AuditLog audit,
      JdbcClient jdbc,
      GuardianLinks links) {
    this.links = links;
    this.accounts = accounts;
    this.roles = roles;
    this.admin = admin;
    this.passwords = passwords;
    this.people = people;
    this.authorization = authorization;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /** The username, and the one-time password when the account is new (null otherwise). */
  public record Result(
      String username, String oneTimePassword, int childrenAdded, boolean linkRequested) {}

  @Transactional
  public Result createOrExtend(long schoolId, long guardianId) {
    if (!authorization.permits(Action.MANAGE_ACCOUNTS, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    List<People.Student> children = people.childrenOf(schoolId, guardianId);
    if (children.isEmpty()) {
      throw new NotFoundException("guardian");
    }
    People.Guardian g =
        people.guardianOf(schoolId, children.getFirst().id(), guardianId).orElseThrow();
    if (g.phone() == null) {
      throw new UserInputException("phone", "guardian.account.noPhone");
    }
    String oneTime = null;
    Account account = accounts.byUsername(g.phone()).orElse(null);
    if (account == null) {
      oneTime = passwords.oneTime();
      long id = admin.createAccount(g.phone(), g.fullName(), oneTime, schoolId, true);
      admin.linkProfile(id, Provisioning.ProfileKind.GUARDIAN, schoolId, guardianId);
      account = accounts.byId(id).orElseThrow();
    } else if (!linkedTo(account.id(), guardianId)
        && !links.accepted(account.id(), schoolId, guardianId)) {
      if (parentOfTheSameName(account, g.fullName())) {
        // Another school's parent account with this phone and name: only the parent may join
        // this school's children to it, when signed in.
        links.request(account, schoolId, guardianId, actorId());
        return new Result(account.username(), null, 0, true);
      }
      // The phone number is someone else's username: never hand their account to this parent.
      throw new UserInputException("phone", "guardian.account.usernameTaken", g.phone());
    }
    Set<Long> covered =
        roles.active(account.id()).stream()
            .filter(r -> r.role() == Role.GUARDIAN && r.studentId() != null)
            .map(RoleAssignment::studentId)
            .collect(Collectors.toSet());
    int added = 0;
    for (People.Student child : children) {
      if (!covered.contains(child.id())) {
        admin.grant(
            account.id(),
            Role.GUARDIAN,
            schoolId,
            new Provisioning.Scope(schoolId, null, null, null, child.id()));
        added++;
      }
    }
    audit.record(
        AuditEvent.of(schoolId, "identity.guardianAccount", "account", account.id())
            .after(Map.of("guardianId", guardianId, "childrenAdded", added)));
    return new Result(account.username(), oneTime, added, false);
  }

  private boolean parentOfTheSameName(Account account, String fullName) {
    boolean guardianAccount =
        jdbc.sql("SELECT count(*) FROM account WHERE id = ? AND profile_kind = 'GUARDIAN'")
                .param(account.id())
                .query(Integer.class)
                .single()
            > 0;
    return guardianAccount
        && vn.truongso.platform.TextFold.fold(account.displayName())
            .equals(vn.truongso.platform.TextFold.fold(fullName));
  }

  private static Long actorId() {
    var auth =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return auth != null && auth.getPrincipal() instanceof vn.truongso.platform.AuthenticatedUser u
        ? u.accountId()
        : null;
  }

  private boolean linkedTo(long accountId, long guardianId) {
    return jdbc.sql(
                "SELECT count(*) FROM account WHERE id = ? AND profile_kind = 'GUARDIAN'"
                    + " AND profile_id = ?")
            .params(accountId, guardianId)
            .query(Integer.class)
            .single()
        > 0;
  }
}
