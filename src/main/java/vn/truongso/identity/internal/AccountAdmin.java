package vn.truongso.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.*;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Account administration by a school's principal or data administrator (or a system administrator):
 * every operation checks that the acting user may manage accounts of the account's school,
 * validates, writes in one transaction and is audited. Also the unchecked {@link Provisioning} used
 * by demo data.
 */
@Service
@Transactional
public class AccountAdmin implements Provisioning {

  private final AccountStore accounts;
  private final RoleStore roles;
  private final Passwords passwords;
  private final SecretBox secrets;
  private final Totp totp;
  private final AuditLog audit;
  private final Authorization authorization;
  private final Organisation org;
  private final List<ScopeDirectory> directories;
  private final RoleScopes scopes;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AccountAuthorityCheck authority;
  private final SignOuts signOuts;

  AccountAdmin(
      AccountStore accounts,
      RoleStore roles,
      Passwords passwords,
      SecretBox secrets,
      Totp totp,
      AuditLog audit,
      Authorization authorization,
      Organisation org,
      List<ScopeDirectory> directories,
      JdbcClient jdbc,
      Clock clock,
      AccountAuthorityCheck authority,
      SignOuts signOuts) {
    this.accounts = accounts;
    this.roles = roles;
    this.passwords = passwords;
    this.secrets = secrets;
    this.totp = totp;
    this.audit = audit;
    this.authorization = authorization;
    this.org = org;
    this.directories = directories;
    this.scopes = new RoleScopes(org, directories);
    this.jdbc = jdbc;
    this.clock = clock;
    this.authority = authority;
    this.signOuts = signOuts;
  }

  // ---- Provisioning (no signed-in user; demo data and set-up only)

  @Override
  public long createAccount(
      String username, String displayName, String password, Long homeSchoolId, boolean mustChange) {
    String name = validUsername(username);
    if (accounts.byUsername(name).isPresent()) {
      throw new UserInputException("username", "account.usernameTaken", name);
    }
    long id =
        accounts.insert(
            name,
            displayName.strip(),
            passwords.hash(password),
            clock.instant(),
            homeSchoolId,
            mustChange);
    audit.record(
        AuditEvent.of(homeSchoolId, "identity.account.create", "account", id)
            .after(Map.of("username", name, "displayName", displayName.strip())));
    return id;
  }

  @Override
  public void linkProfile(long accountId, ProfileKind kind, long schoolId, long profileId) {
    accounts.linkProfile(accountId, kind.name(), schoolId, profileId);
    audit.record(
        AuditEvent.of(schoolId, "identity.account.linkProfile", "account", accountId)
            .after(Map.of("kind", kind.name(), "profileId", profileId)));
  }

  @Override
  public long grant(long accountId, Role role, long orgUnitId, Scope scope) {
    scopes.validate(role, orgUnitId, scope);
    long id =
        roles.insert(
            accountId,
            role,
            orgUnitId,
            scope.schoolId(),
            scope.classId(),
            scope.subjectCode(),
            scope.schoolYear(),
            scope.studentId(),
            actorId().orElse(null),
            clock.instant());
    audit.record(
        AuditEvent.of(scope.schoolId(), "identity.role.grant", "role_assignment", id)
            .after(roles.byId(id).orElseThrow()));
    return id;
  }

  @Override
  public void enrolTotp(long accountId, String base32Secret) {
    accounts.enableTotp(accountId, secrets.seal(base32Secret), totp.currentStep() - 2);
  }

  // ---- Checked administration

  /** Schools whose accounts the current user may manage. */
  @Transactional(readOnly = true)
  public List<School> manageableSchools() {
    return org.schools(authorization.schoolsWhere(Action.MANAGE_ACCOUNTS));
  }

  /** Schools where the current user may do an action. */
  @Transactional(readOnly = true)
  public List<School> schoolsWhere(Action action) {
    return org.schools(authorization.schoolsWhere(action));
  }

