package vn.truongso.platform;

import java.util.Optional;

/**
 * A panel of the home page, contributed by the module that owns its content: "my classes" for a
 * teacher, "schools under this office" for an officer, "my children" for a guardian. A panel that
 * has nothing for the current user returns empty.
 */
public interface HomePanel {

  int order();

  Optional<Content> content(AuthenticatedUser user);

  /**
   * A Thymeleaf fragment (template {@code org/panels}, selector {@code schools}) and its model, a
   * record of the panel's own whose components the fragment reads as {@code m.<name>}.
   */
  record Content(String template, String selector, Object model) {}
}
