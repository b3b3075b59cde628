package vn.truongso.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.MessageRules.Kind;

/** Messages, their inbox rows and what the lists of them show. */
@Component
public class MessageStore {

  private final JdbcClient jdbc;

  MessageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record NewMessage(
      long schoolId,
      Kind kind,
      String audience,
      String audienceLabel,
      @Nullable Long sentBy,
      String senderName,
      String title,
      String body,
      @Nullable Upload attachment,
      @Nullable Long summaryBatch,
      Instant createdAt,
      @Nullable Instant releasedAt) {}

  /** An attachment checked by content: its name, what it is, its bytes. */
  public record Upload(String name, String mediaType, byte[] content) {}

  /** A family account and the child a message is about. */
  public record Recipient(long accountId, long studentId) {}

  /** A message as the lists show it. */
  public record Listed(
      long schoolId,
      long id,
      Kind kind,
      String audienceScope,
      String audienceLabel,
      String senderName,
      String title,
      Instant createdAt,
      @Nullable Instant releasedAt,
      int recipients,
      @Nullable Long studentId,
      @Nullable Instant readAt) {}

  /** One message in full. */
  public record Full(
      Listed head,
      String body,
      @Nullable String attachmentName,
      @Nullable String attachmentType,
      @Nullable Long sentBy) {}

