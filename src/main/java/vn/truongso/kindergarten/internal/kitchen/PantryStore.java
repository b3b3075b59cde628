package vn.truongso.kindergarten.internal.kitchen;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.kindergarten.internal.nutrition.Food;
import vn.truongso.kindergarten.internal.nutrition.Nutrients;

/** A school's own foods, its suppliers and prices, its meal prices, and its food-check log. */
@Repository
class PantryStore {

  private final JdbcClient jdbc;

  PantryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Who supplies a food at what price; {@code stocked}: kept in the store, issued from it. */
  record Supply(String supplier, int pricePerKg, boolean stocked) {}

  record Setting(int mealPriceNhaTre, int mealPriceMauGiao, LocalTime cancelBy) {}

  /** An entry of the food-check log. */
  record Check(
      long id,
      LocalDate day,
      String step,
      Instant checkedAt,
      boolean passed,
      @Nullable String note,
      long checkedBy) {}

  List<Food> schoolFoods(long schoolId) {
    return jdbc.sql(
            "SELECT * FROM kitchen_food WHERE school_id = ?" + " ORDER BY length(code), code")
        .param(schoolId)
        .query(PantryStore::food)
        .list();
  }

  /** Adds the school's food under the next free code (T1, T2, …); answers the code. */
  String addFood(long schoolId, Food f, @Nullable String source, long by, Instant at) {
    String code =
        "T"
            + jdbc.sql(
                    "SELECT coalesce(max(substr(code, 2)::int), 0) + 1 FROM kitchen_food"
                        + " WHERE school_id = ?")
                .param(schoolId)
                .query(Integer.class)
                .single();
    Nutrients n = f.per100g();
    jdbc.sql(
            """
            INSERT INTO kitchen_food (school_id, code, name, refuse_pct, animal, energy_kcal,
              protein_g, lipid_g, glucid_g, calcium_mg, iron_mg, retinol_ug, beta_carotene_ug,
              vitamin_b1_mg, vitamin_c_mg, source, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            schoolId,
            code,
            f.name(),
            dec(f.refusePct()),
            f.animal(),
            dec(n.energyKcal()),
            dec(n.proteinG()),
            dec(n.lipidG()),
            dec(n.glucidG()),
            dec(n.calciumMg()),
            dec(n.ironMg()),
            dec(n.retinolUg()),
            dec(n.betaCaroteneUg()),
            dec(n.vitaminB1Mg()),
            dec(n.vitaminCMg()),
            source,
            by,
            Timestamp.from(at))
        .update();
    return code;
  }

  Map<String, Supply> supplies(long schoolId) {
    Map<String, Supply> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT food_code, supplier, price_per_kg, stocked FROM kitchen_supply"
                + " WHERE school_id = ?")
        .param(schoolId)
        .query(
            rs -> {
              out.put(rs.getString(1), new Supply(rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
            });
    return out;
  }

  void putSupply(long schoolId, String foodCode, Supply s) {
    jdbc.sql(
            """
            INSERT INTO kitchen_supply (school_id, food_code, supplier, price_per_kg, stocked)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (school_id, food_code)
            DO UPDATE SET supplier = EXCLUDED.supplier, price_per_kg = EXCLUDED.price_per_kg,
              stocked = EXCLUDED.stocked
            """)
        .params(schoolId, foodCode, s.supplier(), s.pricePerKg(), s.stocked())
        .update();
  }

  Optional<Setting> setting(long schoolId) {
    return jdbc.sql(
            "SELECT meal_price_nha_tre, meal_price_mau_giao, cancel_by FROM kitchen_setting"
                + " WHERE school_id = ?")
        .param(schoolId)
        .query((rs, n) -> new Setting(rs.getInt(1), rs.getInt(2), rs.getObject(3, LocalTime.class)))
        .optional();
  }

  void putSetting(long schoolId, Setting s, long by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO kitchen_setting (school_id, meal_price_nha_tre, meal_price_mau_giao,
              cancel_by, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id) DO UPDATE SET meal_price_nha_tre = EXCLUDED.meal_price_nha_tre,
              meal_price_mau_giao = EXCLUDED.meal_price_mau_giao, cancel_by = EXCLUDED.cancel_by,
              changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
            """)
        .params(
            schoolId,
            s.mealPriceNhaTre(),
            s.mealPriceMauGiao(),
            s.cancelBy(),
            by,
            Timestamp.from(at))
        .update();
  }

  List<Check> checks(long schoolId, LocalDate day) {
    return jdbc.sql(
            "SELECT id, day, step, checked_at, passed, note, checked_by FROM kitchen_food_check"
                + " WHERE school_id = ? AND day = ? ORDER BY checked_at, id")
        .params(schoolId, day)
        .query(
            (rs, n) ->
                new Check(
                    rs.getLong(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getBoolean(5),
                    rs.getString(6),
                    rs.getLong(7)))
        .list();
  }

  long addCheck(long schoolId, Check c) {
    return jdbc.sql(
            """
            INSERT INTO kitchen_food_check (school_id, day, step, checked_at, passed, note,
              checked_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            schoolId,
            c.day(),
            c.step(),
            Timestamp.from(c.checkedAt()),
            c.passed(),
            c.note(),
            c.checkedBy())
        .query(Long.class)
        .single();
  }

  private static Food food(ResultSet rs, int n) throws SQLException {
    return new Food(
        rs.getString("code"),
        rs.getString("name"),
        rs.getDouble("refuse_pct"),
        rs.getBoolean("animal"),
        new Nutrients(
            rs.getDouble("energy_kcal"),
            rs.getDouble("protein_g"),
            rs.getDouble("lipid_g"),
            rs.getDouble("glucid_g"),
            rs.getDouble("calcium_mg"),
            rs.getDouble("iron_mg"),
            rs.getDouble("retinol_ug"),
            rs.getDouble("beta_carotene_ug"),
            rs.getDouble("vitamin_b1_mg"),
            rs.getDouble("vitamin_c_mg")));
  }

  private static BigDecimal dec(double v) {
    return BigDecimal.valueOf(v);
  }
}
