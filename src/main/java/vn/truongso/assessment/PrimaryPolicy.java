package vn.truongso.assessment;

/**
 * How a primary student is assessed (Thông tư 27/2020/TT-BGDĐT): at mid-term I, end of term I,
 * mid-term II and the end of the year (art. 6), each subject and activity at Hoàn thành tốt, Hoàn
 * thành or Chưa hoàn thành with a comment, periodic tests scored in whole points out of 10 in the
 * subjects art. 7 names, qualities and competences at Tốt, Đạt or Cần cố gắng, and the year's
 * result and promotion decided by the teacher and the principal (art. 9–14). No implementation yet:
 * the primary grade book (its own issue) adds one here, beside the secondary branch, without
 * touching it.
 */
public non-sealed interface PrimaryPolicy extends AssessmentPolicy {}
