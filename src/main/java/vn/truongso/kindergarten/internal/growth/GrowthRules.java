package vn.truongso.kindergarten.internal.growth;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import vn.truongso.platform.UserInputException;

/**
 * What a measurement may be, and when it must be confirmed: the ranges a child's weight and length
 * can take (a weight typed in grams or a length in metres is out of them), and the changes since
 * the last measurement no child makes — a loss of more than a tenth of the weight, or 1.5 kg, in a
 * month; a length that shrinks by more than the 0.7 cm that lying and standing differ by plus a
 * centimetre of error.
 */
public final class GrowthRules {

  private GrowthRules() {}

  static final double MIN_WEIGHT = 0.5;
  static final double MAX_WEIGHT = 80;
  static final double MIN_LENGTH = 35;
  static final double MAX_LENGTH = 180;

  public static void requireValid(
      LocalDate on,
      LocalDate birth,
      LocalDate today,
      @Nullable Double weight,
      @Nullable Double length) {
    if (on.isBefore(birth)) {
      throw new UserInputException("measuredOn", "kindergarten.growth.error.beforeBirth");
    }
    if (on.isAfter(today)) {
      throw new UserInputException("measuredOn", "kindergarten.growth.error.future");
    }
    if (weight == null && length == null) {
      throw new UserInputException("weight", "kindergarten.growth.error.empty");
    }
    if (weight != null && (weight < MIN_WEIGHT || weight > MAX_WEIGHT)) {
      throw new UserInputException(
          "weight", "kindergarten.growth.error.weight", MIN_WEIGHT, MAX_WEIGHT);
    }
    if (length != null && (length < MIN_LENGTH || length > MAX_LENGTH)) {
      throw new UserInputException(
          "length", "kindergarten.growth.error.length", MIN_LENGTH, MAX_LENGTH);
    }
  }

  /** A previous measurement, as compared. */
  public record Earlier(LocalDate on, @Nullable Double weight, @Nullable Double length) {}

  /** Why the new values need the recorder's confirmation; null when they look plausible. */
  public static @Nullable String implausible(
      @Nullable Earlier before, LocalDate on, @Nullable Double weight, @Nullable Double length) {
    if (before == null || !before.on().isBefore(on)) {
      return null;
    }
    double months = Math.max(1, ChronoUnit.DAYS.between(before.on(), on) / 30.4375);
    if (weight != null && before.weight() != null) {
      double loss = before.weight() - weight;
      if (loss > Math.max(1.5, before.weight() * 0.10) * months) {
        return "kindergarten.growth.confirm.weightLoss";
      }
    }
    if (length != null && before.length() != null && before.length() - length > 1.7) {
      return "kindergarten.growth.confirm.shrink";
    }
    return null;
  }
}
