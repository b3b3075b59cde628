package vn.truongso.kindergarten.internal.growth;

/**
 * One row of a WHO growth table: the Box-Cox power {@code l}, the median {@code m} and the
 * coefficient of variation {@code s} at an age or a length.
 */
public record Lms(double l, double m, double s) {

  /**
   * The LMS z-score of a measurement: {@code ((y/M)^L − 1) / (L·S)}, {@code ln(y/M)/S} when L = 0.
   */
  public double z(double y) {
    return l == 0 ? Math.log(y / m) / s : (Math.pow(y / m, l) - 1) / (l * s);
  }

  /** The measurement at z = k: {@code M·(1 + L·S·k)^(1/L)}. */
  public double at(double k) {
    return l == 0 ? m * Math.exp(s * k) : m * Math.pow(1 + l * s * k, 1 / l);
  }

  /**
   * The z-score of a weight-based indicator with WHO's restricted application: beyond ±3 the
   * distance is measured in the width of the last standard deviation band inside the table (WHO
   * Child Growth Standards, 2006, ch. 7; the igrowup and who2007 macros), so that the skewed tail
   * does not compress extreme values.
   */
  public double restricted(double y) {
    double z = z(y);
    if (z > 3) {
      double sd3 = at(3);
      return 3 + (y - sd3) / (sd3 - at(2));
    }
    if (z < -3) {
      double sd3 = at(-3);
      return -3 + (y - sd3) / (at(-2) - sd3);
    }
    return z;
  }

  /** The row a fraction {@code f} of the way from this one to {@code next}, each value linearly. */
  public Lms toward(Lms next, double f) {
    return new Lms(l + (next.l - l) * f, m + (next.m - m) * f, s + (next.s - s) * f);
  }
}
