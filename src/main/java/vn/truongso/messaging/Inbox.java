package vn.truongso.messaging;

/** What the families' portal shows of a family's messages: how many wait unread. */
public interface Inbox {

  /** Released messages the account has not opened, and the school's unread conversation posts. */
  int unread(long accountId);
}
