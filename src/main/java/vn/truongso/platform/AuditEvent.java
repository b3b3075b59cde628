package vn.truongso.platform;

/**
 * One write to be recorded: what was done to which entity, the state before and after (any object
 * that serialises to JSON, or null), and the reason when one was given.
 *
 * @param schoolId the school whose chain records it; null for organisation-level changes
 */
public record AuditEvent(
    Long schoolId,
    String action,
    String entityType,
    String entityId,
    Object before,
    Object after,
    String reason) {

  public static AuditEvent of(Long schoolId, String action, String entityType, Object entityId) {
    return new AuditEvent(
        schoolId,
        action,
        entityType,
        entityId == null ? null : entityId.toString(),
        null,
        null,
        null);
  }

  public AuditEvent before(Object state) {
    return new AuditEvent(schoolId, action, entityType, entityId, state, after, reason);
  }

  public AuditEvent after(Object state) {
    return new AuditEvent(schoolId, action, entityType, entityId, before, state, reason);
  }

  public AuditEvent because(String why) {
    return new AuditEvent(schoolId, action, entityType, entityId, before, after, why);
  }
}
