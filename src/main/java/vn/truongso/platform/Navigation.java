package vn.truongso.platform;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The links of the main navigation the signed-in user may use. The layout shows them; a page
 * answered before any controller runs (a module's interceptor) asks for them too.
 */
@Component
public class Navigation {

  private final List<NavItem> items;
  private final Authorization authorization;
  private final ObjectProvider<SecondaryBookSchools> bookSchools;

  Navigation(
      List<NavItem> items,
      Authorization authorization,
      ObjectProvider<SecondaryBookSchools> bookSchools) {
    this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    this.authorization = authorization;
    this.bookSchools = bookSchools;
  }

  /** The signed-in user, or null. */
  public static @Nullable AuthenticatedUser currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof AuthenticatedUser u ? u : null;
  }

  /**
   * Links whose action the user holds somewhere; a grade-book link only when one of the schools
   * where they hold it keeps the secondary book, so kindergarten and primary staff see none.
   */
  public List<NavItem> shown() {
    if (currentUser() == null) {
      return List.of();
    }
    List<NavItem> held =
        items.stream()
            .filter(i -> i.action() == null || authorization.permitsSomewhere(i.action()))
            .filter(NavItem::shown)
            .toList();
    Set<Action> withBook = actionsWithSecondaryBook(held);
    // A page reached through either of two actions has two items with one link: show it once.
    Set<String> shown = new HashSet<>();
    return held.stream()
        .filter(
            i ->
                i.action() == null
                    || !i.action().onSecondaryGradeBook()
                    || withBook.contains(i.action()))
        .filter(i -> shown.add(i.href()))
        .toList();
  }

  /** The held grade-book actions that reach a school keeping the secondary book (one query). */
  private Set<Action> actionsWithSecondaryBook(List<NavItem> held) {
    SecondaryBookSchools schools = bookSchools.getIfAvailable();
    Map<Action, Set<Long>> where = new EnumMap<>(Action.class);
    for (NavItem i : held) {
      if (i.action() != null && i.action().onSecondaryGradeBook()) {
        where.computeIfAbsent(i.action(), authorization::schoolsWhere);
      }
    }
    if (schools == null || where.isEmpty()) {
      return where.keySet();
    }
    Set<Long> all = new HashSet<>();
    where.values().forEach(all::addAll);
    Set<Long> keeping = schools.keepingSecondaryBook(all);
    Set<Action> out = EnumSet.noneOf(Action.class);
    where.forEach(
        (action, ids) -> {
          if (ids.stream().anyMatch(keeping::contains)) {
            out.add(action);
          }
        });
    return out;
  }
}
