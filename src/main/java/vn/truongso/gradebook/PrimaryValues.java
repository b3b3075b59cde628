package vn.truongso.gradebook;

import java.util.List;
import vn.truongso.assessment.PrimaryPoint;

/**
 * Values of a primary class's book (TT27) entered elsewhere — the school's previous software's
 * export when it moves to TruongSo during the year, the demo — brought in at once. A deployment
 * door, not a page's: the caller is not a signed-in user, so only a class with nothing entered yet
 * takes them, each value is checked as the pages check it, and all are taken or none.
 */
public interface PrimaryValues {

  /**
   * One value: {@code item} a subject's code, a quality's or competency's name ({@code CHAM_CHI},
   * {@code TU_CHU_VA_TU_HOC}), or {@code PHAM_CHAT} / {@code NANG_LUC} for the homeroom teacher's
   * comment on the qualities or the competencies; {@code level} as typed (T, H, C; T, Đ, C).
   */
  record Value(
      long studentId,
      PrimaryPoint point,
      String item,
      String level,
      String comment,
      Integer score) {}

  /**
   * Writes the values as entered by {@code enteredBy}. Answers how many were written.
   *
   * @throws vn.truongso.platform.UserInputException when the class is not primary or has entries, a
   *     pupil is not in it, or a value is one the pages would refuse
   */
  int bringIn(long schoolId, long classId, List<Value> values, long enteredBy);
}
