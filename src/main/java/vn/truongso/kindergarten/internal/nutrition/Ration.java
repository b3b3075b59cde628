package vn.truongso.kindergarten.internal.nutrition;

import java.util.EnumMap;
import java.util.Map;

/**
 * A day's ration for one child as the portion sheet sums it (sổ tính khẩu phần): the nutrients of
 * the edible quantities, protein and lipid split animal / vegetable, the shares of protein, lipid
 * and glucid in the energy they give (4 / 9 / 4 kcal a gram), and each meal's energy.
 */
public record Ration(
    Nutrients total,
    double animalProteinG,
    double vegetableProteinG,
    double animalLipidG,
    double vegetableLipidG,
    Map<Menu.MealKind, Double> mealEnergyKcal) {

  public static Ration of(Menu.Day day) {
    Nutrients total = Nutrients.NONE;
    double[] split = new double[4];
    Map<Menu.MealKind, Double> meals = new EnumMap<>(Menu.MealKind.class);
    for (Menu.Meal meal : day.meals()) {
      for (Menu.Dish dish : meal.dishes()) {
        for (Menu.Ingredient i : dish.ingredients()) {
          Nutrients n = i.food().of(i.grossGrams());
          total = total.plus(n);
          int at = i.food().animal() ? 0 : 1;
          split[at] += n.proteinG();
          split[2 + at] += n.lipidG();
          meals.merge(meal.kind(), n.energyKcal(), Double::sum);
        }
      }
    }
    return new Ration(total, split[0], split[1], split[2], split[3], meals);
  }

  /** Protein's share of the macronutrients' energy, in %. */
  public double proteinShare() {
    return share(4 * total.proteinG());
  }

  public double lipidShare() {
    return share(9 * total.lipidG());
  }

  public double glucidShare() {
    return share(4 * total.glucidG());
  }

  /** Animal protein as a % of all protein (the sheets' "tỉ lệ đạm động vật / thực vật"). */
  public double animalProteinShare() {
    double all = animalProteinG + vegetableProteinG;
    return all == 0 ? 0 : 100 * animalProteinG / all;
  }

  public double animalLipidShare() {
    double all = animalLipidG + vegetableLipidG;
    return all == 0 ? 0 : 100 * animalLipidG / all;
  }

  private double share(double kcal) {
    double all = total.macroEnergyKcal();
    return all == 0 ? 0 : 100 * kcal / all;
  }
}
