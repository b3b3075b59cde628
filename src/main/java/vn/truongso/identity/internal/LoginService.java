package vn.truongso.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.*;
import vn.truongso.identity.internal.LoginOutcome.Next;
import vn.truongso.identity.internal.LoginOutcome.Refused;
import vn.truongso.identity.internal.LoginOutcome.SignedIn;
import vn.truongso.identity.internal.LoginOutcome.Step;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Sha256;
import vn.truongso.platform.UserInputException;

/**
 * The login steps: password, then the TOTP code where enrolled, then a forced password change
 * (first login, reset, or older than the maximum age), then TOTP enrolment where a role requires
 * it. Wrong passwords and codes count towards a temporary lock; failures from one address are
 * limited across all accounts.
 */
@Service
@Transactional
public class LoginService {

  private final AccountStore accounts;
  private final RoleStore roles;
  private final Passwords passwords;
  private final Totp totp;
  private final SecretBox secrets;
  private final IdentityProperties props;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final SignOuts signOuts;

  LoginService(
      AccountStore accounts,
      RoleStore roles,
      Passwords passwords,
      Totp totp,
      SecretBox secrets,
      IdentityProperties props,
      AuditLog audit,
      Clock clock,
      SignOuts signOuts) {
    this.accounts = accounts;
    this.roles = roles;
    this.passwords = passwords;
    this.totp = totp;
    this.secrets = secrets;
    this.props = props;
    this.policy = new PasswordPolicy(props.passwordMaxAge());
    this.audit = audit;
    this.clock = clock;
    this.signOuts = signOuts;
  }

  public LoginOutcome password(String username, String password, String ip, String userAgent) {
    Instant now = clock.instant();
    String name = username == null ? "" : username.strip();
    if (accounts.failuresFromIp(ip, now.minus(props.ipWindow())) >= props.ipFailureLimit()) {
      accounts.loginEvent(null, name, ip, userAgent, "IP_LIMITED", now);
      return new Refused("login.tooManyFromIp", null);
    }
    Optional<Account> found = accounts.byUsername(name);
    if (found.isEmpty()) {
      passwords.burnTime(password);
      accounts.loginEvent(null, name, ip, userAgent, "UNKNOWN_USER", now);
      return new Refused("login.failed", null);
    }
    Account a = accounts.byIdForUpdate(found.get().id()).orElseThrow();
    if (a.lockedAt(now)) {
      accounts.loginEvent(a.id(), a.username(), ip, userAgent, "LOCKED", now);
      return new Refused("login.locked", a.lockedUntil());
    }
    if (!passwords.matches(password, a.passwordHash())) {
      accounts.loginEvent(a.id(), a.username(), ip, userAgent, "BAD_PASSWORD", now);
      return failure(a, now, "login.failed");
    }
    if (!a.enabled()) {
      accounts.loginEvent(a.id(), a.username(), ip, userAgent, "DISABLED", now);
      return new Refused("login.disabled", null);
    }
    if (a.totpEnabled()) {
      // The count stays until the code is right too: else each right password would reset the
      // guesses at the code (an attacker with the password could guess it for ever).
      return new Next(a.id(), Step.TOTP);
    }
    accounts.clearFailures(a.id());
    return afterSecondFactor(a, now);
  }

  /** A 6-digit code from the authenticator app, or a recovery code like {@code 7KQ4-M2XP}. */
  public LoginOutcome secondFactor(long accountId, String code, String ip, String userAgent) {
    Instant now = clock.instant();
    Account a = accounts.byIdForUpdate(accountId).orElseThrow();
    if (a.lockedAt(now)) {
      return new Refused("login.locked", a.lockedUntil());
    }
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (c.matches("[A-Z0-9]{4}-[A-Z0-9]{4}")) {
      if (accounts.useRecoveryCode(a.id(), sha256(c), now)) {
        audit.record(
            AuditEvent.of(a.homeSchoolId(), "identity.recoveryCode.use", "account", a.id()));
        accounts.clearFailures(a.id());
        return afterSecondFactor(a, now);
      }
    } else {
      OptionalLong step = totp.verify(secrets.open(a.totpSecretSealed()), c, a.totpLastStep());
      if (step.isPresent()) {
        accounts.useTotpStep(a.id(), step.getAsLong());
        accounts.clearFailures(a.id());
        return afterSecondFactor(a, now);
      }
    }
    accounts.loginEvent(a.id(), a.username(), ip, userAgent, "BAD_CODE", now);
    return failure(a, now, "login.codeWrong");
  }

  /**
   * The step whose code the demo hint shows: the current one, or the next when the current was just
   * used (a second sign-in within 30 s), since a used step is refused.
   */
  public long nextUsableStep(long accountId) {
    Long used = accounts.byId(accountId).orElseThrow().totpLastStep();
    long now = totp.currentStep();
    return used != null && used >= now ? used + 1 : now;
  }

  /** The forced change during login; the old password was proven a moment ago. */
  public LoginOutcome forcedChange(long accountId, String newPassword, String repeat) {
    Account a = accounts.byIdForUpdate(accountId).orElseThrow();
    setOwnPassword(a, newPassword, repeat);
    return afterSecondFactor(accounts.byId(accountId).orElseThrow(), clock.instant());
  }

