package vn.truongso.kindergarten.internal.kitchen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.DayRolls;
import vn.truongso.kindergarten.KitchenSetup;
import vn.truongso.kindergarten.internal.nutrition.Menu;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.platform.UserInputException;

/** {@link KitchenSetup}: checked as the pages check, written in one transaction. */
@Service
class KitchenSetupImport implements KitchenSetup {

  private final MenuStore menus;
  private final PantryStore pantry;
  private final Foods foods;
  private final DayRolls rolls;
  private final KitchenStock stock;
  private final Clock clock;

  KitchenSetupImport(
      MenuStore menus,
      PantryStore pantry,
      Foods foods,
      DayRolls rolls,
      KitchenStock stock,
      Clock clock) {
    this.stock = stock;
    this.menus = menus;
    this.pantry = pantry;
    this.foods = foods;
    this.rolls = rolls;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<LocalDate> openDays(long schoolId, LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (rolls.open(schoolId, d)) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  @Transactional
  public void receive(
      long schoolId, LocalDate day, String foodCode, double kg, int pricePerKg, long by) {
    if (foods.food(schoolId, foodCode).isEmpty() || kg <= 0 || kg > 10000) {
      throw new UserInputException("foodCode", "kindergarten.dish.unknownFood", 1, foodCode);
    }
    stock.insert(
        schoolId,
        new KitchenStock.Move(
            day,
            foodCode,
            foodCode,
            "IN",
            java.math.BigDecimal.valueOf(kg).setScale(3, java.math.RoundingMode.HALF_UP),
            pricePerKg,
            null),
        by);
  }

  @Override
  @Transactional
  public int bringIn(
      long schoolId,
      List<Recipe> recipes,
      List<Supply> supplies,
      int mealPriceNhaTre,
      int mealPriceMauGiao,
      List<Planned> planned,
      long by) {
    Map<String, Long> dishIds = new HashMap<>();
    for (Recipe r : recipes) {
      List<MenuStore.Line> lines = new ArrayList<>();
      r.grams()
          .forEach(
              (code, g) -> {
                if (foods.food(schoolId, code).isEmpty() || g <= 0 || g > Dishes.MAX_GRAMS) {
                  throw new UserInputException("recipe", "kindergarten.dish.unknownFood", 1, code);
                }
                lines.add(new MenuStore.Line(code, g));
              });
      if (r.yieldPct() != null && (r.yieldPct() < 10 || r.yieldPct() > 500)) {
        throw new UserInputException("yieldPct", "kindergarten.dish.yield");
      }
      long id = menus.createDish(schoolId, r.name());
      menus.updateDish(schoolId, id, r.name(), r.yieldPct());
      menus.replaceLines(schoolId, id, lines);
      dishIds.put(r.name(), id);
    }
    for (Supply s : supplies) {
      pantry.putSupply(
          schoolId,
          s.foodCode(),
          new PantryStore.Supply(s.supplier(), s.pricePerKg(), s.stocked()));
    }
    pantry.putSetting(
        schoolId,
        new PantryStore.Setting(mealPriceNhaTre, mealPriceMauGiao, LocalTime.of(8, 0)),
        by,
        clock.instant());
    for (Planned p : planned) {
      Norms.Band band = Norms.Band.valueOf(p.band());
      Menu.MealKind meal = Menu.MealKind.valueOf(p.meal());
      Long dish = dishIds.get(p.dish());
      if (dish == null || !Menus.meals(band).contains(meal) || !rolls.open(schoolId, p.day())) {
        throw new UserInputException("menu", "kindergarten.menu.closed", p.day());
      }
      menus.put(schoolId, new MenuStore.Item(p.day(), band, meal, dish, p.portionPct()));
    }
    return planned.size();
  }
}
