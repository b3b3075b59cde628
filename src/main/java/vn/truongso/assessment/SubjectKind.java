package vn.truongso.assessment;

/**
 * How a subject is assessed (TT22 art. 5): by comment only (Đạt / Chưa đạt), or by comment with a
 * score.
 */
public enum SubjectKind {
  SCORE,
  COMMENT
}
