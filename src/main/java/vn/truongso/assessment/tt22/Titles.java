package vn.truongso.assessment.tt22;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Title;

/**
 * TT22 art. 15.1, year-end only: Học sinh Xuất sắc — year conduct Tốt, year learning Tốt and at
 * least six scored subjects with a year average of 9.0 or more; Học sinh Giỏi — year conduct and
 * learning Tốt. TT22 has no Học sinh Tiên tiến.
 */
final class Titles {
  private static final BigDecimal NINE = new BigDecimal("9.0");

  private Titles() {}

  static @Nullable Title of(Level conductYear, Level learningYear, List<BigDecimal> yearAverages) {
    if (conductYear != Level.TOT || learningYear != Level.TOT) {
      return null;
    }
    long nines = yearAverages.stream().filter(a -> a.compareTo(NINE) >= 0).count();
    return nines >= 6 ? Title.XUAT_SAC : Title.GIOI;
  }
}
