package vn.truongso.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A panel of the home page, contributed by the module that owns its content: "my classes" for a
 * teacher, "schools under this office" for an officer, "my children" for a guardian. A panel that
 * has nothing for the current user returns empty.
 */
public interface HomePanel {

  int order();

  Optional<Content> content(AuthenticatedUser user);

  /** A Thymeleaf fragment (template {@code org/panels}, selector {@code schools}) and its model. */
  record Content(String template, String selector, Map<String, Object> model) {}
}