  /** Ends a session of an account of the school (the user is signed out at the next click). */
  public void endSession(long schoolId, String sessionId) {
    if (!authorization.permits(Action.VIEW_SESSIONS, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    Long accountId =
        jdbc.sql(
                """
                SELECT a.id FROM SPRING_SESSION s JOIN account a ON lower(a.username) = lower(s.PRINCIPAL_NAME)
                WHERE s.SESSION_ID = ? AND (a.home_school_id = ? OR EXISTS (SELECT 1 FROM role_assignment r
                  WHERE r.account_id = a.id AND r.revoked_at IS NULL AND r.school_id = ?))
                """)
            .params(sessionId, schoolId, schoolId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("session"));
    authority.requireManage(accounts.byId(accountId).orElseThrow(), actorId().orElse(null), true);
    jdbc.sql("DELETE FROM SPRING_SESSION WHERE SESSION_ID = ?").param(sessionId).update();
    audit.record(AuditEvent.of(schoolId, "identity.session.end", "account", accountId));
  }

  @Transactional(readOnly = true)
  public List<AccountRow> accountsOf(long schoolId, String search) {
    requireManage(schoolId);
    String like = search == null || search.isBlank() ? null : "%" + search.strip() + "%";
    return jdbc.sql(
            """
            SELECT a.id, a.username, a.display_name, a.enabled, a.totp_enabled, a.locked_until,
                   coalesce(string_agg(DISTINCT r.role, ',') FILTER (WHERE r.id IS NOT NULL), '') AS roles,
                   (SELECT max(e.at) FROM login_event e WHERE e.account_id = a.id AND e.outcome = 'SUCCESS') AS last_login
            FROM account a
            LEFT JOIN role_assignment r ON r.account_id = a.id AND r.revoked_at IS NULL AND r.school_id = :school
            WHERE (a.home_school_id = :school OR r.id IS NOT NULL)
              AND (CAST(:like AS text) IS NULL OR fold_vi(a.display_name) LIKE fold_vi(:like)
                   OR lower(a.username) LIKE lower(:like))
            GROUP BY a.id
            ORDER BY a.display_name
            """)
        .param("school", schoolId)
        .param("like", like)
        .query(
            (rs, n) ->
                new AccountRow(
                    rs.getLong("id"),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getBoolean("enabled"),
                    rs.getBoolean("totp_enabled"),
                    AccountStore.instant(rs, "locked_until"),
                    locked(AccountStore.instant(rs, "locked_until")),
                    rs.getString("roles").isEmpty()
                        ? List.of()
                        : List.of(rs.getString("roles").split(",")),
                    AccountStore.instant(rs, "last_login")))
        .list();
  }

  /** Creates an account in the school with a first role; returns the one-time password. */
  public Created create(
      long schoolId, String username, String displayName, Role role, Scope scope) {
    requireManage(schoolId);
    if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
      throw new UserInputException("displayName", "account.displayNameRequired");
    }
    RoleScopes.requireSchoolRole(role);
    authority.requireGrant(schoolId, -1, role, actorId().orElse(null));
    scopes.validate(role, schoolId, RoleScopes.withSchool(scope, schoolId));
    String oneTime = passwords.oneTime();
    long id = createAccount(username, displayName, oneTime, schoolId, true);
    grant(id, role, schoolId, RoleScopes.withSchool(scope, schoolId));
    return new Created(id, oneTime);
  }

  @Transactional(readOnly = true)
  public AccountDetail detail(long accountId) {
    Account a = manageable(accountId);
    return new AccountDetail(
        a.id(),
        a.username(),
        a.displayName(),
        a.enabled(),
        a.totpEnabled(),
        a.lockedUntil(),
        a.mustChangePassword(),
        a.homeSchoolId(),
        roles.all(a.id()));
  }

  public long assignRole(long accountId, Role role, long schoolId, Scope scope) {
    Account a = manageable(accountId);
    requireManage(schoolId);
    RoleScopes.requireSchoolRole(role);
    authority.requireGrant(schoolId, accountId, role, actorId().orElse(null));
    authority.requireManage(a, actorId().orElse(null), false);
    return grant(accountId, role, schoolId, RoleScopes.withSchool(scope, schoolId));
  }

  public void revokeRole(long assignmentId, String reason) {
    RoleAssignment r =
        roles.byId(assignmentId).orElseThrow(() -> new NotFoundException("role_assignment"));
    if (r.schoolId() == null) {
      authorization.require(Action.MANAGE_ORG, Target.orgUnit(r.orgUnitId()));
    } else {
      requireManage(r.schoolId());
    }
    Long actor = actorId().orElse(null);
    if (r.schoolId() != null && !(actor != null && actor == r.accountId())) {
      authority.requireGrant(r.schoolId(), r.accountId(), r.role(), actor);
    }
    authority.requireManage(accounts.byId(r.accountId()).orElseThrow(), actor, true);
    if (reason == null || reason.isBlank()) {
      throw new UserInputException("reason", "role.revokeReasonRequired");
    }
    if (!roles.revoke(assignmentId, actorId().orElse(null), clock.instant(), reason.strip())) {
      throw new UserInputException("reason", "role.alreadyRevoked");
    }
    signOutOf(r.accountId());
    audit.record(
        AuditEvent.of(r.schoolId(), "identity.role.revoke", "role_assignment", assignmentId)
            .before(r)
            .because(reason.strip()));
  }

  public String resetPassword(long accountId, String reason) {
    Account a = manageable(accountId);
    authority.requireManage(a, actorId().orElse(null), true);
    String oneTime = passwords.oneTime();
    accounts.setPassword(a.id(), passwords.hash(oneTime), clock.instant(), true);
    int ended = signOutOf(a.id());
    audit.record(
        AuditEvent.of(a.homeSchoolId(), "identity.password.reset", "account", a.id())
            .after(Map.of("sessionsAndTokensEnded", ended))
            .because(reason));
    return oneTime;
  }

  public void setEnabled(long accountId, boolean enabled, String reason) {
    Account a = manageable(accountId);
    if (actorId().filter(id -> id == accountId).isPresent() && !enabled) {
      throw new UserInputException("enabled", "account.cannotDisableSelf");
    }
    authority.requireManage(a, actorId().orElse(null), false);
    if (!enabled && (reason == null || reason.isBlank())) {
      throw new UserInputException("reason", "account.disableReasonRequired");
    }
    accounts.setEnabled(a.id(), enabled);
    if (!enabled) {
      signOuts.everywhere(a.id());
    }
    audit.record(
        AuditEvent.of(
                a.homeSchoolId(),
                enabled ? "identity.account.enable" : "identity.account.disable",
                "account",
                a.id())
            .before(Map.of("enabled", a.enabled()))
            .after(Map.of("enabled", enabled))
            .because(reason));
  }

  /** Picker options for role scopes in a school. */
  @Transactional(readOnly = true)
  public Map<String, List<ScopeDirectory.Option>> scopeOptions(long schoolId) {
    requireManage(schoolId);
    Map<String, List<ScopeDirectory.Option>> options = new LinkedHashMap<>();
    int year = org.currentYear(schoolId).map(y -> y.startYear()).orElse(0);
    options.put(
        "classes",
        directories.stream().flatMap(d -> d.classOptions(schoolId, year).stream()).toList());
    options.put(
        "subjects",
        directories.stream().flatMap(d -> d.subjectOptions(schoolId).stream()).distinct().toList());
    return options;
  }

  public Account manageable(long accountId) {
    Account a = accounts.byId(accountId).orElseThrow(() -> new NotFoundException("account"));
    boolean allowed =
        a.homeSchoolId() != null
            ? authorization.permits(Action.MANAGE_ACCOUNTS, Target.school(a.homeSchoolId()))
            : roles.active(a.id()).stream()
                .filter(r -> r.schoolId() != null)
                .anyMatch(
                    r ->
                        authorization.permits(Action.MANAGE_ACCOUNTS, Target.school(r.schoolId())));
    if (!allowed && !authorization.permitsSomewhere(Action.MANAGE_ORG)) {
      throw new NotFoundException("account");
    }
    return a;
  }

  /** Ends the account's sessions and tokens; one's own current session stays. */
  private int signOutOf(long accountId) {
    return actorId().filter(id -> id == accountId).isPresent()
        ? signOuts.everywhereElse(accountId)
        : signOuts.everywhere(accountId);
  }

  private void requireManage(long schoolId) {
    if (!authorization.permits(Action.MANAGE_ACCOUNTS, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
  }

  private static String validUsername(String username) {
    String u = username == null ? "" : username.strip();
    if (!u.matches("[A-Za-z0-9._@+-]{3,64}")) {
      throw new UserInputException("username", "account.usernameInvalid");
    }
    return u;
  }

  private static Optional<Long> actorId() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof AuthenticatedUser u
        ? Optional.of(u.accountId())
        : Optional.empty();
  }

  private boolean locked(Instant until) {
    return until != null && until.isAfter(clock.instant());
  }

  public record Created(long accountId, String oneTimePassword) {}

  public record AccountRow(
      long id,
      String username,
      String displayName,
      boolean enabled,
      boolean totpEnabled,
      Instant lockedUntil,
      boolean locked,
      List<String> roles,
      Instant lastLogin) {}

  public record AccountDetail(
      long id,
      String username,
      String displayName,
      boolean enabled,
      boolean totpEnabled,
      Instant lockedUntil,
      boolean mustChangePassword,
      Long homeSchoolId,
      List<RoleAssignment> roles) {}
}