  /** A change the signed-in user asks for: the current password must be given. */
  public void changePassword(long accountId, String current, String newPassword, String repeat) {
    Account a = accounts.byIdForUpdate(accountId).orElseThrow();
    if (!passwords.matches(current, a.passwordHash())) {
      throw new UserInputException("current", "password.currentWrong");
    }
    setOwnPassword(a, newPassword, repeat);
  }

  /** "Sign out everywhere": every other session and every API token of the account. */
  public int signOutEverywhereElse(long accountId) {
    Account a = accounts.byId(accountId).orElseThrow();
    int ended = signOuts.everywhereElse(a.id());
    audit.record(
        AuditEvent.of(a.homeSchoolId(), "identity.session.endAll", "account", a.id())
            .after(java.util.Map.of("sessionsAndTokensEnded", ended)));
    return ended;
  }

  /** The API's revocation of the token presented (or, with {@code all}, of everything). */
  public int revokeToken(long accountId, String token, boolean all) {
    Account a = accounts.byId(accountId).orElseThrow();
    int ended = all ? signOuts.everywhere(a.id()) : signOuts.token(a.id(), sha256(token));
    audit.record(
        AuditEvent.of(
                a.homeSchoolId(),
                all ? "identity.session.endAll" : "identity.token.revoke",
                "account",
                a.id())
            .after(java.util.Map.of("sessionsAndTokensEnded", ended)));
    return ended;
  }

  public String newTotpSecret() {
    return totp.newSecret();
  }

  /** Confirms enrolment with a first code; returns the recovery codes, shown once. */
  public List<String> enrolTotp(long accountId, String secret, String code) {
    Account a = accounts.byIdForUpdate(accountId).orElseThrow();
    OptionalLong step = totp.verify(secret, code, null);
    if (step.isEmpty()) {
      throw new UserInputException("code", "totp.codeWrong");
    }
    accounts.enableTotp(a.id(), secrets.seal(secret), step.getAsLong());
    List<String> codes = newRecoveryCodes(a.id());
    audit.record(AuditEvent.of(a.homeSchoolId(), "identity.totp.enrol", "account", a.id()));
    return codes;
  }

  public List<String> regenerateRecoveryCodes(long accountId) {
    Account a = accounts.byIdForUpdate(accountId).orElseThrow();
    List<String> codes = newRecoveryCodes(a.id());
    audit.record(AuditEvent.of(a.homeSchoolId(), "identity.recoveryCode.renew", "account", a.id()));
    return codes;
  }

  public void signedIn(long accountId, String ip, String userAgent) {
    Account a = accounts.byId(accountId).orElseThrow();
    accounts.loginEvent(a.id(), a.username(), ip, userAgent, "SUCCESS", clock.instant());
  }

  public boolean twoFactorRequired(long accountId) {
    return roles.active(accountId).stream().anyMatch(r -> r.role().twoFactorRequired());
  }

  private LoginOutcome afterSecondFactor(Account a, Instant now) {
    if (a.mustChangePassword() || policy.expired(a.passwordChangedAt(), now)) {
      return new Next(a.id(), Step.CHANGE_PASSWORD);
    }
    if (!a.totpEnabled() && twoFactorRequired(a.id())) {
      return new Next(a.id(), Step.ENROL_TOTP);
    }
    return new SignedIn(a.id());
  }

  private Refused failure(Account a, Instant now, String messageKey) {
    int attempts = a.failedAttempts() + 1;
    if (attempts >= props.maxFailedAttempts()) {
      Instant until = now.plus(props.lockDuration());
      accounts.recordFailure(a.id(), 0, until);
      audit.record(
          AuditEvent.of(a.homeSchoolId(), "identity.account.lock", "account", a.id())
              .after(java.util.Map.of("lockedUntil", until.toString())));
      return new Refused("login.lockedNow", until);
    }
    accounts.recordFailure(a.id(), attempts, null);
    return new Refused(messageKey, null);
  }

  private void setOwnPassword(Account a, String newPassword, String repeat) {
    PasswordPolicy.violation(a.username(), newPassword)
        .ifPresent(
            key -> {
              throw new UserInputException("newPassword", key, PasswordPolicy.MIN_LENGTH);
            });
    if (!newPassword.equals(repeat)) {
      throw new UserInputException("repeat", "password.repeatDiffers");
    }
    if (passwords.matches(newPassword, a.passwordHash())) {
      throw new UserInputException("newPassword", "password.sameAsOld");
    }
    accounts.setPassword(a.id(), passwords.hash(newPassword), clock.instant(), false);
    int ended = signOuts.everywhereElse(a.id());
    audit.record(
        AuditEvent.of(a.homeSchoolId(), "identity.password.change", "account", a.id())
            .after(java.util.Map.of("sessionsAndTokensEnded", ended)));
  }

  private List<String> newRecoveryCodes(long accountId) {
    List<String> codes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String c = passwords.recoveryCode();
      codes.add(c);
      hashes.add(sha256(c));
    }
    accounts.replaceRecoveryCodes(accountId, hashes);
    return codes;
  }

  public static String sha256(String s) {
    return Sha256.hex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
