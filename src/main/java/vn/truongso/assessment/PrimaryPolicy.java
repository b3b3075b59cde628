package vn.truongso.assessment;

import java.util.List;

/**
 * How a primary student is assessed (Thông tư 27/2020/TT-BGDĐT): at mid-term I, end of term I,
 * mid-term II and the end of the year (art. 9.1), each subject and activity at Hoàn thành tốt, Hoàn
 * thành or Chưa hoàn thành with a comment, periodic tests scored in whole points out of 10 in the
 * subjects and at the points the grade's plan names (art. 7), qualities and competencies at Tốt,
 * Đạt or Cần cố gắng, and the year's result, completion and commendation (art. 9.2, 11, 13).
 */
public non-sealed interface PrimaryPolicy extends AssessmentPolicy {

  /** The mistakes and gaps that keep a year from being evaluated; empty when it can be. */
  List<Problem> check(PrimaryYear year);

  /**
   * The year-end evaluation.
   *
   * @throws InvalidRecordException when {@link #check} finds a problem
   */
  PrimaryYearResult evaluate(PrimaryYear year);

  /**
   * A periodic test score as typed: a whole number from 0 to 10 (art. 7.2: "không cho điểm thập
   * phân"); a problem with code {@code primary.score.decimal} or {@code primary.score.range}
   * otherwise.
   */
  java.util.Optional<Problem> scoreProblem(String path, String typed);
}
