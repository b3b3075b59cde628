package vn.truongso.platform.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NavItem;

/** Puts the signed-in user and the navigation they may see into every page's model. */
@ControllerAdvice
class LayoutAdvice {

  private final List<NavItem> items;
  private final Authorization authorization;

  LayoutAdvice(List<NavItem> items, Authorization authorization) {
    this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    this.authorization = authorization;
  }

  @ModelAttribute("currentUser")
  AuthenticatedUser currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof AuthenticatedUser u ? u : null;
  }

  @ModelAttribute("nav")
  List<NavItem> nav() {
    if (currentUser() == null) {
      return List.of();
    }
    // A page reached through either of two actions has two items with one link: show it once.
    java.util.Set<String> shown = new java.util.HashSet<>();
    return items.stream()
        .filter(i -> i.action() == null || authorization.permitsSomewhere(i.action()))
        .filter(NavItem::shown)
        .filter(i -> shown.add(i.href()))
        .toList();
  }
}
