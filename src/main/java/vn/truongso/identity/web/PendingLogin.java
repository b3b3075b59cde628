package vn.truongso.identity.web;

import java.io.Serializable;
import vn.truongso.identity.internal.LoginOutcome.Step;

/** A login half-way through: the password was right, a step remains. Kept in the session. */
record PendingLogin(long accountId, String username, Step step, String enrolSecret)
    implements Serializable {

  static final String ATTRIBUTE = "truongso.pendingLogin";

  PendingLogin withSecret(String secret) {
    return new PendingLogin(accountId, username, step, secret);
  }
}
