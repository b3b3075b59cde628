package vn.truongso.messaging.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The outbox's rows as the worker takes and settles them. */
@Component
public class DeliveryStore {

  /**
   * How long a taken delivery is held before another worker may take it again: a process that dies
   * while sending leaves its deliveries to be sent after this (at least once, never lost).
   */
  static final Duration LEASE = Duration.ofMinutes(10);

  private final JdbcClient jdbc;

  DeliveryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Due(
      long schoolId,
      long id,
      @Nullable Long messageId,
      @Nullable Long postId,
      long accountId,
      MessageRules.Channel channel,
      String address,
      boolean urgent,
      int attempts) {}

  /**
   * Takes up to {@code limit} due deliveries for this worker (others skip them), counting a try.
   */
  @Transactional
  List<Due> take(int limit, Instant now) {
    return jdbc.sql(
            """
            UPDATE message_delivery d SET attempts = d.attempts + 1, due_at = ?
             WHERE (d.school_id, d.id) IN (
                   SELECT school_id, id FROM message_delivery
                    WHERE status = 'QUEUED' AND due_at <= ?
                    ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING d.school_id, d.id, d.message_id, d.post_id, d.account_id, d.channel,
                      d.address, d.urgent, d.attempts
            """)
        .params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now), limit)
        .query(
            (rs, n) ->
                new Due(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getObject(3, Long.class),
                    rs.getObject(4, Long.class),
                    rs.getLong(5),
                    MessageRules.Channel.valueOf(rs.getString(6)),
                    rs.getString(7),
                    rs.getBoolean(8),
                    rs.getInt(9)))
        .list();
  }

  void sent(Due d, Instant now) {
    jdbc.sql(
            "UPDATE message_delivery SET status = 'SENT', sent_at = ?, last_error = NULL"
                + " WHERE school_id = ? AND id = ?")
        .params(Timestamp.from(now), d.schoolId(), d.id())
        .update();
  }

  void retry(Due d, Instant due, String error) {
    jdbc.sql(
            "UPDATE message_delivery SET due_at = ?, last_error = ? WHERE school_id = ? AND id = ?")
        .params(Timestamp.from(due), clip(error), d.schoolId(), d.id())
        .update();
  }

  void end(Due d, String status, String error) {
    jdbc.sql(
            "UPDATE message_delivery SET status = ?, last_error = ? WHERE school_id = ? AND id = ?")
        .params(status, clip(error), d.schoolId(), d.id())
        .update();
  }

  /** Counts of a message's deliveries by channel and status. */
  List<Count> counts(long schoolId, long messageId) {
    return jdbc.sql(
            "SELECT channel, status, count(*) FROM message_delivery WHERE school_id = ?"
                + " AND message_id = ? GROUP BY channel, status ORDER BY channel, status")
        .params(schoolId, messageId)
        .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .list();
  }

  /** The deliveries of a message not sent (waiting or given up), with the last error. */
  List<Pending> pending(long schoolId, long messageId, int limit) {
    return jdbc.sql(
            """
            SELECT account_id, channel, address, status, attempts, due_at, last_error
              FROM message_delivery WHERE school_id = ? AND message_id = ? AND status <> 'SENT'
             ORDER BY status, id LIMIT ?
            """)
        .params(schoolId, messageId, limit)
        .query(
            (rs, n) ->
                new Pending(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getString(7)))
        .list();
  }

  public record Count(String channel, String status, int count) {}

  public record Pending(
      long accountId,
      String channel,
      String address,
      String status,
      int attempts,
      Instant dueAt,
      @Nullable String error) {}

  private static String clip(String error) {
    return error.length() <= 500 ? error : error.substring(0, 500);
  }
}
