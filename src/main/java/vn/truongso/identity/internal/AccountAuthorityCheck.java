package vn.truongso.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.truongso.identity.AccessRules;
import vn.truongso.identity.Role;
import vn.truongso.identity.RoleAssignment;
import vn.truongso.platform.Action;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Applies {@link AccountAuthority} to the signed-in user: which of their roles reach the school
 * acted in, and which roles the account acted on holds in any school.
 */
@Component
class AccountAuthorityCheck {

  private final AuthorizationService authorization;
  private final RoleStore roles;

  AccountAuthorityCheck(AuthorizationService authorization, RoleStore roles) {
    this.authorization = authorization;
    this.roles = roles;
  }

  /** Refuses a grant of {@code role} in the school to the account, unless the table allows it. */
  void requireGrant(long schoolId, long accountId, Role role, Long actorId) {
    if (actorId != null && actorId == accountId) {
      throw new UserInputException("role", "role.notToYourself");
    }
    Set<Role> actor = actorRoles(schoolId);
    actor.addAll(orgAdministratorRoles());
    if (!AccountAuthority.mayGrant(actor, role)) {
      throw new UserInputException("role", "role.notYoursToGrant");
    }
  }

  /**
   * Refuses to act on the account unless every role it holds is below one of the actor's; {@code
   * selfAllowed} for what one may do to oneself (reset one's password, give up a role).
   */
  void requireManage(Account a, Long actorId, boolean selfAllowed) {
    if (selfAllowed && actorId != null && actorId == a.id()) {
      return;
    }
    List<RoleAssignment> held = roles.active(a.id());
    Set<Role> actor = EnumSet.noneOf(Role.class);
    if (a.homeSchoolId() != null) {
      actor.addAll(actorRoles(a.homeSchoolId()));
    }
    held.stream()
        .filter(r -> r.schoolId() != null)
        .forEach(r -> actor.addAll(actorRoles(r.schoolId())));
    actor.addAll(orgAdministratorRoles());
    if (!AccountAuthority.mayManage(actor, held.stream().map(RoleAssignment::role).toList())) {
      throw new UserInputException("account", "account.aboveYourRole");
    }
  }

  private Set<Role> actorRoles(long schoolId) {
    Set<Role> r = EnumSet.noneOf(Role.class);
    r.addAll(authorization.rolesPermitting(Action.MANAGE_ACCOUNTS, Target.school(schoolId)));
    return r;
  }

  /** Organisation-wide administrators (MANAGE_ORG) act on accounts that belong to no school. */
  private Set<Role> orgAdministratorRoles() {
    Set<Role> r = EnumSet.noneOf(Role.class);
    authorization.currentGrants().stream()
        .filter(g -> AccessRules.actionsOf(g.role()).contains(Action.MANAGE_ORG))
        .forEach(g -> r.add(g.role()));
    return r;
  }
}
