package vn.truongso.kindergarten.internal.nutrition;

import java.util.List;

/** A day's menu for one child of an age group: meals, their dishes, each dish's ingredients. */
public final class Menu {

  private Menu() {}

  /** A food and its purchased (gross) quantity for one child, in grams. */
  public record Ingredient(Food food, double grossGrams) {}

  public record Dish(String name, List<Ingredient> ingredients) {
    public Nutrients nutrients() {
      Nutrients n = Nutrients.NONE;
      for (Ingredient i : ingredients) {
        n = n.plus(i.food().of(i.grossGrams()));
      }
      return n;
    }
  }

  /** A main meal (trưa, chiều) or a snack (bữa phụ). */
  public enum MealKind {
    LUNCH,
    AFTERNOON,
    SNACK
  }

  public record Meal(MealKind kind, List<Dish> dishes) {
    public Nutrients nutrients() {
      return dishes.stream().map(Dish::nutrients).reduce(Nutrients.NONE, Nutrients::plus);
    }
  }

  public record Day(List<Meal> meals) {
    public Nutrients nutrients() {
      return meals.stream().map(Meal::nutrients).reduce(Nutrients.NONE, Nutrients::plus);
    }
  }
}
