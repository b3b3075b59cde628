package vn.truongso.platform;

import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A link in the main navigation, contributed as a bean by the module that owns the page. It is
 * shown to users who hold {@code action} somewhere and for whom {@code shownWhen} holds (a page
 * whose own check is wider than one action); the page itself still checks the target.
 *
 * @param action null for links every signed-in user sees
 * @param shownWhen null when holding the action is enough
 */
public record NavItem(
    String labelKey,
    String href,
    @Nullable Action action,
    int order,
    @Nullable BooleanSupplier shownWhen) {

  public NavItem(String labelKey, String href, @Nullable Action action, int order) {
    this(labelKey, href, action, order, null);
  }

  /** Whether the signed-in user, who holds the action, may use the page. */
  public boolean shown() {
    return shownWhen == null || shownWhen.getAsBoolean();
  }
}
