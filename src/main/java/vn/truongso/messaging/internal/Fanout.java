package vn.truongso.messaging.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.truongso.identity.FamilyAccounts;

/**
 * Takes a released message to the families of the students it is about: their inbox rows and the
 * outbox's deliveries, in the caller's transaction. Returns the number of family accounts reached.
 */
@Component
class Fanout {

  private final FamilyAccounts families;
  private final MessageStore store;
  private final Outbox outbox;

  Fanout(FamilyAccounts families, MessageStore store, Outbox outbox) {
    this.families = families;
    this.store = store;
    this.outbox = outbox;
  }

  int toFamilies(long schoolId, long messageId, Collection<Long> students, boolean urgent) {
    List<FamilyAccounts.Holder> holders = families.guardiansOf(schoolId, students);
    store.addRecipients(
        schoolId,
        messageId,
        holders.stream()
            .map(h -> new MessageStore.Recipient(h.accountId(), h.studentId()))
            .toList());
    outbox.enqueue(
        new Outbox.Source(schoolId, messageId, null, urgent),
        holders.stream().map(h -> new Outbox.Addressee(h.accountId(), h.guardianId())).toList());
    return (int) holders.stream().mapToLong(FamilyAccounts.Holder::accountId).distinct().count();
  }
}
