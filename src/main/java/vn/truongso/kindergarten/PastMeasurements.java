package vn.truongso.kindergarten;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Measurements taken before the school recorded them in TruongSo — the paper growth book of a
 * school moving to TruongSo, the demo — brought in at once. A deployment door, not a page's: each
 * is checked as the page checks it (within the child's life, in a child's range), the implausible
 * ones marked as confirmed by whoever brings them, all taken or none.
 */
public interface PastMeasurements {

  /** One measurement: weight in kg and length or height in cm (measured as the age says). */
  record Measured(LocalDate on, @Nullable Double weightKg, @Nullable Double lengthCm) {}

  /** Writes the child's measurements as recorded by {@code by}; answers how many. */
  int bringIn(long schoolId, long studentId, List<Measured> measurements, long by);
}
