package vn.truongso.identity;

import java.time.Instant;

/** A role given to an account within a scope; revoked ones are kept with who, when and why. */
public record RoleAssignment(
    long id,
    long accountId,
    Role role,
    long orgUnitId,
    Long schoolId,
    Long classId,
    String subjectCode,
    Integer schoolYear,
    Long studentId,
    Instant grantedAt,
    Instant revokedAt,
    String revokeReason) {

  public boolean active() {
    return revokedAt == null;
  }
}
