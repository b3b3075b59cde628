package vn.truongso.kindergarten.internal.kitchen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.kindergarten.internal.nutrition.Menu;
import vn.truongso.kindergarten.internal.nutrition.Norms;

/** The school's dishes (recipes) and the menu items of its days. */
@Repository
class MenuStore {

  private final JdbcClient jdbc;

  MenuStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A recipe's line: a food and its purchased quantity for one child. */
  record Line(String foodCode, double grossG) {}

  /** {@code yieldPct}: cooked weight as a % of the edible raw weight, where the cook set it. */
  record Dish(long id, String name, @Nullable Integer yieldPct, List<Line> lines) {}

  /** A dish on a day's menu for a band, at a portion (% of its recipe). */
  record Item(LocalDate day, Norms.Band band, Menu.MealKind meal, long dishId, int portionPct) {}

  /** The school's dishes by name, each with its recipe. */
  List<Dish> dishes(long schoolId) {
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, Integer> yields = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT id, name, yield_pct FROM kitchen_dish WHERE school_id = ?"
                + " ORDER BY fold_vi(name), id")
        .param(schoolId)
        .query(
            rs -> {
              names.put(rs.getLong(1), rs.getString(2));
              yields.put(rs.getLong(1), rs.getObject(3, Integer.class));
            });
    Map<Long, List<Line>> lines = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT dish_id, food_code, gross_g FROM kitchen_dish_ingredient WHERE school_id = ?"
                + " ORDER BY dish_id, position")
        .param(schoolId)
        .query(
            rs -> {
              lines
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(new Line(rs.getString(2), rs.getBigDecimal(3).doubleValue()));
            });
    List<Dish> out = new ArrayList<>();
    names.forEach(
        (id, name) ->
            out.add(new Dish(id, name, yields.get(id), lines.getOrDefault(id, List.of()))));
    return out;
  }

  Optional<Long> dishNamed(long schoolId, String name) {
    return jdbc.sql(
            "SELECT id FROM kitchen_dish WHERE school_id = ? AND fold_vi(name) = fold_vi(?)")
        .params(schoolId, name)
        .query(Long.class)
        .optional();
  }

  long createDish(long schoolId, String name) {
    return jdbc.sql("INSERT INTO kitchen_dish (school_id, name) VALUES (?, ?) RETURNING id")
        .params(schoolId, name)
        .query(Long.class)
        .single();
  }

  boolean updateDish(long schoolId, long dishId, String name, @Nullable Integer yieldPct) {
    return jdbc.sql(
                "UPDATE kitchen_dish SET name = ?, yield_pct = ? WHERE school_id = ? AND id = ?")
            .params(name, yieldPct, schoolId, dishId)
            .update()
        == 1;
  }

  void replaceLines(long schoolId, long dishId, List<Line> lines) {
    jdbc.sql("DELETE FROM kitchen_dish_ingredient WHERE school_id = ? AND dish_id = ?")
        .params(schoolId, dishId)
        .update();
    for (int i = 0; i < lines.size(); i++) {
      jdbc.sql(
              "INSERT INTO kitchen_dish_ingredient (school_id, dish_id, position, food_code,"
                  + " gross_g) VALUES (?, ?, ?, ?, ?)")
          .params(
              schoolId,
              dishId,
              i,
              lines.get(i).foodCode(),
              BigDecimal.valueOf(lines.get(i).grossG()))
          .update();
    }
  }

  /** The menu items of the days from {@code from} to {@code to}, by day, band and meal. */
  List<Item> items(long schoolId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT m.day, m.band, m.meal, m.dish_id, m.portion_pct FROM kitchen_menu_item m
            JOIN kitchen_dish d ON d.school_id = m.school_id AND d.id = m.dish_id
            WHERE m.school_id = ? AND m.day BETWEEN ? AND ?
            ORDER BY m.day, m.band, m.meal, fold_vi(d.name)
            """)
        .params(schoolId, from, to)
        .query(
            (rs, n) ->
                new Item(
                    rs.getObject(1, LocalDate.class),
                    Norms.Band.valueOf(rs.getString(2)),
                    Menu.MealKind.valueOf(rs.getString(3)),
                    rs.getLong(4),
                    rs.getInt(5)))
        .list();
  }

  /** Puts the dish on the day's meal for the band, or changes its portion. */
  void put(long schoolId, Item item) {
    jdbc.sql(
            """
            INSERT INTO kitchen_menu_item (school_id, day, band, meal, dish_id, portion_pct)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, day, band, meal, dish_id)
            DO UPDATE SET portion_pct = EXCLUDED.portion_pct
            """)
        .params(
            schoolId,
            item.day(),
            item.band().name(),
            item.meal().name(),
            item.dishId(),
            item.portionPct())
        .update();
  }

  boolean remove(long schoolId, LocalDate day, Norms.Band band, Menu.MealKind meal, long dishId) {
    return jdbc.sql(
                "DELETE FROM kitchen_menu_item WHERE school_id = ? AND day = ? AND band = ?"
                    + " AND meal = ? AND dish_id = ?")
            .params(schoolId, day, band.name(), meal.name(), dishId)
            .update()
        == 1;
  }
}
