package vn.truongso.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained log of every write. {@link #record} must be called inside the
 * transaction that makes the change, so that both commit or neither does.
 */
public interface AuditLog {

  void record(AuditEvent event);

  /** Recomputes the chains (one school, or all when null) and reports the first broken entry. */
  Verification verify(Long schoolId);

  List<Entry> find(Query query);

  /** Filters for the log page; null parts are not filtered. */
  record Query(
      java.util.Collection<Long> schoolIds,
      String actorName,
      String action,
      String entityType,
      Instant from,
      Instant to,
      int limit,
      int offset) {}

  record Entry(
      long schoolId,
      long seq,
      Instant at,
      Long actorId,
      String actorName,
      String actorRole,
      String action,
      String entityType,
      String entityId,
      String before,
      String after,
      String reason,
      String ip,
      String userAgent) {}

  record Verification(long entriesChecked, Optional<Broken> firstBroken) {
    public boolean intact() {
      return firstBroken.isEmpty();
    }
  }

  record Broken(long schoolId, long seq, String problem) {}
}
