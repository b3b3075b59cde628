package vn.truongso.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.MessageRules.Channel;
import vn.truongso.people.People;

/**
 * Fills the outbox in the caller's transaction: for each family account, one row per channel it
 * chose and the server has (e-mail to its address, push to each of its phones, SMS and Zalo to its
 * number), due now or, for a phone and a message that is not urgent, at the end of the quiet hours.
 * A parent of two children gets one e-mail, not two.
 */
@Component
public class Outbox {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final JdbcClient jdbc;
  private final Preferences preferences;
  private final PushSubscriptions subscriptions;
  private final People people;
  private final List<vn.truongso.messaging.internal.channel.Channel> channels;
  private final MessagingProperties properties;
  private final Clock clock;

  Outbox(
      JdbcClient jdbc,
      Preferences preferences,
      PushSubscriptions subscriptions,
      People people,
      List<vn.truongso.messaging.internal.channel.Channel> channels,
      MessagingProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.preferences = preferences;
    this.subscriptions = subscriptions;
    this.people = people;
    this.channels = channels;
    this.properties = properties;
    this.clock = clock;
  }

  /** A family account a message goes to; its guardian record gives the school's address for it. */
  public record Addressee(long accountId, @Nullable Long guardianId) {}

  /** What a message or a post is, for the outbox: one of the two ids is set. */
  public record Source(
      long schoolId, @Nullable Long messageId, @Nullable Long postId, boolean urgent) {}

  /** Queues the deliveries; returns how many rows it wrote. */
  public int enqueue(Source source, Collection<Addressee> addressees) {
    Map<Long, Addressee> byAccount = new LinkedHashMap<>();
    addressees.forEach(a -> byAccount.putIfAbsent(a.accountId(), a));
    if (byAccount.isEmpty()) {
      return 0;
    }
    Rows rows = rows(source.schoolId(), byAccount.values());
    if (rows.accounts().isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    Instant phoneDue =
        source.urgent()
            ? now
            : MessageRules.notBeforeQuietEnd(
                now, VIETNAM, properties.quietFrom(), properties.quietUntil());
    return jdbc.sql(
            """
            INSERT INTO message_delivery (school_id, message_id, post_id, account_id, channel,
                                          address, status, urgent, due_at, created_at)
            SELECT ?::bigint, ?::bigint, ?::bigint, t.account, t.channel, t.address, 'QUEUED',
                   ?::boolean, CASE WHEN t.channel = 'EMAIL' THEN ?::timestamptz
                   ELSE ?::timestamptz END, ?::timestamptz
              FROM unnest(?::bigint[], ?::text[], ?::text[]) AS t(account, channel, address)
            """)
        .params(
            source.schoolId(),
            source.messageId(),
            source.postId(),
            source.urgent(),
            Timestamp.from(now),
            Timestamp.from(phoneDue),
            Timestamp.from(now),
            rows.accounts().toArray(Long[]::new),
            rows.kinds().toArray(String[]::new),
            rows.addresses().toArray(String[]::new))
        .update();
  }

  private Set<Channel> enabled() {
    Set<Channel> on = java.util.EnumSet.noneOf(Channel.class);
    channels.stream().filter(c -> c.enabled()).forEach(c -> on.add(c.kind()));
    return on;
  }

  /** The outbox rows to write, one per account and channel (and phone, for push). */
  private record Rows(List<Long> accounts, List<String> kinds, List<String> addresses) {
    void add(long account, Channel channel, String address) {
      accounts.add(account);
      kinds.add(channel.name());
      addresses.add(address);
    }
  }

  /** Where each account is told: its choices, the school's contacts for it, its phones. */
  private Rows rows(long schoolId, Collection<Addressee> addressees) {
    Set<Long> ids = new java.util.LinkedHashSet<>();
    addressees.forEach(a -> ids.add(a.accountId()));
    Set<Channel> on = enabled();
    Map<Long, Preferences.Choice> choices = preferences.of(ids);
    Map<Long, List<Long>> phones = on.contains(Channel.PUSH) ? subscriptions.idsOf(ids) : Map.of();
    Map<Long, People.Contact> contacts =
        people.contacts(
            schoolId,
            addressees.stream()
                .map(Addressee::guardianId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Addressee a : addressees) {
      Preferences.Choice c = choices.getOrDefault(a.accountId(), Preferences.Choice.DEFAULT);
      People.Contact contact = a.guardianId() == null ? null : contacts.get(a.guardianId());
      String email = c.email() != null ? c.email() : contact == null ? "" : contact.email();
      String phone = contact == null ? "" : contact.phone();
      if (on.contains(Channel.EMAIL) && c.emailOn() && !email.isBlank()) {
        rows.add(a.accountId(), Channel.EMAIL, email);
      }
      if (c.pushOn()) {
        for (long sub : phones.getOrDefault(a.accountId(), List.of())) {
          rows.add(a.accountId(), Channel.PUSH, String.valueOf(sub));
        }
      }
      if (on.contains(Channel.SMS) && c.smsOn() && !phone.isBlank()) {
        rows.add(a.accountId(), Channel.SMS, phone);
      }
      if (on.contains(Channel.ZALO) && c.zaloOn() && !phone.isBlank()) {
        rows.add(a.accountId(), Channel.ZALO, phone);
      }
    }
    return rows;
  }
}
