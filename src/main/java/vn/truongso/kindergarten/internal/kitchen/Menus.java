package vn.truongso.kindergarten.internal.kitchen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.DayRolls;
import vn.truongso.kindergarten.internal.nutrition.Balance;
import vn.truongso.kindergarten.internal.nutrition.Menu;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.kindergarten.internal.nutrition.Nutrients;
import vn.truongso.kindergarten.internal.nutrition.Ration;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;

/**
 * The week's menus of a band (nhà trẻ, mẫu giáo): the meals the programme sets for the band, the
 * dishes of each at a portion, and each day's ration for one child against the band's norms, with
 * the dish that moves a value most — shown while the cook builds the menu.
 */
@Service
public class Menus {

  /**
   * The meals of a band's day at school (Chương trình GDMN: nhà trẻ two main meals and a snack).
   */
  public static List<Menu.MealKind> meals(Norms.Band band) {
    return band == Norms.Band.NHA_TRE
        ? List.of(Menu.MealKind.LUNCH, Menu.MealKind.AFTERNOON, Menu.MealKind.SNACK)
        : List.of(Menu.MealKind.LUNCH, Menu.MealKind.SNACK);
  }

  public record Item(long dishId, String dish, int portionPct, double energyKcal) {}

  public record Meal(Menu.MealKind kind, List<Item> items) {}

  /** A day's menu for one child of the band; {@code open}: the school teaches that day. */
  public record Day(
      LocalDate day,
      boolean open,
      List<Meal> meals,
      Ration ration,
      List<Balance.Warning> warnings) {
    public boolean empty() {
      return meals.stream().allMatch(m -> m.items().isEmpty());
    }
  }

  /** The week's days and the average of the days with a menu. */
  public record Week(
      Norms.Band band,
      LocalDate monday,
      List<Day> days,
      @Nullable Nutrients average,
      Norms norms) {}

  private final MenuStore store;
  private final Dishes dishes;
  private final KitchenAccess access;
  private final DayRolls rolls;
  private final AuditLog audit;

  Menus(MenuStore store, Dishes dishes, KitchenAccess access, DayRolls rolls, AuditLog audit) {
    this.store = store;
    this.dishes = dishes;
    this.access = access;
    this.rolls = rolls;
    this.audit = audit;
  }

  /** The norms in force, read from their file once rather than for every day computed. */
  private static final java.util.Map<Norms.Band, Norms> NORMS = new EnumMap<>(Norms.Band.class);

  static {
    for (Norms.Band band : Norms.Band.values()) {
      NORMS.put(band, Norms.of(Norms.CURRENT, band));
    }
  }

  public static Norms norms(Norms.Band band) {
    return NORMS.get(band);
  }

  @Transactional(readOnly = true)
  public Week week(long schoolId, Norms.Band band, LocalDate anyDay) {
    access.require(schoolId);
    LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
    Map<Long, Dishes.View> byId = byId(schoolId);
    List<MenuStore.Item> items = store.items(schoolId, monday, monday.plusDays(5));
    List<Day> days = new ArrayList<>();
    Nutrients sum = Nutrients.NONE;
    int counted = 0;
    for (int i = 0; i < 6; i++) {
      LocalDate d = monday.plusDays(i);
      Day day = day(schoolId, band, d, items, byId);
      if (i < 5 || !day.empty()) {
        days.add(day);
      }
      if (!day.empty()) {
        sum = sum.plus(day.ration().total());
        counted++;
      }
    }
    return new Week(
        band, monday, days, counted == 0 ? null : sum.times(1.0 / counted), norms(band));
  }

  @Transactional(readOnly = true)
  public Day day(long schoolId, Norms.Band band, LocalDate day) {
    access.require(schoolId);
    return day(schoolId, band, day, store.items(schoolId, day, day), byId(schoolId));
  }

  Map<Long, Dishes.View> byId(long schoolId) {
    return dishes.views(schoolId).stream()
        .collect(Collectors.toMap(Dishes.View::id, Function.identity()));
  }

  Day day(
      long schoolId,
      Norms.Band band,
      LocalDate day,
      List<MenuStore.Item> items,
      Map<Long, Dishes.View> byId) {
    Map<Menu.MealKind, List<Item>> shown = new EnumMap<>(Menu.MealKind.class);
    Map<Menu.MealKind, List<Menu.Dish>> computed = new EnumMap<>(Menu.MealKind.class);
    for (Menu.MealKind kind : meals(band)) {
      shown.put(kind, new ArrayList<>());
      computed.put(kind, new ArrayList<>());
    }
    for (MenuStore.Item it : items) {
      Dishes.View v = byId.get(it.dishId());
      if (it.day().equals(day) && it.band() == band && v != null && shown.containsKey(it.meal())) {
        Menu.Dish dish = Dishes.dish(v, it.portionPct());
        shown
            .get(it.meal())
            .add(new Item(v.id(), v.name(), it.portionPct(), dish.nutrients().energyKcal()));
        computed.get(it.meal()).add(dish);
      }
    }
    List<Meal> meals = new ArrayList<>();
    List<Menu.Meal> menuMeals = new ArrayList<>();
    shown.forEach((kind, list) -> meals.add(new Meal(kind, list)));
    computed.forEach((kind, list) -> menuMeals.add(new Menu.Meal(kind, list)));
    Menu.Day menu = new Menu.Day(menuMeals);
    boolean empty = items.stream().noneMatch(i -> i.day().equals(day) && i.band() == band);
    return new Day(
        day,
        rolls.open(schoolId, day),
        meals,
        Ration.of(menu),
        empty ? List.of() : Balance.check(menu, norms(band)));
  }

  /** Puts a dish on a meal of the day for the band, or changes its portion. */
  @Transactional
  public void put(
      long schoolId, LocalDate day, Norms.Band band, Menu.MealKind meal, long dishId, int portion) {
    access.require(schoolId);
    if (!rolls.open(schoolId, day)) {
      throw new UserInputException("day", "kindergarten.menu.closed", day);
    }
    if (!meals(band).contains(meal)) {
      throw new UserInputException("meal", "kindergarten.menu.mealNotForBand");
    }
    if (portion < 10 || portion > 300) {
      throw new UserInputException("portion", "kindergarten.menu.portion.invalid");
    }
    if (!byId(schoolId).containsKey(dishId)) {
      throw new UserInputException("dish", "kindergarten.menu.unknownDish");
    }
    MenuStore.Item item = new MenuStore.Item(day, band, meal, dishId, portion);
    store.put(schoolId, item);
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.menu.put", "kitchen_menu_item", day)
            .after(item));
  }

  @Transactional
  public void remove(
      long schoolId, LocalDate day, Norms.Band band, Menu.MealKind meal, long dishId) {
    access.require(schoolId);
    if (!store.remove(schoolId, day, band, meal, dishId)) {
      throw new NotFoundException("kindergarten.menuItem");
    }
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.menu.remove", "kitchen_menu_item", day)
            .before(new MenuStore.Item(day, band, meal, dishId, 0)));
  }
}
