package vn.truongso.assessment.common;

import java.util.ArrayList;
import java.util.List;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.SubjectResult;

/**
 * The summer re-assessment's results as both circulars use them (TT22 art. 14.2, TT58 art. 16):
 * given only for the subjects the student must retake, each replacing that subject's year value.
 */
public final class Retests {
  private Retests() {}

  /**
   * Refuses a result for a subject that is not to be retaken, or any at all when {@code open} is
   * false (the student is not at the re-assessment stage).
   */
  public static void check(StudentYear r, List<String> toRetake, boolean open) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < r.subjects().size(); i++) {
      SubjectRecord s = r.subjects().get(i);
      if (s.retest() != null && (!open || !toRetake.contains(s.code()))) {
        problems.add(Problem.of("subjects[" + i + "].retest", "retest.notNeeded", s.code()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
  }

  /** The subject results with each given re-assessment recorded as the year's value. */
  public static List<SubjectResult> apply(StudentYear r, List<SubjectResult> subjects) {
    List<SubjectResult> out = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      SubjectResult s = subjects.get(i);
      Mark retest = r.subjects().get(i).retest();
      out.add(retest == null ? s : s.withRetest(retest));
    }
    return out;
  }
}
