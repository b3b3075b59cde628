package vn.truongso.assessment;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A subject's computed results: averages for a scored subject (one decimal), Đạt / Chưa đạt for a
 * comment subject. {@code yearAfterRetest} is the year value once the summer re-assessment replaced
 * it. An exempt subject left out of the year (TT58) has nothing but {@code exempt}.
 */
public record SubjectResult(
    String code,
    SubjectKind kind,
    boolean exempt,
    @Nullable BigDecimal term1Average,
    @Nullable BigDecimal term2Average,
    @Nullable BigDecimal yearAverage,
    @Nullable Comment term1Result,
    @Nullable Comment term2Result,
    @Nullable Comment yearResult,
    @Nullable Mark yearAfterRetest) {

  /** A scored subject's term and year averages. */
  public static SubjectResult scored(
      String code, boolean exempt, BigDecimal term1, BigDecimal term2, BigDecimal year) {
    return new SubjectResult(
        code, SubjectKind.SCORE, exempt, term1, term2, year, null, null, null, null);
  }

  /** A comment subject's term and year results. */
  public static SubjectResult commented(
      String code, boolean exempt, Comment term1, Comment term2, Comment year) {
    return new SubjectResult(
        code, SubjectKind.COMMENT, exempt, null, null, null, term1, term2, year, null);
  }

  /** A subject exempt for the whole year and left out of it (TT58 art. 12). */
  public static SubjectResult leftOut(String code, SubjectKind kind) {
    return new SubjectResult(code, kind, true, null, null, null, null, null, null, null);
  }

  /** The same results with the summer re-assessment's value for the year. */
  public SubjectResult withRetest(Mark retest) {
    return new SubjectResult(
        code,
        kind,
        exempt,
        term1Average,
        term2Average,
        yearAverage,
        term1Result,
        term2Result,
        yearResult,
        retest);
  }
}
