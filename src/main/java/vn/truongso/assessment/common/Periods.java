package vn.truongso.assessment.common;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SubjectResult;

/**
 * Which of a subject's results stands for a period, as both circulars read them: 1 and 2 the terms,
 * 3 the year, 4 the year after the summer re-assessment (its mark where one was given, else the
 * year's). Each policy cites its own articles where it uses them.
 */
public final class Periods {
  private Periods() {}

  /** A scored subject's average for the period. */
  public static @Nullable BigDecimal average(SubjectResult s, int period) {
    return switch (period) {
      case 1 -> s.term1Average();
      case 2 -> s.term2Average();
      case 3 -> s.yearAverage();
      default -> s.yearAfterRetest() instanceof Score sc ? sc.value() : s.yearAverage();
    };
  }

  /** A comment subject's result for the period. */
  public static @Nullable Comment result(SubjectResult s, int period) {
    return switch (period) {
      case 1 -> s.term1Result();
      case 2 -> s.term2Result();
      case 3 -> s.yearResult();
      default -> s.yearAfterRetest() instanceof Comment c ? c : s.yearResult();
    };
  }
}
