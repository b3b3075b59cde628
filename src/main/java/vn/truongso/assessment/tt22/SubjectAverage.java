package vn.truongso.assessment.tt22;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.TermMarks;
import vn.truongso.assessment.common.Averages;

/**
 * TT22 art. 9.1b: ĐTBmhk = (TĐĐGtx + 2 × ĐĐGgk + 3 × ĐĐGck) / (số ĐĐGtx + 5); ĐTBmcn = (ĐTBmhkI + 2
 * × ĐTBmhkII) / 3; one decimal after rounding.
 */
final class SubjectAverage {
  private SubjectAverage() {}

  /** The term average, or null while a required score is missing. */
  static @Nullable BigDecimal term(TermMarks t, int required) {
    if (t == null
        || t.regular().size() != required
        || !(t.midterm() instanceof Score)
        || !(t.finalTest() instanceof Score)
        || !t.regular().stream().allMatch(m -> m instanceof Score)) {
      return null;
    }
    return Averages.term(t.regular(), t.midterm(), t.finalTest());
  }

  static BigDecimal year(BigDecimal term1, BigDecimal term2) {
    return Averages.year(term1, term2);
  }
}
