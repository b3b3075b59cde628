package vn.truongso.kindergarten;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A kitchen set up at once — a school moving to TruongSo with its recipes and planned menus, the
 * demo. A deployment door, not a page's: each recipe, price and menu item is checked as the pages
 * check it (foods of the table, grams in range, the meals of the band, an open day), all taken or
 * none.
 */
public interface KitchenSetup {

  /**
   * A dish: its name, each food's purchased grams for one child by food code, and its cooked yield
   * (% of the edible raw weight) where it matters for serving.
   */
  record Recipe(String name, Map<String, Double> grams, @Nullable Integer yieldPct) {
    public Recipe(String name, Map<String, Double> grams) {
      this(name, grams, null);
    }
  }

  /** A supplier of a food, its price in đồng per kg, and whether it is kept in the store. */
  record Supply(String foodCode, String supplier, int pricePerKg, boolean stocked) {
    public Supply(String foodCode, String supplier, int pricePerKg) {
      this(foodCode, supplier, pricePerKg, false);
    }
  }

  /**
   * A dish on a day's menu: {@code band} NHA_TRE or MAU_GIAO, {@code meal} LUNCH, AFTERNOON or
   * SNACK, the portion as a % of the recipe.
   */
  record Planned(LocalDate day, String band, String meal, String dish, int portionPct) {}

  /** The days from {@code from} to {@code to} the school is open (a menu can be set). */
  List<LocalDate> openDays(long schoolId, LocalDate from, LocalDate to);

  /** A receipt of dry goods into the store (phiếu nhập kho). */
  void receive(long schoolId, LocalDate day, String foodCode, double kg, int pricePerKg, long by);

  /** Writes recipes, suppliers, the meal prices and the menus; answers how many menu items. */
  int bringIn(
      long schoolId,
      List<Recipe> recipes,
      List<Supply> supplies,
      int mealPriceNhaTre,
      int mealPriceMauGiao,
      List<Planned> menus,
      long by);
}
