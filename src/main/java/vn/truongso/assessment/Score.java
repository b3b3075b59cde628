package vn.truongso.assessment;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A score on the 10-point scale: an integer or one decimal after rounding (TT22 art. 5.3b). Values
 * are exact decimals, never floating point.
 */
public record Score(BigDecimal value) implements Mark, Comparable<Score> {

  public static final BigDecimal MAX = BigDecimal.TEN;

  public Score {
    if (!valid(value)) {
      throw new IllegalArgumentException("not a score: " + value);
    }
    value = value.setScale(1);
  }

  public static Score of(String text) {
    return new Score(new BigDecimal(text));
  }

  /** Between 0 and 10 with at most one decimal. */
  public static boolean valid(@Nullable BigDecimal v) {
    return v != null
        && v.signum() >= 0
        && v.compareTo(MAX) <= 0
        && v.stripTrailingZeros().scale() <= 1;
  }

  /** Reads what a teacher types: {@code 8,5} and {@code 8.5} alike; empty when it is no score. */
  public static Optional<BigDecimal> parse(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().replace(',', '.');
    if (!t.matches("\\d{1,2}(\\.\\d+)?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t));
  }

  public boolean atLeast(String threshold) {
    return value.compareTo(new BigDecimal(threshold)) >= 0;
  }

  @Override
  public int compareTo(Score o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
