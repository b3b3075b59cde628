package vn.truongso.platform;

/**
 * A link in the main navigation, contributed as a bean by the module that owns the page. It is
 * shown to users who hold {@code action} somewhere; the page itself still checks the target.
 *
 * @param action null for links every signed-in user sees
 */
public record NavItem(String labelKey, String href, Action action, int order) {}
