package vn.truongso.kindergarten.internal.growth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.truongso.people.Sex;

/**
 * WHO's growth tables as shipped in {@code kindergarten/growth/} (see the README there): the Child
 * Growth Standards 2006 by day of age (0–1 826 days) and by length or height (0.1 cm rows), and the
 * Growth Reference 2007 by month (60–228 months; weight 60–120). Read once, immutable.
 */
public final class GrowthTables {

  /** The tables, read on first use. */
  public static GrowthTables who() {
    return Holder.TABLES;
  }

  private static final class Holder {
    static final GrowthTables TABLES = new GrowthTables();
  }

  /** A table over a regular axis: days, months, or tenths of a centimetre. */
  private record Axis(double start, double step, Map<Sex, Lms[]> rows) {

    @Nullable Lms exact(Sex sex, int index) {
      Lms[] r = rows.get(sex);
      return index < 0 || index >= r.length ? null : r[index];
    }

    /** The row at {@code x}, linearly between the two rows around it; null outside the table. */
    @Nullable Lms between(Sex sex, double x) {
      Lms[] r = rows.get(sex);
      double at = (x - start) / step;
      if (at < -1e-9 || at > r.length - 1 + 1e-9) {
        return null;
      }
      int low = (int) Math.min(Math.floor(at + 1e-9), r.length - 1);
      double f = Math.max(0, at - low);
      return low + 1 >= r.length || f < 1e-12 ? r[low] : r[low].toward(r[low + 1], f);
    }
  }

  private final Axis weightForAge = read("who2006_weight_for_age_by_day.csv", 0, 1);
  private final Axis lengthForAge = read("who2006_length_height_for_age_by_day.csv", 0, 1);
  private final Axis bmiForAge = read("who2006_bmi_for_age_by_day.csv", 0, 1);
  private final Axis weightForLength = read("who2006_weight_for_length.csv", 45, 0.1);
  private final Axis weightForHeight = read("who2006_weight_for_height.csv", 65, 0.1);
  private final Axis heightForAge2007 = read("who2007_height_for_age_5_19y_by_month.csv", 60, 1);
  private final Axis weightForAge2007 = read("who2007_weight_for_age_5_10y_by_month.csv", 60, 1);
  private final Axis bmiForAge2007 = read("who2007_bmi_for_age_5_19y_by_month.csv", 60, 1);

  private GrowthTables() {}

  /** The last day of age the 2006 standards cover (5 years). */
  public static final int LAST_DAY_2006 = 1826;

  @Nullable Lms weightForAge(Sex sex, int days) {
    return weightForAge.exact(sex, days);
  }

  @Nullable Lms lengthForAge(Sex sex, int days) {
    return lengthForAge.exact(sex, days);
  }

  @Nullable Lms bmiForAge(Sex sex, int days) {
    return bmiForAge.exact(sex, days);
  }

  @Nullable Lms weightForLength(Sex sex, double lengthCm) {
    return weightForLength.between(sex, lengthCm);
  }

  @Nullable Lms weightForHeight(Sex sex, double heightCm) {
    return weightForHeight.between(sex, heightCm);
  }

  @Nullable Lms heightForAge2007(Sex sex, double months) {
    return heightForAge2007.between(sex, months);
  }

  @Nullable Lms weightForAge2007(Sex sex, double months) {
    return weightForAge2007.between(sex, months);
  }

  @Nullable Lms bmiForAge2007(Sex sex, double months) {
    return bmiForAge2007.between(sex, months);
  }

  /** Reads a table whose rows are {@code sex, x, L, M, S[, …]} in order of x from {@code start}. */
  private static Axis read(String file, double start, double step) {
    Map<Sex, List<Lms>> rows = new EnumMap<>(Sex.class);
    try (InputStream in = GrowthTables.class.getResourceAsStream("/kindergarten/growth/" + file);
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, file), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.split(",");
        Sex sex = Sex.valueOf(c[0]);
        List<Lms> of = rows.computeIfAbsent(sex, k -> new ArrayList<>());
        double x = Double.parseDouble(c[1]);
        if (Math.abs(start + of.size() * step - x) > step / 100) {
          throw new IllegalStateException(file + ": row " + x + " out of order");
        }
        of.add(
            new Lms(Double.parseDouble(c[2]), Double.parseDouble(c[3]), Double.parseDouble(c[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Sex, Lms[]> out = new EnumMap<>(Sex.class);
    rows.forEach((sex, list) -> out.put(sex, list.toArray(Lms[]::new)));
    return new Axis(start, step, out);
  }
}
