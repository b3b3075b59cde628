package vn.truongso.kindergarten.internal.kitchen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.truongso.kindergarten.internal.nutrition.Food;
import vn.truongso.kindergarten.internal.nutrition.Nutrients;

/**
 * The national food composition table (NIN 2007, {@code kindergarten/nutrition/README.md}), read
 * once: read-only for every school, so a national row is never edited, only added to by a school's
 * own foods. An operator may point {@code truongso.kindergarten.foods} at another edition with the
 * same columns.
 */
@Component
public class NationalFoods {

  /** A food of the table with its group (1 cereals … 14 drinks), for browsing. */
  public record Entry(Food food, int group) {}

  private final Map<String, Entry> byCode;

  NationalFoods(
      @Value("${truongso.kindergarten.foods:classpath:kindergarten/nutrition/foods-nin-2007.csv}")
          Resource table) {
    this.byCode = Collections.unmodifiableMap(read(table));
  }

  public Optional<Entry> entry(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Every food in the table's order (by group, then code). */
  public Collection<Entry> all() {
    return byCode.values();
  }

  private static Map<String, Entry> read(Resource table) {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(table.getInputStream(), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          Entry e = parse(line);
          out.put(e.food().code(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** {@code code,name,group,refuse,animal,energy,protein,lipid,glucid,Ca,Fe,retinol,β-car,B1,C}. */
  static Entry parse(String line) {
    String[] c = vn.truongso.kindergarten.internal.Csv.split(line);
    if (c.length != 15) {
      throw new IllegalStateException("food table row with " + c.length + " cells: " + line);
    }
    Nutrients per100g =
        new Nutrients(
            num(c[5]),
            num(c[6]),
            num(c[7]),
            num(c[8]),
            num(c[9]),
            num(c[10]),
            num(c[11]),
            num(c[12]),
            num(c[13]),
            num(c[14]));
    return new Entry(
        new Food(c[0], c[1], num(c[3]), "Y".equals(c[4]), per100g), Integer.parseInt(c[2]));
  }

  /** An empty cell is "no value in the table": it adds nothing to a sum. */
  private static double num(String s) {
    return s.isEmpty() ? 0 : Double.parseDouble(s);
  }
}
