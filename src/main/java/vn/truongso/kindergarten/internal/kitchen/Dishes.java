package vn.truongso.kindergarten.internal.kitchen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.kindergarten.internal.nutrition.Food;
import vn.truongso.kindergarten.internal.nutrition.Menu;
import vn.truongso.kindergarten.internal.nutrition.Nutrients;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.TextFold;

/**
 * The school's dishes as recipes: each food of the composition table with its purchased (gross)
 * quantity for one child; the edible part is the gross less the table's refuse (thải bỏ), and the
 * nutrients are the edible part's.
 */
@Service
public class Dishes {

  /** The most of one food a recipe gives one child: more is a slip (kilograms typed as grams). */
  static final double MAX_GRAMS = 500;

  public record Line(Food food, double grossG) {
    public double edibleG() {
      return food.edible(grossG);
    }
  }

  public record View(long id, String name, @Nullable Integer yieldPct, List<Line> lines) {
    /** The cooked grams one child is served at a portion, where the dish's yield is set. */
    public @Nullable Double cookedG(int portionPct) {
      if (yieldPct == null) {
        return null;
      }
      double edible = lines.stream().mapToDouble(Line::edibleG).sum();
      return edible * yieldPct / 100 * portionPct / 100;
    }

    public Nutrients perChild() {
      return lines.stream()
          .map(l -> l.food().of(l.grossG()))
          .reduce(Nutrients.NONE, Nutrients::plus);
    }
  }

  /** A recipe as typed: the dish's name and, line by line, a food code and grams per child. */
  public record Form(String name, List<String> codes, List<String> grams, String yieldPct) {}

  private final MenuStore store;
  private final Foods foods;
  private final KitchenAccess access;
  private final AuditLog audit;

  Dishes(MenuStore store, Foods foods, KitchenAccess access, AuditLog audit) {
    this.store = store;
    this.foods = foods;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<View> all(long schoolId) {
    access.require(schoolId);
    return views(schoolId);
  }

  List<View> views(long schoolId) {
    Map<String, Food> catalogue = foods.catalogue(schoolId);
    return store.dishes(schoolId).stream().map(d -> view(d, catalogue)).toList();
  }

  static View view(MenuStore.Dish d, Map<String, Food> catalogue) {
    List<Line> lines = new ArrayList<>();
    for (MenuStore.Line l : d.lines()) {
      Food f = catalogue.get(l.foodCode());
      if (f != null) {
        lines.add(new Line(f, l.grossG()));
      }
    }
    return new View(d.id(), d.name(), d.yieldPct(), lines);
  }

  /** The dish as the menu computes it, at a portion (% of the recipe). */
  static Menu.Dish dish(View v, int portionPct) {
    return new Menu.Dish(
        v.name(),
        v.lines().stream()
            .map(l -> new Menu.Ingredient(l.food(), l.grossG() * portionPct / 100))
            .toList());
  }

  /** Creates the dish, or ({@code dishId} given) replaces its name and recipe; answers its id. */
  @Transactional
  public long save(long schoolId, @Nullable Long dishId, Form form) {
    access.require(schoolId);
    if (dishId != null && store.dishes(schoolId).stream().noneMatch(d -> d.id() == dishId)) {
      throw new NotFoundException("kindergarten.dish");
    }
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String name = form.name() == null ? "" : form.name().strip();
    if (name.isEmpty() || name.length() > 120) {
      errors.add("name", "kindergarten.dish.nameMissing");
    } else {
      store
          .dishNamed(schoolId, name)
          .filter(id -> !id.equals(dishId))
          .ifPresent(id -> errors.add("name", "kindergarten.dish.nameTaken", name));
    }
    List<MenuStore.Line> lines = lines(schoolId, form, errors);
    Integer cooked = cookedYield(form.yieldPct(), errors);
    errors.throwIfAny();
    long id;
    try {
      id = dishId == null ? store.createDish(schoolId, name) : dishId;
      store.updateDish(schoolId, id, name, cooked);
    } catch (DuplicateKeyException e) {
      throw new InvalidInput(
          List.of(
              new InvalidInput.FieldError("name", "kindergarten.dish.nameTaken", List.of(name))));
    }
    store.replaceLines(schoolId, id, lines);
    audit.record(
        AuditEvent.of(
                schoolId,
                dishId == null
                    ? "kindergarten.kitchen.dish.create"
                    : "kindergarten.kitchen.dish.edit",
                "kitchen_dish",
                id)
            .after(new MenuStore.Dish(id, name, cooked, lines)));
    return id;
  }

  /** The recipe's lines; blank lines are skipped, a bad one named by its number. */
  private List<MenuStore.Line> lines(long schoolId, Form form, InvalidInput.Collector errors) {
    Map<String, Food> catalogue = foods.catalogue(schoolId);
    List<MenuStore.Line> lines = new ArrayList<>();
    int n = Math.max(form.codes().size(), form.grams().size());
    for (int i = 0; i < n; i++) {
      String code = i < form.codes().size() ? strip(form.codes().get(i)) : "";
      String grams = i < form.grams().size() ? strip(form.grams().get(i)) : "";
      if (code.isEmpty() && grams.isEmpty()) {
        continue;
      }
      String field = "line" + i;
      Food food = catalogue.get(code.toUpperCase(java.util.Locale.ROOT));
      if (food == null) {
        food = byName(catalogue, code);
      }
      if (food == null) {
        errors.add(field, "kindergarten.dish.unknownFood", i + 1, code);
        continue;
      }
      Double g = grams(grams);
      if (g == null || g <= 0) {
        errors.add(field, "kindergarten.dish.grams.invalid", i + 1, food.name());
      } else if (g > MAX_GRAMS) {
        errors.add(field, "kindergarten.dish.tooMuch", i + 1, food.name(), grams);
      } else {
        lines.add(new MenuStore.Line(food.code(), Math.round(g * 10) / 10.0));
      }
    }
    if (lines.isEmpty() && !errors.errors().stream().anyMatch(e -> e.field().startsWith("line"))) {
      errors.add("line0", "kindergarten.dish.empty");
    }
    return lines;
  }

  /** The cooked yield typed (% of the edible raw weight), blank for none. */
  private static @Nullable Integer cookedYield(
      @Nullable String typed, InvalidInput.Collector errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    Double v = grams(typed.strip());
    if (v == null || v < 10 || v > 500) {
      errors.add("yieldPct", "kindergarten.dish.yield");
      return null;
    }
    return (int) Math.round(v);
  }

  private static @Nullable Food byName(Map<String, Food> catalogue, String typed) {
    String folded = TextFold.fold(typed);
    return catalogue.values().stream()
        .filter(f -> TextFold.fold(f.name()).equals(folded))
        .findFirst()
        .orElse(null);
  }

  private static @Nullable Double grams(String typed) {
    try {
      double v = Double.parseDouble(typed.replace(',', '.'));
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String strip(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
