package vn.truongso.assessment;

/** What the year means for the student's next year. */
public enum Outcome {
  /** lên lớp, or completes the level in its last grade */
  PROMOTED,
  /** kiểm tra, đánh giá lại in the summer */
  RETEST,
  /** rèn luyện trong kì nghỉ hè */
  SUMMER_TRAINING,
  /** không được lên lớp (ở lại lớp) */
  RETAINED,
  /** a student assessed on an individual education plan: the principal decides (TT22 art. 12.4) */
  PRINCIPAL_DECIDES
}
