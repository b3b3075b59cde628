package vn.truongso.kindergarten.internal.nutrition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The nutrition norms of an age band at school, one version of the kindergarten programme's table
 * (Chương trình GDMN as amended by TT 28/2016 and TT 51/2020; sources and evidence grades per row
 * in {@code kindergarten/nutrition/}): the day's energy at school, the shares of protein, lipid and
 * glucid in it, the child's daily need and each meal's share of that need. A new version of the
 * programme is a new file, never a change to this code.
 */
public record Norms(
    String version,
    Band band,
    Range energyAtSchool,
    Range proteinShare,
    Range lipidShare,
    Range glucidShare,
    Range dailyNeed,
    Map<Menu.MealKind, Range> mealShareOfDay) {

  /** Nhà trẻ (12–36 months) and mẫu giáo (3–6 years), as the programme sets their norms. */
  public enum Band {
    NHA_TRE,
    MAU_GIAO
  }

  public record Range(double min, double max) {
    public boolean contains(double v) {
      return v >= min && v <= max;
    }
  }

  /** The version in force today. */
  public static final String CURRENT = "gdmn-tt28-2016";

  /** A meal's energy range in kcal: its share of the daily need, at the need's two ends. */
  public @org.jspecify.annotations.Nullable Range mealEnergy(Menu.MealKind kind) {
    Range share = mealShareOfDay.get(kind);
    return share == null
        ? null
        : new Range(share.min() * dailyNeed.min() / 100, share.max() * dailyNeed.max() / 100);
  }

  /** Reads a version's table: rows {@code age_group,item,min,max,…} for the two bands. */
  public static Norms of(String version, Band band) {
    String group = band == Band.NHA_TRE ? "nha_tre_12_36m" : "mau_giao_3_6y";
    Map<String, Range> items = new HashMap<>();
    try (InputStream in =
            Norms.class.getResourceAsStream("/kindergarten/nutrition/norms-" + version + ".csv");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    Objects.requireNonNull(in, version), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] c = line.split(",", 5);
        if (c.length >= 4 && c[0].equals(group) && !c[2].isEmpty()) {
          items.put(c[1], new Range(Double.parseDouble(c[2]), Double.parseDouble(c[3])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Menu.MealKind, Range> meals = new EnumMap<>(Menu.MealKind.class);
    put(meals, Menu.MealKind.LUNCH, items.get("lunch_share"));
    put(meals, Menu.MealKind.AFTERNOON, items.get("afternoon_meal_share"));
    put(meals, Menu.MealKind.SNACK, items.get("snack_share"));
    return new Norms(
        version,
        band,
        need(items, "energy_at_school"),
        need(items, "protein_share"),
        need(items, "lipid_share"),
        need(items, "glucid_share"),
        need(items, "energy_need_day"),
        meals);
  }

  private static void put(Map<Menu.MealKind, Range> meals, Menu.MealKind kind, Range r) {
    if (r != null) {
      meals.put(kind, r);
    }
  }

  private static Range need(Map<String, Range> items, String item) {
    return Objects.requireNonNull(items.get(item), item);
  }
}
