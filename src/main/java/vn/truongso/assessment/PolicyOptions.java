package vn.truongso.assessment;

/**
 * Questions the circulars leave open, decided by the school or the Department (docs/domain).
 *
 * @param reassessAfterSummerTraining TT22 art. 13–14: a student whose conduct and learning were
 *     both Chưa đạt, and whose conduct is Đạt after summer training, may then be re-assessed in
 *     subjects (default yes)
 * @param adjustForCommentSubject TT22 art. 9.3 reads "01 môn học" without restriction: one comment
 *     subject at Chưa đạt may also raise the level one step (default yes)
 */
public record PolicyOptions(boolean reassessAfterSummerTraining, boolean adjustForCommentSubject) {
  public static PolicyOptions defaults() {
    return new PolicyOptions(true, true);
  }
}
