package vn.truongso.identity.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.truongso.identity.*;
import vn.truongso.identity.AccessRules.ResolvedTarget;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;
import vn.truongso.platform.TeachingScopes;

/**
 * The platform's authorisation port: loads the current user's active role assignments (once per
 * request, so that a revocation takes effect on the next click) and applies {@link AccessRules}.
 */
public @Service class AuthorizationService implements Authorization {

  private static final String CACHE = AuthorizationService.class.getName() + ".grants";

  private final RoleStore roles;
  private final Organisation org;
  private final AccountStore accounts;
  // Looked up when first needed: curriculum's service itself checks authorisation.
  private final ObjectProvider<TeachingScopes> teaching;

  AuthorizationService(
      RoleStore roles,
      Organisation org,
      AccountStore accounts,
      ObjectProvider<TeachingScopes> teaching) {
    this.roles = roles;
    this.org = org;
    this.accounts = accounts;
    this.teaching = teaching;
  }

  @Override
  public boolean permits(Action action, Target target) {
    List<Grant> grants = currentGrants();
    if (grants.isEmpty() || target == null) {
      return false;
    }
    return AccessRules.permits(grants, action, resolve(target));
  }

  /** The current user's roles that hold the action over the target (for rank rules). */
  public Set<Role> rolesPermitting(Action action, Target target) {
    List<Grant> grants = currentGrants();
    if (grants.isEmpty() || target == null) {
      return Set.of();
    }
    return AccessRules.rolesPermitting(grants, action, resolve(target));
  }

  @Override
  public void require(Action action, Target target) {
    if (!permits(action, target)) {
      throw new AccessDeniedException(action.name());
    }
  }

  @Override
  public boolean permitsSomewhere(Action action) {
    return currentGrants().stream().anyMatch(g -> AccessRules.actionsOf(g.role()).contains(action));
  }

  @Override
  public Set<Long> schoolsWhere(Action action) {
    Set<Long> schools = new HashSet<>();
    for (Grant g : currentGrants()) {
      if (!AccessRules.actionsOf(g.role()).contains(action)) {
        continue;
      }
      if (g.schoolId() != null) {
        schools.add(g.schoolId());
      } else {
        org.schoolsUnder(g.orgUnitId()).stream().map(School::id).forEach(schools::add);
      }
    }
    return schools;
  }

  @Override
  public List<Target> scopesWhere(Action action) {
    return currentGrants().stream()
        .filter(g -> AccessRules.actionsOf(g.role()).contains(action))
        .map(
            g ->
                new Target(
                    g.schoolId() == null ? g.orgUnitId() : null,
                    g.schoolId(),
                    g.classId(),
                    g.subjectCode(),
                    g.schoolYear(),
                    g.studentId()))
        .distinct()
        .toList();
  }

  /**
   * The active grants of an account, with the paths of their units: its role assignments, and a
   * subject-teacher grant for each class and subject its staff profile is assigned to teach.
   */
  public List<Grant> grantsOf(long accountId) {
    List<RoleAssignment> active = roles.activeOfEnabledAccount(accountId);
    List<Target> taught = taughtBy(accountId);
    Set<Long> units = active.stream().map(RoleAssignment::orgUnitId).collect(Collectors.toSet());
    taught.forEach(t -> units.add(t.schoolId()));
    Map<Long, String> paths = org.paths(units);
    List<Grant> grants = new java.util.ArrayList<>();
    active.stream()
        .map(
            r ->
                new Grant(
                    r.role(),
                    r.orgUnitId(),
                    paths.get(r.orgUnitId()),
                    r.schoolId(),
                    r.classId(),
                    r.subjectCode(),
                    r.schoolYear(),
                    r.studentId()))
        .forEach(grants::add);
    for (Target t : taught) {
      grants.add(
          new Grant(
              Role.SUBJECT_TEACHER,
              t.schoolId(),
              paths.get(t.schoolId()),
              t.schoolId(),
              t.classId(),
              t.subjectCode(),
              t.schoolYear(),
              null));
    }
    return List.copyOf(grants);
  }

  /** The classes and subjects the account's staff profile is assigned to teach. */
  public List<Target> taughtBy(long accountId) {
    return accounts
        .staffProfile(accountId)
        .map(
            staff ->
                teaching
                    .orderedStream()
                    .flatMap(t -> t.taughtBy(staff.schoolId(), staff.staffId()).stream())
                    .toList())
        .orElse(List.of());
  }

  @SuppressWarnings("unchecked")
  public List<Grant> currentGrants() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user)) {
      return List.of();
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    // Keyed by account: a request that signs someone in (or a test acting as several people)
    // must never answer with another account's grants.
    String key = CACHE + ":" + user.accountId();
    if (request != null) {
      Object cached = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
      if (cached != null) {
        return (List<Grant>) cached;
      }
    }
    List<Grant> grants = grantsOf(user.accountId());
    if (request != null) {
      request.setAttribute(key, grants, RequestAttributes.SCOPE_REQUEST);
    }
    return grants;
  }

  private ResolvedTarget resolve(Target t) {
    Long unit = t.orgUnitId() != null ? t.orgUnitId() : t.schoolId();
    String path = unit == null ? null : org.paths(List.of(unit)).get(unit);
    return new ResolvedTarget(
        path, t.schoolId(), t.classId(), t.subjectCode(), t.schoolYear(), t.studentId());
  }
}
