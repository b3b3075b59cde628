package vn.truongso.platform;

import java.io.Serializable;

/**
 * The principal of a signed-in user as every module sees it. {@code roleSummary} is what the audit
 * log records as the acting role.
 */
public record AuthenticatedUser(
    long accountId, String username, String displayName, String roleSummary)
    implements Serializable, java.security.Principal {

  /** The username: Spring Session indexes sessions by it. */
  @Override
  public String getName() {
    return username;
  }
}
