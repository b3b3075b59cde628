package vn.truongso.messaging.internal;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.identity.FamilyAccounts;
import vn.truongso.messaging.Inbox;
import vn.truongso.people.People;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.NotFoundException;

/**
 * A family's inbox: the messages addressed to the account, newest first; one opened is marked read.
 * A message the account did not receive does not exist for it.
 */
@Service
public class FamilyInbox implements Inbox {

  private static final Logger log = LoggerFactory.getLogger(FamilyInbox.class);

  static final int SHOWN = 100;

  private final MessageStore store;
  private final ConversationStore posts;
  private final FamilyAccounts families;
  private final People people;
  private final Clock clock;

  FamilyInbox(
      MessageStore store,
      ConversationStore posts,
      FamilyAccounts families,
      People people,
      Clock clock) {
    this.store = store;
    this.posts = posts;
    this.families = families;
    this.people = people;
    this.clock = clock;
  }

  /** The conversation about one of the account's children, with the school's posts not read. */
  public record ChildThread(long schoolId, long studentId, String name, int unread) {}

  @Transactional(readOnly = true)
  public List<ChildThread> threads(AuthenticatedUser user) {
    List<ChildThread> out = new java.util.ArrayList<>();
    for (FamilyAccounts.Child c : families.childrenOf(user.accountId())) {
      people
          .student(c.schoolId(), c.studentId())
          .ifPresent(
              s ->
                  out.add(
                      new ChildThread(
                          c.schoolId(),
                          c.studentId(),
                          s.name().full(),
                          posts.unreadFromSchool(c.schoolId(), c.studentId(), user.accountId()))));
    }
    return out;
  }

  @Override
  @Transactional(readOnly = true)
  public int unread(long accountId) {
    return store.unread(accountId) + unreadPosts(accountId);
  }

  @Transactional(readOnly = true)
  public List<MessageStore.Listed> list(AuthenticatedUser user) {
    return store.inbox(user.accountId(), SHOWN);
  }

  @Transactional
  public MessageStore.Full open(AuthenticatedUser user, long schoolId, long id) {
    MessageStore.Full m =
        store
            .forRecipient(user.accountId(), schoolId, id)
            .orElseThrow(
                () -> {
                  log.warn(
                      "messaging: account {} asked for message {} of school {}, not theirs",
                      user.accountId(),
                      id,
                      schoolId);
                  return new NotFoundException("messaging.message");
                });
    store.markRead(user.accountId(), schoolId, id, clock.instant());
    return m;
  }

  @Transactional(readOnly = true)
  public byte[] attachment(AuthenticatedUser user, long schoolId, long id) {
    if (store.forRecipient(user.accountId(), schoolId, id).isEmpty()) {
      throw new NotFoundException("messaging.message");
    }
    return store
        .attachment(schoolId, id)
        .orElseThrow(() -> new NotFoundException("messaging.attachment"));
  }

  /** The school's posts in the account's children's conversations that it has not read. */
  private int unreadPosts(long accountId) {
    int n = 0;
    for (FamilyAccounts.Child c : families.childrenOf(accountId)) {
      n += posts.unreadFromSchool(c.schoolId(), c.studentId(), accountId);
    }
    return n;
  }
}
