package vn.truongso.kindergarten.internal.kitchen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/**
 * The kitchen's settings — the day's meal price per band, the hour by which a family's absence
 * request cancels the day's meal, the suppliers and their prices — and the food-check log (kiểm
 * thực ba bước, QĐ 1246/QĐ-BYT 2017: receiving, preparing, serving; and the sample kept 24 hours),
 * whose entries are added, never rewritten.
 */
@Service
public class KitchenAdmin {

  /** The steps of the food check and the sample record. */
  public static final List<String> STEPS = List.of("RECEIVING", "PREPARING", "SERVING", "SAMPLE");

  public record Settings(
      int mealPriceNhaTre,
      int mealPriceMauGiao,
      LocalTime cancelBy,
      Map<String, PantryStore.Supply> supplies) {}

  private final PantryStore store;
  private final Foods foods;
  private final KitchenAccess access;
  private final AuditLog audit;
  private final Clock clock;

  KitchenAdmin(PantryStore store, Foods foods, KitchenAccess access, AuditLog audit, Clock clock) {
    this.store = store;
    this.foods = foods;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Settings settings(long schoolId) {
    access.require(schoolId);
    PantryStore.Setting s =
        store.setting(schoolId).orElse(new PantryStore.Setting(0, 0, LocalTime.of(8, 0)));
    return new Settings(
        s.mealPriceNhaTre(), s.mealPriceMauGiao(), s.cancelBy(), store.supplies(schoolId));
  }

  @Transactional
  public void setPrices(
      AuthenticatedUser user, long schoolId, String nhaTre, String mauGiao, String cancelBy) {
    access.require(schoolId);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    int nt = money(nhaTre, "mealPriceNhaTre", errors);
    int mg = money(mauGiao, "mealPriceMauGiao", errors);
    LocalTime by = null;
    try {
      by = LocalTime.parse(cancelBy == null ? "" : cancelBy.strip());
    } catch (DateTimeParseException e) {
      errors.add("cancelBy", "kindergarten.kitchen.cancelBy");
    }
    errors.throwIfAny();
    PantryStore.Setting s = new PantryStore.Setting(nt, mg, by);
    store.putSetting(schoolId, s, user.accountId(), clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.settings", "kitchen_setting", schoolId)
            .after(s));
  }

  @Transactional
  public void setSupply(
      long schoolId, String foodCode, String supplier, String price, boolean stocked) {
    access.require(schoolId);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (foods.food(schoolId, foodCode == null ? "" : foodCode.strip()).isEmpty()) {
      errors.add("foodCode", "kindergarten.dish.unknownFood", 1, foodCode);
    }
    String name = supplier == null ? "" : supplier.strip();
    if (name.isEmpty() || name.length() > 120) {
      errors.add("supplier", "kindergarten.kitchen.supplier");
    }
    int p = money(price, "price", errors);
    errors.throwIfAny();
    PantryStore.Supply s = new PantryStore.Supply(name, p, stocked);
    store.putSupply(schoolId, foodCode.strip(), s);
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.supply", "kitchen_supply", foodCode.strip())
            .after(s));
  }

  @Transactional(readOnly = true)
  public List<PantryStore.Check> checks(long schoolId, LocalDate day) {
    access.require(schoolId);
    return store.checks(schoolId, day);
  }

  /** Logs a step of the day's food check; a failed check must say what was wrong. */
  @Transactional
  public long check(
      AuthenticatedUser user,
      long schoolId,
      LocalDate day,
      String step,
      boolean passed,
      @Nullable String note) {
    access.require(schoolId);
    if (!Set.copyOf(STEPS).contains(step)) {
      throw new UserInputException("step", "kindergarten.check.step.invalid");
    }
    if (day.isAfter(LocalDate.now(clock))) {
      throw new UserInputException("day", "kindergarten.check.future");
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (!passed && text == null) {
      throw new UserInputException("note", "kindergarten.check.whatWasWrong");
    }
    if (text != null && text.length() > 1000) {
      throw new UserInputException("note", "profile.text.tooLong", 1000);
    }
    PantryStore.Check c =
        new PantryStore.Check(0, day, step, clock.instant(), passed, text, user.accountId());
    long id = store.addCheck(schoolId, c);
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.check", "kitchen_food_check", id).after(c));
    return id;
  }

  private static int money(@Nullable String typed, String field, InvalidInput.Collector errors) {
    String s = typed == null ? "" : typed.strip().replace(".", "").replace(" ", "");
    try {
      int v = Integer.parseInt(s);
      if (v < 0 || v > 1_000_000) {
        errors.add(field, "kindergarten.kitchen.money");
        return 0;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(field, "kindergarten.kitchen.money");
      return 0;
    }
  }
}
