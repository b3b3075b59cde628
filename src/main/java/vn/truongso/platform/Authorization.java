package vn.truongso.platform;

import java.util.Set;

/**
 * The one place that answers "may the current user do this action on this resource". Deny by
 * default: every page and API call asks it. Implemented by the identity module.
 */
public interface Authorization {

  boolean permits(Action action, Target target);

  /**
   * Throws {@link org.springframework.security.access.AccessDeniedException} when not permitted.
   */
  void require(Action action, Target target);

  /** Whether the current user holds the action anywhere (for navigation, never for a decision). */
  boolean permitsSomewhere(Action action);

  /** The schools in which the current user may do the action. */
  Set<Long> schoolsWhere(Action action);

  /**
   * The scopes of the current user's roles that hold the action (a school, a class, a class and
   * subject, a student), for listing "my classes" or "my children"; decisions still use {@link
   * #permits}.
   */
  java.util.List<Target> scopesWhere(Action action);
}
