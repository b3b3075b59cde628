package vn.truongso.kindergarten.internal.nutrition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * A day's menu against the norms of its age band, as the cook builds it: each value outside its
 * range, and the dish that moves it most — the one whose removal moves it furthest toward the range
 * (to cut or replace), or, for a day short of energy, the dish that gives the most (to increase).
 */
public final class Balance {

  private Balance() {}

  /** What a warning is about: its message key {@code kindergarten.nutrition.<name>}. */
  public enum Item {
    ENERGY,
    PROTEIN_SHARE,
    LIPID_SHARE,
    GLUCID_SHARE,
    LUNCH_ENERGY,
    AFTERNOON_ENERGY,
    SNACK_ENERGY
  }

  /** Cut or replace the dish (the value is high, or a share is off), or give more of it. */
  public enum Remedy {
    REDUCE,
    INCREASE
  }

  public record Warning(
      Item item, double value, Norms.Range range, @Nullable String dish, @Nullable Remedy remedy) {}

  /** A dish by its place: the meal's index in the day, the dish's in the meal. */
  private record Place(int meal, int dish) {}

  public static List<Warning> check(Menu.Day day, Norms norms) {
    List<Warning> out = new ArrayList<>();
    List<Place> all = new ArrayList<>();
    for (int m = 0; m < day.meals().size(); m++) {
      for (int d = 0; d < day.meals().get(m).dishes().size(); d++) {
        all.add(new Place(m, d));
      }
    }
    check(out, day, all, Item.ENERGY, norms.energyAtSchool(), d -> d.nutrients().energyKcal());
    check(
        out, day, all, Item.PROTEIN_SHARE, norms.proteinShare(), d -> Ration.of(d).proteinShare());
    check(out, day, all, Item.LIPID_SHARE, norms.lipidShare(), d -> Ration.of(d).lipidShare());
    check(out, day, all, Item.GLUCID_SHARE, norms.glucidShare(), d -> Ration.of(d).glucidShare());
    for (int at = 0; at < day.meals().size(); at++) {
      Menu.Meal meal = day.meals().get(at);
      int index = at;
      Norms.Range range = norms.mealEnergy(meal.kind());
      if (range != null) {
        Item item = Item.valueOf(meal.kind().name() + "_ENERGY");
        check(
            out,
            day,
            all.stream().filter(p -> p.meal() == index).toList(),
            item,
            range,
            d ->
                d.meals().stream()
                    .filter(m -> m.kind() == meal.kind())
                    .mapToDouble(m -> m.nutrients().energyKcal())
                    .sum());
      }
    }
    return out;
  }

  private static void check(
      List<Warning> out,
      Menu.Day day,
      List<Place> candidates,
      Item item,
      Norms.Range range,
      ToDoubleFunction<Menu.Day> metric) {
    double value = metric.applyAsDouble(day);
    if (range.contains(value)) {
      return;
    }
    String best = null;
    double bestGain = 0;
    for (Place dish : candidates) {
      double without = metric.applyAsDouble(without(day, dish));
      // how far taking the dish away moves the value toward the range (past it counts too: the
      // cook is shown the dish that weighs most, and adjusts its portion)
      double gain = value > range.max() ? value - without : without - value;
      if (gain > bestGain) {
        best = name(day, dish);
        bestGain = gain;
      }
    }
    if (best != null) {
      out.add(new Warning(item, value, range, best, Remedy.REDUCE));
      return;
    }
    // nothing to take away helps (the day is short): the dish that gives the most of it
    Place most = null;
    double mostEffect = 0;
    for (Place dish : candidates) {
      double effect = value - metric.applyAsDouble(without(day, dish));
      if (effect > mostEffect) {
        most = dish;
        mostEffect = effect;
      }
    }
    out.add(
        new Warning(
            item,
            value,
            range,
            most == null ? null : name(day, most),
            most == null ? null : Remedy.INCREASE));
  }

  private static String name(Menu.Day day, Place p) {
    return day.meals().get(p.meal()).dishes().get(p.dish()).name();
  }

  private static Menu.Day without(Menu.Day day, Place p) {
    List<Menu.Meal> meals = new ArrayList<>(day.meals());
    Menu.Meal m = meals.get(p.meal());
    List<Menu.Dish> dishes = new ArrayList<>(m.dishes());
    dishes.remove(p.dish());
    meals.set(p.meal(), new Menu.Meal(m.kind(), dishes));
    return new Menu.Day(meals);
  }
}
