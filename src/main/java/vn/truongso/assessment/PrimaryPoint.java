package vn.truongso.assessment;

/**
 * TT27 art. 9.1: the four points of a primary school year at which levels (and, in the subjects
 * that have them, periodic test scores) are recorded. The codes are the curriculum data's.
 */
public enum PrimaryPoint {
  /** Giữa học kì I. */
  GHKI,
  /** Cuối học kì I. */
  CHKI,
  /** Giữa học kì II. */
  GHKII,
  /** Cuối năm học. */
  CN
}
