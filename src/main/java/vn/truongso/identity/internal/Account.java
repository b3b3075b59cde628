package vn.truongso.identity.internal;

import java.time.Instant;
import vn.truongso.identity.*;

/** A login account (tài khoản). Guardians may use their phone number as username. */
public record Account(
    long id,
    String username,
    String displayName,
    String passwordHash,
    Instant passwordChangedAt,
    boolean mustChangePassword,
    boolean enabled,
    int failedAttempts,
    Instant lockedUntil,
    String totpSecretSealed,
    boolean totpEnabled,
    Long totpLastStep,
    Long homeSchoolId,
    Instant createdAt) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
