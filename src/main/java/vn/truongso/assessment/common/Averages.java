package vn.truongso.assessment.common;

import java.math.BigDecimal;
import java.util.List;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Score;

/**
 * The subject averages TT22 art. 9.1 and TT26/2020 share: ĐTBmhk = (TĐĐGtx + 2 × ĐĐGgk + 3 × ĐĐGck)
 * / (số ĐĐGtx + 5); ĐTBmcn = (ĐTBmhkI + 2 × ĐTBmhkII) / 3, each rounded to one decimal half up. The
 * year uses the term averages as recorded, already rounded.
 */
public final class Averages {
  private Averages() {}

  public static BigDecimal term(List<Mark> regular, Mark midterm, Mark finalTest) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Mark m : regular) {
      sum = sum.add(((Score) m).value());
    }
    sum = sum.add(twice(((Score) midterm).value())).add(thrice(((Score) finalTest).value()));
    return Rounding.divide(sum, regular.size() + 5);
  }

  public static BigDecimal year(BigDecimal term1, BigDecimal term2) {
    return Rounding.divide(term1.add(twice(term2)), 3);
  }

  /** The plain mean of averages, one decimal (TT58 art. 11: ĐTBhk, ĐTBcn). */
  public static BigDecimal mean(List<BigDecimal> values) {
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return Rounding.divide(sum, values.size());
  }

  private static BigDecimal twice(BigDecimal v) {
    return v.add(v);
  }

  private static BigDecimal thrice(BigDecimal v) {
    return v.add(v).add(v);
  }
}
