package vn.truongso.identity.internal;

import static vn.truongso.identity.Role.*;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vn.truongso.identity.Role;

/**
 * Who may grant which role, and act on (reset the password of, disable, revoke a role of, end a
 * session of) an account holding which role: the one table of account administration. Nobody grants
 * a role equal to or above their own; the principal's account is managed only by the level above
 * (the ward office, the system administrator); the data administrator manages teachers and staff
 * but not the leaders, the delegations or the personal-data export permission (Decree 356/2025: the
 * export of personal data is the controller's — the principal's — decision). A grant to oneself is
 * refused always; only a password reset and a revocation may be one's own.
 */
public final class AccountAuthority {

  /** What an actor holding the row's role may do to the column's role. */
  private static final Map<Role, Set<Role>> GRANTS = new EnumMap<>(Role.class);

  private static final Map<Role, Set<Role>> MANAGES = new EnumMap<>(Role.class);

  static {
    Set<Role> staff =
        EnumSet.of(
            HEAD_OF_GROUP,
            HOMEROOM_TEACHER,
            SUBJECT_TEACHER,
            CLERK,
            ACCOUNTANT,
            NURSE,
            COOK,
            LIBRARIAN,
            GUARDIAN,
            STUDENT);
    Set<Role> principalGives = EnumSet.copyOf(staff);
    principalGives.addAll(
        EnumSet.of(VICE_PRINCIPAL, RESULTS_APPROVER, DATA_ADMIN, DATA_EXPORTER, NOTICE_SENDER));
    Set<Role> belowSystem = EnumSet.allOf(Role.class);
    belowSystem.remove(SYSTEM_ADMIN);
    Set<Role> leaders = EnumSet.of(PRINCIPAL, VICE_PRINCIPAL);
    both(SYSTEM_ADMIN, belowSystem);
    both(DISTRICT_OFFICER, leaders);
    both(PRINCIPAL, principalGives);
    both(DATA_ADMIN, staff);
  }

  private AccountAuthority() {}

  private static void both(Role actor, Set<Role> targets) {
    GRANTS.put(actor, EnumSet.copyOf(targets));
    MANAGES.put(actor, EnumSet.copyOf(targets));
  }

  /** Whether one of the actor's roles may give {@code role} to someone else. */
  public static boolean mayGrant(Collection<Role> actorRoles, Role role) {
    return actorRoles.stream().anyMatch(a -> GRANTS.getOrDefault(a, Set.of()).contains(role));
  }

  /**
   * Whether the actor may act on an account holding {@code targetRoles}: every one of them must be
   * below one of the actor's roles, so that a lower role never reaches a higher one through a
   * shared account.
   */
  public static boolean mayManage(Collection<Role> actorRoles, Collection<Role> targetRoles) {
    return actorRoles.stream().anyMatch(MANAGES::containsKey)
        && targetRoles.stream()
            .allMatch(
                t ->
                    actorRoles.stream()
                        .anyMatch(a -> MANAGES.getOrDefault(a, Set.of()).contains(t)));
  }
}
