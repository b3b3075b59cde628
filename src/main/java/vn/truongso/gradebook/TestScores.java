package vn.truongso.gradebook;

import java.math.BigDecimal;
import java.util.List;

/**
 * The scores of each assessment column of a school year, class by class, for comparing classes of
 * the same grade and subject (BA-HBS art. 4: marks "quá thấp, quá cao so với mặt bằng chung"). Only
 * scored subjects; the summer re-test is left out. The caller checks that the user may see the
 * school's book.
 */
public interface TestScores {

  /**
   * One column (TX1…TX4, GK, CK) of one class, subject and term; {@code teacherName} may be null.
   */
  record Column(
      long classId,
      String className,
      int grade,
      String subjectCode,
      String subjectName,
      int term,
      String slot,
      String teacherName,
      List<BigDecimal> scores) {}

  List<Column> ofSchool(long schoolId, int startYear);
}
