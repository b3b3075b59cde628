package vn.truongso.messaging.internal.channel;

import org.jspecify.annotations.Nullable;
import vn.truongso.messaging.internal.MessageRules;

/**
 * A way to a family besides the in-app inbox. The worker hands it one envelope at a time and
 * records what it answers; a channel that is not configured is never given one.
 */
public interface Channel {

  MessageRules.Channel kind();

  /** Whether the school's server is set up for this channel (deliveries are queued only then). */
  boolean enabled();

  Outcome send(Envelope envelope);

  /**
   * What goes out: to whom (an e-mail address, a phone number, a push subscription), the title and
   * text, the portal link, and an attachment for e-mail.
   */
  record Envelope(
      long deliveryId,
      String address,
      String title,
      String body,
      String link,
      boolean urgent,
      @Nullable Attachment attachment) {}

  record Attachment(String name, String mediaType, byte[] content) {}

  /** The provider's answer. */
  sealed interface Outcome {
    record Sent() implements Outcome {}

    /** Worth trying again later (the server down, the network, a rate limit). */
    record Retry(String error) implements Outcome {}

    /** Never worth trying again (a bad address, a refused message). */
    record Failed(String error) implements Outcome {}

    /** The address no longer exists (an ended push subscription): removed, not retried. */
    record Gone(String error) implements Outcome {}
  }
}
