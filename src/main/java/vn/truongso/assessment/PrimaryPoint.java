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
  CN;

  /** The term the point closes or divides: 1 for the first term's two points, else 2. */
  public int term() {
    return this == GHKI || this == CHKI ? 1 : 2;
  }

  /**
   * The grade-book column whose entry window, locks and test dates govern the point: a mid-term
   * point is the term's mid-term (GK) column, an end point its end-of-term (CK) column, so that the
   * principal's calendar and locks apply to primary and secondary classes alike.
   */
  public Slot column() {
    return this == GHKI || this == GHKII ? Slot.GK : Slot.CK;
  }
}
