package vn.truongso.kindergarten.internal.kitchen;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.kindergarten.internal.nutrition.Food;
import vn.truongso.kindergarten.internal.nutrition.Nutrients;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.TextFold;

/**
 * The foods a school's kitchen cooks with: the national table's, read-only, and the school's own (a
 * local product), added with their composition per 100 g edible part and checked: the energy must
 * agree with protein, lipid and glucid at 4 / 9 / 4 kcal a gram, as the table's own foods do.
 */
@Service
public class Foods {

  /** A food to show: national (group 1–14) or the school's own (group 0). */
  public record View(Food food, int group, boolean national) {}

  /** A school's food as typed: decimals with a comma or a point. */
  public record Form(
      String name,
      String refusePct,
      boolean animal,
      String energyKcal,
      String proteinG,
      String lipidG,
      String glucidG,
      String calciumMg,
      String ironMg,
      String vitaminAUg,
      String vitaminB1Mg,
      String vitaminCMg,
      String source) {}

  private final NationalFoods national;
  private final PantryStore store;
  private final KitchenAccess access;
  private final AuditLog audit;
  private final Clock clock;

  Foods(
      NationalFoods national,
      PantryStore store,
      KitchenAccess access,
      AuditLog audit,
      Clock clock) {
    this.national = national;
    this.store = store;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every food the school may cook with, by code: national first, then the school's own. */
  Map<String, Food> catalogue(long schoolId) {
    Map<String, Food> out = new LinkedHashMap<>();
    national.all().forEach(e -> out.put(e.food().code(), e.food()));
    store.schoolFoods(schoolId).forEach(f -> out.put(f.code(), f));
    return out;
  }

  Optional<Food> food(long schoolId, String code) {
    return national
        .entry(code)
        .map(NationalFoods.Entry::food)
        .or(
            () ->
                store.schoolFoods(schoolId).stream()
                    .filter(f -> f.code().equals(code))
                    .findFirst());
  }

  /** Foods whose name or code contains the words typed (accents and case aside), at most 80. */
  @Transactional(readOnly = true)
  public List<View> search(long schoolId, @Nullable String query) {
    access.require(schoolId);
    String q = TextFold.fold(query);
    List<View> out = new ArrayList<>();
    for (Food f : store.schoolFoods(schoolId)) {
      if (matches(f, q)) {
        out.add(new View(f, 0, false));
      }
    }
    for (NationalFoods.Entry e : national.all()) {
      if (out.size() < 80 && matches(e.food(), q)) {
        out.add(new View(e.food(), e.group(), true));
      }
    }
    return out;
  }

  private static boolean matches(Food f, String q) {
    return q.isEmpty() || f.code().equalsIgnoreCase(q) || TextFold.fold(f.name()).contains(q);
  }

  @Transactional
  public String add(AuthenticatedUser user, long schoolId, Form form) {
    access.require(schoolId);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String name = form.name() == null ? "" : form.name().strip();
    if (name.isEmpty() || name.length() > 120) {
      errors.add("name", "kindergarten.food.nameMissing");
    } else if (catalogue(schoolId).values().stream()
        .anyMatch(f -> TextFold.fold(f.name()).equals(TextFold.fold(name)))) {
      errors.add("name", "kindergarten.food.nameTaken", name);
    }
    Amounts a = new Amounts(errors);
    double refuse = a.read("refusePct", form.refusePct(), 99.9, true);
    double energy = a.read("energyKcal", form.energyKcal(), 900, true);
    double protein = a.read("proteinG", form.proteinG(), 100, true);
    double lipid = a.read("lipidG", form.lipidG(), 100, true);
    double glucid = a.read("glucidG", form.glucidG(), 100, true);
    if (protein + lipid + glucid > 100) {
      errors.add("glucidG", "kindergarten.food.over100");
    }
    double computed = 4 * protein + 9 * lipid + 4 * glucid;
    if (!errors.has("energyKcal") && Math.abs(energy - computed) > Math.max(15, 0.15 * computed)) {
      errors.add("energyKcal", "kindergarten.food.energyMismatch", Math.round(computed));
    }
    Nutrients n =
        new Nutrients(
            energy,
            protein,
            lipid,
            glucid,
            a.read("calciumMg", form.calciumMg(), 5000, false),
            a.read("ironMg", form.ironMg(), 500, false),
            a.read("vitaminAUg", form.vitaminAUg(), 100000, false),
            0,
            a.read("vitaminB1Mg", form.vitaminB1Mg(), 100, false),
            a.read("vitaminCMg", form.vitaminCMg(), 5000, false));
    String source = form.source() == null || form.source().isBlank() ? null : form.source().strip();
    if (source != null && source.length() > 300) {
      errors.add("source", "profile.text.tooLong", 300);
    }
    errors.throwIfAny();
    Food food = new Food("T", name, refuse, form.animal(), n);
    String code = store.addFood(schoolId, food, source, user.accountId(), clock.instant());
    Map<String, Object> after = new HashMap<>();
    after.put("food", food);
    after.put("source", source);
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.food.add", "kitchen_food", code)
            .after(after));
    return code;
  }

  /** Reads the form's decimals, collecting a message per bad field. */
  static final class Amounts {
    private final InvalidInput.Collector errors;

    Amounts(InvalidInput.Collector errors) {
      this.errors = errors;
    }

    double read(String field, @Nullable String typed, double max, boolean required) {
      String s = typed == null ? "" : typed.strip().replace(',', '.');
      if (s.isEmpty()) {
        if (required) {
          errors.add(field, "kindergarten.amount.required");
        }
        return 0;
      }
      try {
        double v = Double.parseDouble(s);
        if (v < 0 || v > max || Double.isNaN(v)) {
          errors.add(field, "kindergarten.amount.range", max);
          return 0;
        }
        return v;
      } catch (NumberFormatException e) {
        errors.add(field, "kindergarten.amount.number", typed);
        return 0;
      }
    }
  }
}
