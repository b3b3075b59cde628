package vn.truongso.messaging.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.channel.Channel;

/**
 * What a delivery carries: a message's title, text and attachment, or a conversation post announced
 * in the family's language (Vietnamese), with the portal link that opens it.
 */
@Component
class Contents {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final MessagingProperties properties;

  Contents(JdbcClient jdbc, MessageSource messages, MessagingProperties properties) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.properties = properties;
  }

  record Content(
      String title,
      String body,
      String link,
      Channel.@Nullable Attachment attachment,
      boolean gone) {
    static final Content GONE = new Content("", "", "", null, true);
  }

  Content of(DeliveryStore.Due d) {
    return d.messageId() != null
        ? message(d.schoolId(), d.messageId())
        : post(d.schoolId(), d.postId());
  }

  private Content message(long schoolId, long id) {
    return jdbc.sql(
            "SELECT title, body, attachment_name, attachment_type, attachment FROM message"
                + " WHERE school_id = ? AND id = ? AND released_at IS NOT NULL")
        .params(schoolId, id)
        .query(
            (rs, n) ->
                new Content(
                    rs.getString(1),
                    rs.getString(2),
                    properties.link() + "/messages/" + schoolId + "/" + id,
                    rs.getString(3) == null
                        ? null
                        : new Channel.Attachment(rs.getString(3), rs.getString(4), rs.getBytes(5)),
                    false))
        .optional()
        .orElse(Content.GONE);
  }

  private Content post(long schoolId, @Nullable Long id) {
    if (id == null) {
      return Content.GONE;
    }
    return jdbc.sql(
            "SELECT author_name, body, student_id FROM conversation_post"
                + " WHERE school_id = ? AND id = ?")
        .params(schoolId, id)
        .query(
            (rs, n) ->
                new Content(
                    messages.getMessage("messaging.post.title", new Object[] {rs.getString(1)}, VI),
                    rs.getString(2),
                    properties.link() + "/" + schoolId + "/" + rs.getLong(3) + "/conversation",
                    null,
                    false))
        .optional()
        .orElse(Content.GONE);
  }
}
