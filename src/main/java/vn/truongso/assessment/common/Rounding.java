package vn.truongso.assessment.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Averages are kept to one decimal after rounding half up (TT22 art. 5.3b; TT58 art. 10.1c): 71.6 /
 * 8 = 8.95 is 9.0, which binary floating point and banker's rounding both get wrong.
 */
public final class Rounding {
  private Rounding() {}

  /** {@code numerator / denominator}, the exact quotient rounded once to one decimal, half up. */
  public static BigDecimal divide(BigDecimal numerator, int denominator) {
    return numerator.divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
  }
}
