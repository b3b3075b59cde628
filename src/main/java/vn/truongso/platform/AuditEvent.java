package vn.truongso.platform;

import org.jspecify.annotations.Nullable;

/**
 * One write to be recorded: what was done to which entity, the state before and after (any object
 * that serialises to JSON, or null), and the reason when one was given.
 *
 * @param schoolId the school whose chain records it; null for organisation-level changes
 */
public record AuditEvent(
    @Nullable Long schoolId,
    String action,
    String entityType,
    @Nullable String entityId,
    @Nullable Object before,
    @Nullable Object after,
    @Nullable String reason) {

  public static AuditEvent of(
      @Nullable Long schoolId, String action, String entityType, @Nullable Object entityId) {
    // No state before or after and no reason yet: the withers below add what the write has.
    String id = entityId == null ? null : entityId.toString();
    return new AuditEvent(schoolId, action, entityType, id, null, null, null);
  }

  public AuditEvent before(@Nullable Object state) {
    return new AuditEvent(schoolId, action, entityType, entityId, state, after, reason);
  }

  public AuditEvent after(@Nullable Object state) {
    return new AuditEvent(schoolId, action, entityType, entityId, before, state, reason);
  }

  public AuditEvent because(@Nullable String why) {
    return new AuditEvent(schoolId, action, entityType, entityId, before, after, why);
  }
}
