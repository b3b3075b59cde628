package vn.truongso.kindergarten.internal.growth;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.truongso.people.Sex;

/**
 * A child's z-scores, computed as WHO's own software does: the 2006 Child Growth Standards up to 1
 * 826 days of age (igrowup / anthro: by whole days; a length measured standing before 731 days gets
 * +0.7 cm and one measured lying from 731 days −0.7 cm; weight-for-length below 731 days and
 * weight-for-height from it, interpolated between the 0.1 cm rows), and the 2007 Growth Reference
 * after that (who2007 / anthroplus: by decimal months, days / 30.4375, interpolated between whole
 * months). Weight-based indicators use WHO's restricted application beyond ±3 ({@link
 * Lms#restricted}); with oedema they are not computed. A value outside the tables is {@code null}.
 */
public final class ZScores {

  private ZScores() {}

  /** How the length was measured; not recorded means lying before 731 days, standing after. */
  public enum Position {
    LYING,
    STANDING
  }

  /** A measurement at an age: weight in kg, length or height in cm (either may be missing). */
  public record Measurement(
      Sex sex,
      int ageDays,
      @Nullable Double weightKg,
      @Nullable Double lengthCm,
      @Nullable Position position,
      boolean oedema) {}

  /** WHO's flags of an implausible z-score (the value is kept, the flag asks to check it). */
  public enum Flag {
    LENGTH_FOR_AGE,
    WEIGHT_FOR_AGE,
    WEIGHT_FOR_LENGTH,
    BMI_FOR_AGE
  }

  /**
   * The z-scores; {@code weightForLength} is weight-for-length or -height under 5 years and not
   * computed by the 2007 reference. {@code lengthCm} is the length after WHO's ±0.7 cm correction.
   */
  public record Scores(
      boolean who2007,
      @Nullable Double weightForAge,
      @Nullable Double lengthForAge,
      @Nullable Double weightForLength,
      @Nullable Double bmiForAge,
      @Nullable Double lengthCm,
      @Nullable Double bmi,
      Set<Flag> flags) {}

  /** Days in WHO's average month. */
  public static final double DAYS_PER_MONTH = 30.4375;

  /** Where the standing/lying correction and the weight-for-height table begin: 2 years. */
  static final int TWO_YEARS = 731;

  public static Scores of(Measurement m) {
    return m.ageDays() <= GrowthTables.LAST_DAY_2006
        ? who2006(m)
        : who2007(m.sex(), m.ageDays() / DAYS_PER_MONTH, m.weightKg(), m.lengthCm(), m.oedema());
  }

  /** The 2006 standards at any age: the age-based indicators are null past 1 826 days. */
  public static Scores who2006(Measurement m) {
    GrowthTables t = GrowthTables.who();
    int days = m.ageDays();
    boolean infant = days < TWO_YEARS;
    Double length = corrected(m.lengthCm(), m.position(), infant);
    Double weight = m.oedema() ? null : m.weightKg();
    Double zlen = length == null ? null : z(t.lengthForAge(m.sex(), days), length, false);
    Double zwei = weight == null ? null : z(t.weightForAge(m.sex(), days), weight, true);
    Double zwfl = null;
    Double bmi = null;
    Double zbmi = null;
    if (weight != null && length != null) {
      Lms wfl = infant ? t.weightForLength(m.sex(), length) : t.weightForHeight(m.sex(), length);
      zwfl = z(wfl, weight, true);
      bmi = weight / Math.pow(length / 100, 2);
      zbmi = z(t.bmiForAge(m.sex(), days), bmi, true);
    }
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    flag(flags, Flag.LENGTH_FOR_AGE, zlen, -6, 6);
    flag(flags, Flag.WEIGHT_FOR_AGE, zwei, -6, 5);
    flag(flags, Flag.WEIGHT_FOR_LENGTH, zwfl, -5, 5);
    flag(flags, Flag.BMI_FOR_AGE, zbmi, -5, 5);
    return new Scores(false, zwei, zlen, zwfl, zbmi, length, bmi, flags);
  }

  /** The 2007 reference at an age in decimal months (height and BMI to 228, weight to 120). */
  public static Scores who2007(
      Sex sex,
      double months,
      @Nullable Double weightKg,
      @Nullable Double heightCm,
      boolean oedema) {
    GrowthTables t = GrowthTables.who();
    Double weight = oedema ? null : weightKg;
    Double zhfa = heightCm == null ? null : z(t.heightForAge2007(sex, months), heightCm, false);
    Double zwfa = weight == null ? null : z(t.weightForAge2007(sex, months), weight, true);
    Double bmi = null;
    Double zbfa = null;
    if (weight != null && heightCm != null) {
      bmi = weight / Math.pow(heightCm / 100, 2);
      zbfa = z(t.bmiForAge2007(sex, months), bmi, true);
    }
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    flag(flags, Flag.LENGTH_FOR_AGE, zhfa, -6, 6);
    flag(flags, Flag.WEIGHT_FOR_AGE, zwfa, -6, 5);
    flag(flags, Flag.BMI_FOR_AGE, zbfa, -5, 5);
    return new Scores(true, zwfa, zhfa, null, zbfa, heightCm, bmi, flags);
  }

  private static @Nullable Double corrected(
      @Nullable Double lengthCm, @Nullable Position position, boolean infant) {
    if (lengthCm == null) {
      return null;
    }
    if (position == Position.STANDING && infant) {
      return lengthCm + 0.7;
    }
    if (position == Position.LYING && !infant) {
      return lengthCm - 0.7;
    }
    return lengthCm;
  }

  private static @Nullable Double z(@Nullable Lms lms, double y, boolean restricted) {
    if (lms == null || y <= 0) {
      return null;
    }
    return restricted ? lms.restricted(y) : lms.z(y);
  }

  private static void flag(
      Set<Flag> flags, Flag flag, @Nullable Double z, double low, double high) {
    if (z != null && (z < low || z > high)) {
      flags.add(flag);
    }
  }
}