  long insert(NewMessage m) {
    return jdbc.sql(
            """
            INSERT INTO message (school_id, kind, audience, audience_label, sent_by, sender_name,
                                 title, body, attachment_name, attachment_type, attachment,
                                 summary_batch, created_at, released_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            m.schoolId(),
            m.kind().name(),
            m.audience(),
            m.audienceLabel(),
            m.sentBy(),
            m.senderName(),
            m.title(),
            m.body(),
            m.attachment() == null ? null : m.attachment().name(),
            m.attachment() == null ? null : m.attachment().mediaType(),
            m.attachment() == null ? null : m.attachment().content(),
            m.summaryBatch(),
            Timestamp.from(m.createdAt()),
            m.releasedAt() == null ? null : Timestamp.from(m.releasedAt()))
        .query(Long.class)
        .single();
  }

  /** Writes the inbox rows (a parent of two children gets the message for each). */
  int addRecipients(long schoolId, long messageId, Collection<Recipient> recipients) {
    int n =
        jdbc.sql(
                """
                INSERT INTO message_recipient (school_id, message_id, account_id, student_id)
                SELECT ?::bigint, ?::bigint, t.account, t.student
                  FROM unnest(?::bigint[], ?::bigint[]) AS t(account, student)
                ON CONFLICT DO NOTHING
                """)
            .params(
                schoolId,
                messageId,
                recipients.stream().map(Recipient::accountId).toArray(Long[]::new),
                recipients.stream().map(Recipient::studentId).toArray(Long[]::new))
            .update();
    jdbc.sql("UPDATE message SET recipients = recipients + ? WHERE school_id = ? AND id = ?")
        .params(n, schoolId, messageId)
        .update();
    return n;
  }

  void release(long schoolId, long messageId, Instant at) {
    jdbc.sql("UPDATE message SET released_at = ? WHERE school_id = ? AND id = ?")
        .params(Timestamp.from(at), schoolId, messageId)
        .update();
  }

  /** The family account's released messages, newest first. */
  List<Listed> inbox(long accountId, int limit) {
    return jdbc.sql(
            LISTED
                + """
                , r.student_id, r.read_at FROM message_recipient r
                  JOIN message m ON m.school_id = r.school_id AND m.id = r.message_id
                 WHERE r.account_id = ? AND m.released_at IS NOT NULL
                 ORDER BY m.created_at DESC, m.id DESC LIMIT ?
                """)
        .params(accountId, limit)
        .query(MessageStore::listed)
        .list();
  }

  int unread(long accountId) {
    return jdbc.sql(
            """
            SELECT count(*) FROM message_recipient r
              JOIN message m ON m.school_id = r.school_id AND m.id = r.message_id
             WHERE r.account_id = ? AND r.read_at IS NULL AND m.released_at IS NOT NULL
            """)
        .param(accountId)
        .query(Integer.class)
        .single();
  }

  /** The message if the account is one of its recipients (and it is released). */
  Optional<Full> forRecipient(long accountId, long schoolId, long id) {
    return jdbc.sql(
            LISTED
                + """
                , r.student_id, r.read_at, m.body, m.attachment_name, m.attachment_type, m.sent_by
                  FROM message_recipient r
                  JOIN message m ON m.school_id = r.school_id AND m.id = r.message_id
                 WHERE r.account_id = ? AND r.school_id = ? AND r.message_id = ?
                   AND m.released_at IS NOT NULL
                 ORDER BY r.student_id LIMIT 1
                """)
        .params(accountId, schoolId, id)
        .query(MessageStore::full)
        .optional();
  }

  Optional<Full> inSchool(long schoolId, long id) {
    return jdbc.sql(
            LISTED
                + """
                , NULL::bigint AS student_id, NULL::timestamptz AS read_at, m.body, m.attachment_name,
                  m.attachment_type, m.sent_by
                  FROM message m WHERE m.school_id = ? AND m.id = ?
                """)
        .params(schoolId, id)
        .query(MessageStore::full)
        .optional();
  }

  Optional<byte[]> attachment(long schoolId, long id) {
    return jdbc.sql("SELECT attachment FROM message WHERE school_id = ? AND id = ?")
        .params(schoolId, id)
        .query((rs, n) -> rs.getBytes(1))
        .optional()
        .filter(java.util.Objects::nonNull);
  }

  void markRead(long accountId, long schoolId, long id, Instant at) {
    jdbc.sql(
            "UPDATE message_recipient SET read_at = ? WHERE account_id = ? AND school_id = ?"
                + " AND message_id = ? AND read_at IS NULL")
        .params(Timestamp.from(at), accountId, schoolId, id)
        .update();
  }

  /** The school's messages, newest first; only the sender's own when {@code sentBy} is set. */
  List<Listed> sent(long schoolId, @Nullable Long sentBy, int limit) {
    return jdbc.sql(
            LISTED
                + """
                , NULL::bigint AS student_id, NULL::timestamptz AS read_at FROM message m
                 WHERE m.school_id = ? AND (?::bigint IS NULL OR m.sent_by = ?::bigint)
                   AND m.kind NOT IN ('SUMMARY', 'ABSENCE')
                 ORDER BY m.created_at DESC, m.id DESC LIMIT ?
                """)
        .params(schoolId, sentBy, sentBy, limit)
        .query(MessageStore::listed)
        .list();
  }

  /** How many families have read a message. */
  int readCount(long schoolId, long id) {
    return jdbc.sql(
            "SELECT count(DISTINCT account_id) FROM message_recipient WHERE school_id = ?"
                + " AND message_id = ? AND read_at IS NOT NULL")
        .params(schoolId, id)
        .query(Integer.class)
        .single();
  }

  /** Messages and posts the account wrote since then: what the rate limit counts. */
  int writtenSince(long accountId, Instant since) {
    return jdbc.sql(
            "SELECT (SELECT count(*) FROM message WHERE sent_by = ? AND created_at >= ?)"
                + " + (SELECT count(*) FROM conversation_post WHERE author_id = ?"
                + " AND created_at >= ?)")
        .params(accountId, Timestamp.from(since), accountId, Timestamp.from(since))
        .query(Integer.class)
        .single();
  }

  private static final String LISTED =
      "SELECT m.school_id, m.id, m.kind, split_part(m.audience, ':', 1) || '|' || m.audience_label,"
          + " m.sender_name, m.title, m.created_at,"
          + " m.released_at, m.recipients";

  private static Listed listed(ResultSet rs, int n) throws SQLException {
    Timestamp released = rs.getTimestamp(8);
    Timestamp read = rs.getTimestamp(11);
    String[] audience = rs.getString(4).split("\\|", 2);
    return new Listed(
        rs.getLong(1),
        rs.getLong(2),
        Kind.valueOf(rs.getString(3)),
        audience[0],
        audience[1],
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        released == null ? null : released.toInstant(),
        rs.getInt(9),
        rs.getObject(10, Long.class),
        read == null ? null : read.toInstant());
  }

  private static Full full(ResultSet rs, int n) throws SQLException {
    return new Full(
        listed(rs, n),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getObject(15, Long.class));
  }
}
