package vn.truongso.messaging.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A family's conversation with the school, post by post, and how far each reader has read it. */
@Component
public class ConversationStore {

  private final JdbcClient jdbc;

  ConversationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Post(
      long id,
      long authorId,
      String authorName,
      boolean fromFamily,
      @Nullable Long replyTo,
      @Nullable String replyTitle,
      String body,
      Instant at) {}

  /**
   * A conversation in the staff's list: its child, its last post, what this reader has not read.
   */
  public record Summary(
      long studentId, Instant lastAt, boolean lastFromFamily, String lastBody, int unread) {}

  long add(
      long schoolId,
      long studentId,
      long author,
      String authorName,
      boolean fromFamily,
      @Nullable Long replyTo,
      String body,
      Instant at) {
    return jdbc.sql(
            """
            INSERT INTO conversation_post (school_id, student_id, author_id, author_name,
                                           from_family, reply_to, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            schoolId, studentId, author, authorName, fromFamily, replyTo, body, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  List<Post> posts(long schoolId, long studentId) {
    return jdbc.sql(
            """
            SELECT p.id, p.author_id, p.author_name, p.from_family, p.reply_to, m.title, p.body,
                   p.created_at
              FROM conversation_post p
              LEFT JOIN message m ON m.school_id = p.school_id AND m.id = p.reply_to
             WHERE p.school_id = ? AND p.student_id = ? ORDER BY p.id
            """)
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new Post(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getBoolean(4),
                    rs.getObject(5, Long.class),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  void read(long schoolId, long studentId, long accountId, long lastId) {
    jdbc.sql(
            """
            INSERT INTO conversation_read (school_id, student_id, account_id, last_read)
            VALUES (?, ?, ?, ?) ON CONFLICT (school_id, student_id, account_id)
            DO UPDATE SET last_read = greatest(conversation_read.last_read, EXCLUDED.last_read)
            """)
        .params(schoolId, studentId, accountId, lastId)
        .update();
  }

  /**
   * The school's conversations, latest first, with the families' posts this reader has not read.
   */
  List<Summary> ofSchool(long schoolId, long reader) {
    return jdbc.sql(
            """
            SELECT l.student_id, l.created_at, l.from_family, l.body,
                   (SELECT count(*) FROM conversation_post u
                     WHERE u.school_id = l.school_id AND u.student_id = l.student_id
                       AND u.from_family AND u.id > coalesce(r.last_read, 0))
              FROM (SELECT DISTINCT ON (student_id) * FROM conversation_post WHERE school_id = ?
                     ORDER BY student_id, id DESC) l
              LEFT JOIN conversation_read r ON r.school_id = l.school_id
                   AND r.student_id = l.student_id AND r.account_id = ?
             ORDER BY l.created_at DESC
            """)
        .params(schoolId, reader)
        .query(
            (rs, n) ->
                new Summary(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getBoolean(3),
                    rs.getString(4),
                    rs.getInt(5)))
        .list();
  }

  /** The school's posts to a family this reader has not read. */
  int unreadFromSchool(long schoolId, long studentId, long reader) {
    return jdbc.sql(
            """
            SELECT count(*) FROM conversation_post p
             WHERE p.school_id = ? AND p.student_id = ? AND NOT p.from_family
               AND p.id > coalesce((SELECT last_read FROM conversation_read WHERE school_id = ?
                                    AND student_id = ? AND account_id = ?), 0)
            """)
        .params(schoolId, studentId, schoolId, studentId, reader)
        .query(Integer.class)
        .single();
  }
}
