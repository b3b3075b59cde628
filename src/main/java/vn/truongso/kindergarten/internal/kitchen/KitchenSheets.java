package vn.truongso.kindergarten.internal.kitchen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.kindergarten.internal.nutrition.Balance;
import vn.truongso.kindergarten.internal.nutrition.Food;
import vn.truongso.kindergarten.internal.nutrition.Menu;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.kindergarten.internal.nutrition.Ration;

/**
 * The day's kitchen sheets from the day's roll: the portion sheet (sổ tính khẩu phần ăn) — each
 * food's gross quantity per child of each band and for all the children eating, its edible part,
 * the ration against the norms — and the market list (phiếu kê chợ) by supplier with prices, the
 * cost per child against the day's meal price, and the month's surplus or deficit carried into the
 * day, as kitchens account it.
 */
@Service
public class KitchenSheets {

  /** A food of the day: grams per child of each band, the kilograms to buy and their cost. */
  public record FoodLine(
      Food food,
      Map<Norms.Band, Double> grossPerChild,
      double grossKg,
      double edibleKg,
      @Nullable String supplier,
      int pricePerKg,
      long cost,
      boolean stocked) {}

  /** A band's day: how many eat, the ration per child, its warnings, the meal price and cost. */
  /** A cooked dish to serve: grams a child, kilograms for all the band's children eating. */
  public record Serving(Menu.MealKind meal, String dish, double gramsPerChild, double kg) {}

  public record BandDay(
      Norms.Band band,
      int eating,
      Ration ration,
      List<Balance.Warning> warnings,
      int mealPrice,
      long cost,
      List<Serving> servings) {
    public long revenue() {
      return (long) eating * mealPrice;
    }

    public long costPerChild() {
      return eating == 0 ? 0 : Math.round((double) cost / eating);
    }
  }

  public record Sheet(
      LocalDate day,
      boolean open,
      List<MealCounts.Group> groups,
      List<BandDay> bands,
      List<FoodLine> foods,
      Map<String, List<FoodLine>> market,
      List<FoodLine> issued,
      boolean priced,
      long carriedIn) {
    public long revenue() {
      return bands.stream().mapToLong(BandDay::revenue).sum();
    }

    public long cost() {
      return foods.stream().mapToLong(FoodLine::cost).sum();
    }

    /** The day's surplus (positive) or deficit, and the month's balance after the day. */
    public long balance() {
      return revenue() - cost();
    }

    public long carriedOut() {
      return carriedIn + balance();
    }

    public int eating() {
      return bands.stream().mapToInt(BandDay::eating).sum();
    }
  }

  private final Menus menus;
  private final MealCounts counts;
  private final PantryStore pantry;
  private final MenuStore store;
  private final KitchenAccess access;

  KitchenSheets(
      Menus menus, MealCounts counts, PantryStore pantry, MenuStore store, KitchenAccess access) {
    this.menus = menus;
    this.counts = counts;
    this.pantry = pantry;
    this.store = store;
    this.access = access;
  }

  @Transactional(readOnly = true)
  public Sheet sheet(long schoolId, LocalDate day) {
    access.require(schoolId);
    Map<Long, Dishes.View> dishes = menus.byId(schoolId);
    Map<String, PantryStore.Supply> supplies = pantry.supplies(schoolId);
    PantryStore.Setting setting =
        pantry
            .setting(schoolId)
            .orElse(new PantryStore.Setting(0, 0, java.time.LocalTime.of(8, 0)));
    long carried = 0;
    List<MenuStore.Item> month = store.items(schoolId, day.withDayOfMonth(1), day);
    for (LocalDate d = day.withDayOfMonth(1); d.isBefore(day); d = d.plusDays(1)) {
      LocalDate at = d;
      if (month.stream().anyMatch(i -> i.day().equals(at))) {
        carried += compute(schoolId, d, month, dishes, supplies, setting, 0).balance();
      }
    }
    return compute(schoolId, day, month, dishes, supplies, setting, carried);
  }

