package vn.truongso.kindergarten.internal.kitchen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.org.School;

/**
 * The kitchen's day at a glance, for the home page of the cook and the leaders: how many eat (from
 * the rolls taken so far), which menus are set, how many steps of the food check are logged.
 */
@Service
public class KitchenToday {

  public record Day(
      School school,
      LocalDate day,
      int eating,
      int groups,
      int rollsTaken,
      Set<Norms.Band> menus,
      int checks) {}

  private final KitchenAccess access;
  private final MealCounts counts;
  private final MenuStore menus;
  private final PantryStore pantry;
  private final Clock clock;

  KitchenToday(
      KitchenAccess access, MealCounts counts, MenuStore menus, PantryStore pantry, Clock clock) {
    this.access = access;
    this.counts = counts;
    this.menus = menus;
    this.pantry = pantry;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Day> today() {
    LocalDate today = LocalDate.now(clock);
    List<Day> out = new ArrayList<>();
    for (School school : access.schools()) {
      List<MealCounts.Group> groups = counts.on(school.id(), today);
      Set<Norms.Band> set = new TreeSet<>();
      menus.items(school.id(), today, today).forEach(i -> set.add(i.band()));
      out.add(
          new Day(
              school,
              today,
              groups.stream()
                  .mapToInt(g -> g.eating().values().stream().mapToInt(Integer::intValue).sum())
                  .sum(),
              groups.size(),
              (int) groups.stream().filter(MealCounts.Group::rollTaken).count(),
              set,
              pantry.checks(school.id(), today).size()));
    }
    return out;
  }
}
