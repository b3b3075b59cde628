package vn.truongso.identity.internal;

import java.time.Instant;
import vn.truongso.identity.*;

/** What a login step decided, and what comes next. */
public sealed interface LoginOutcome {

  /** Wrong username or password (never says which); {@code lockedUntil} when this locked it. */
  public record Refused(String messageKey, Instant lockedUntil) implements LoginOutcome {}

  /** The password (and code, if any) is right; the user must still pass the next step. */
  public record Next(long accountId, Step step) implements LoginOutcome {}

  /** Fully signed in. */
  public record SignedIn(long accountId) implements LoginOutcome {}

  public enum Step {
    TOTP,
    CHANGE_PASSWORD,
    ENROL_TOTP
  }
}
