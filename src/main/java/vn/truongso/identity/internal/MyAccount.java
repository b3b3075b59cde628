package vn.truongso.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.RoleAssignment;
import vn.truongso.org.Organisation;
import vn.truongso.platform.ScopeDirectory;

/** What a signed-in user sees about their own account: roles with readable scopes, sign-ins. */
@Service
@Transactional(readOnly = true)
public class MyAccount {

  private final AccountStore accounts;
  private final RoleStore roles;
  private final SessionAccounts sessions;
  private final Organisation org;
  private final List<ScopeDirectory> directories;
  private final Clock clock;

  MyAccount(
      AccountStore accounts,
      RoleStore roles,
      SessionAccounts sessions,
      Organisation org,
      List<ScopeDirectory> directories,
      Clock clock) {
    this.accounts = accounts;
    this.roles = roles;
    this.sessions = sessions;
    this.org = org;
    this.directories = directories;
    this.clock = clock;
  }

  public Account account(long accountId) {
    return accounts.byId(accountId).orElseThrow();
  }

  public int recoveryCodesLeft(long accountId) {
    return accounts.unusedRecoveryCodes(accountId);
  }

  public List<RoleView> roles(long accountId) {
    return describe(roles.active(accountId));
  }

  public List<RoleView> describe(List<RoleAssignment> assignments) {
    Map<Long, String> classNames =
        assignments.stream()
            .filter(r -> r.classId() != null && r.schoolId() != null)
            .map(r -> Map.entry(r.schoolId(), r.schoolYear() == null ? 0 : r.schoolYear()))
            .distinct()
            .flatMap(
                e ->
                    directories.stream()
                        .flatMap(d -> d.classOptions(e.getKey(), e.getValue()).stream()))
            .collect(Collectors.toMap(o -> Long.parseLong(o.value()), o -> o.label(), (a, b) -> a));
    Map<Long, String> unitNames = new java.util.HashMap<>();
    return assignments.stream()
        .map(
            r ->
                new RoleView(
                    r,
                    unitNames.computeIfAbsent(
                        r.orgUnitId(), id -> org.unit(id).map(u -> u.name()).orElse("")),
                    r.classId() == null
                        ? null
                        : classNames.getOrDefault(r.classId(), "#" + r.classId())))
        .toList();
  }

  public List<SessionAccounts.LoginRow> logins(long accountId, int limit) {
    return sessions.logins(null, accountId, limit);
  }

  public List<SessionAccounts.ActiveSession> sessions(long accountId) {
    return sessions.active(null, accountId, clock.instant());
  }

  /** A role with the names of the unit and class it is bound to. */
  public record RoleView(RoleAssignment role, String unitName, String className) {}
}
