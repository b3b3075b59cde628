package vn.truongso.gradebook;

import java.util.List;
import vn.truongso.assessment.PrimaryYearResult;

/**
 * A primary pupil's years at the school as the primary học bạ writes them (TT27; forms.md §3.1):
 * each year's end-of-year subject levels, test scores and comments, the qualities and competencies
 * with the homeroom teacher's comments, and the evaluation (after the supplementary assessment and
 * the principal's decision where there were). Read only.
 */
public interface PrimaryRecords {

  /**
   * Every primary year the pupil has in the school's books up to the class's year, oldest first.
   *
   * @throws org.springframework.security.access.AccessDeniedException unless the user keeps the
   *     class's books (its homeroom teacher, the school's leaders, whoever prints the books)
   * @throws vn.truongso.platform.NotFoundException when the pupil has no year in the class
   */
  List<Year> of(long schoolId, long classId, long studentId);

  /**
   * The class's year as the signing of its học bạ needs it: whether the principal approved it, and
   * the pupils whose year is final (promoted, or kept back by the principal's decision). Same right
   * as {@link #of}.
   */
  ClassYear ofClass(long schoolId, long classId);

  record ClassYear(String className, int startYear, boolean yearApproved, List<Long> pupils) {}

  /**
   * {@code result} null while the year's values are incomplete; {@code qualities} and {@code
   * competences} by the assessment API's names ({@code CHAM_CHI}), levels as the book writes them
   * (T, Đ, C).
   */
  record Year(
      long classId,
      String className,
      int grade,
      int startYear,
      List<Subject> subjects,
      List<Item> qualities,
      List<Item> competences,
      String qualitiesComment,
      String competencesComment,
      boolean individualPlan,
      PrimaryYearResult result) {}

  /** A subject or activity: the level (T, H, C), the end-of-year test score, the comment. */
  record Subject(String code, String name, String level, Integer score, String comment) {}

  record Item(String code, String level) {}
}