  private Sheet compute(
      long schoolId,
      LocalDate day,
      List<MenuStore.Item> items,
      Map<Long, Dishes.View> dishes,
      Map<String, PantryStore.Supply> supplies,
      PantryStore.Setting setting,
      long carriedIn) {
    List<MealCounts.Group> groups = counts.on(schoolId, day);
    Map<Norms.Band, Integer> eating = new EnumMap<>(Norms.Band.class);
    groups.forEach(g -> g.eating().forEach((b, n) -> eating.merge(b, n, Integer::sum)));
    Map<String, Food> food = new LinkedHashMap<>();
    Map<String, Map<Norms.Band, Double>> perChild = perChild(day, items, dishes, food);
    Map<Norms.Band, Long> bandCost = new EnumMap<>(Norms.Band.class);
    List<FoodLine> lines = new ArrayList<>();
    for (var e : perChild.entrySet()) {
      lines.add(line(food.get(e.getKey()), e.getValue(), eating, supplies, bandCost));
    }
    List<BandDay> bands = new ArrayList<>();
    boolean open = true;
    for (Norms.Band band : Norms.Band.values()) {
      Menus.Day d = menus.day(schoolId, band, day, items, dishes);
      open = d.open();
      if (!d.empty() || eating.getOrDefault(band, 0) > 0) {
        bands.add(
            new BandDay(
                band,
                eating.getOrDefault(band, 0),
                d.ration(),
                d.warnings(),
                band == Norms.Band.NHA_TRE ? setting.mealPriceNhaTre() : setting.mealPriceMauGiao(),
                bandCost.getOrDefault(band, 0L),
                servings(day, band, items, dishes, eating.getOrDefault(band, 0))));
      }
    }
    // bought for the day by supplier; dry goods issued from the store
    Map<String, List<FoodLine>> market = new TreeMap<>();
    List<FoodLine> issued = new ArrayList<>();
    for (FoodLine l : lines) {
      if (l.stocked()) {
        issued.add(l);
      } else {
        market
            .computeIfAbsent(l.supplier() == null ? "" : l.supplier(), k -> new ArrayList<>())
            .add(l);
      }
    }
    boolean priced = lines.stream().allMatch(l -> l.supplier() != null);
    return new Sheet(day, open, groups, bands, lines, market, issued, priced, carriedIn);
  }

  /** The band's dishes of the day whose cooked yield is set, for serving the groups. */
  private static List<Serving> servings(
      LocalDate day,
      Norms.Band band,
      List<MenuStore.Item> items,
      Map<Long, Dishes.View> dishes,
      int eating) {
    List<Serving> out = new ArrayList<>();
    for (MenuStore.Item it : items) {
      Dishes.View v = dishes.get(it.dishId());
      Double cooked = v == null ? null : v.cookedG(it.portionPct());
      if (cooked != null && it.day().equals(day) && it.band() == band) {
        out.add(new Serving(it.meal(), v.name(), cooked, cooked * eating / 1000));
      }
    }
    return out;
  }

  /** Each food of the day's menus: its gross grams for one child of each band. */
  private static Map<String, Map<Norms.Band, Double>> perChild(
      LocalDate day,
      List<MenuStore.Item> items,
      Map<Long, Dishes.View> dishes,
      Map<String, Food> food) {
    Map<String, Map<Norms.Band, Double>> perChild = new LinkedHashMap<>();
    for (MenuStore.Item it : items) {
      Dishes.View v = dishes.get(it.dishId());
      if (v == null || !it.day().equals(day)) {
        continue;
      }
      for (Menu.Ingredient i : Dishes.dish(v, it.portionPct()).ingredients()) {
        food.put(i.food().code(), i.food());
        perChild
            .computeIfAbsent(i.food().code(), k -> new EnumMap<>(Norms.Band.class))
            .merge(it.band(), i.grossGrams(), Double::sum);
      }
    }
    return perChild;
  }

  /** A food's line for all the children eating; its cost is added to each band's. */
  private static FoodLine line(
      Food f,
      Map<Norms.Band, Double> perChild,
      Map<Norms.Band, Integer> eating,
      Map<String, PantryStore.Supply> supplies,
      Map<Norms.Band, Long> bandCost) {
    PantryStore.Supply s = supplies.get(f.code());
    int price = s == null ? 0 : s.pricePerKg();
    double grams = 0;
    for (var b : perChild.entrySet()) {
      double g = b.getValue() * eating.getOrDefault(b.getKey(), 0);
      grams += g;
      bandCost.merge(b.getKey(), Math.round(g / 1000 * price), Long::sum);
    }
    return new FoodLine(
        f,
        perChild,
        grams / 1000,
        f.edible(grams) / 1000,
        s == null ? null : s.supplier(),
        price,
        Math.round(grams / 1000 * price),
        s != null && s.stocked());
  }
}
