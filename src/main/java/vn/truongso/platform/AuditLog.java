package vn.truongso.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The append-only, hash-chained log of every write. {@link #record} must be called inside the
 * transaction that makes the change, so that both commit or neither does.
 */
public interface AuditLog {

  void record(AuditEvent event);

  /** Recomputes the chains (one school, or all when null) and reports the first broken entry. */
  Verification verify(@Nullable Long schoolId);

  List<Entry> find(Query query);

  /** Filters for the log page; null parts are not filtered. */
  record Query(
      java.util.Collection<Long> schoolIds,
      @Nullable String actorName,
      @Nullable String action,
      @Nullable String entityType,
      @Nullable Instant from,
      @Nullable Instant to,
      int limit,
      int offset) {}

  record Entry(
      long schoolId,
      long seq,
      Instant at,
      @Nullable Long actorId,
      @Nullable String actorName,
      @Nullable String actorRole,
      String action,
      String entityType,
      @Nullable String entityId,
      @Nullable String before,
      @Nullable String after,
      @Nullable String reason,
      @Nullable String ip,
      @Nullable String userAgent) {}

  record Verification(long entriesChecked, Optional<Broken> firstBroken) {
    public boolean intact() {
      return firstBroken.isEmpty();
    }
  }

  record Broken(long schoolId, long seq, String problem) {}
}
