package vn.truongso.enrolment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a class and its students move into the next school year, as pure functions. A class named
 * after its grade advances its name with it (6A1 → 7A1, 10 Toán → 11 Toán); a promoted student of
 * the school's last grade completes the level (hoàn thành chương trình / tốt nghiệp); a student who
 * is not promoted stays in the grade, in the class of the same name (TT22/2021 art. 12, TT27/2020
 * art. 15 decide who is promoted; the grade book gives the decision).
 */
public final class RollOverRules {

  private static final Pattern LEADING_GRADE = Pattern.compile("^(\\d{1,2})(.*)$");

  private RollOverRules() {}

  /** What happens to one student. */
  public enum Decision {
    /** lên lớp */
    PROMOTE,
    /** ở lại lớp */
    REPEAT,
    /** hoàn thành cấp học: leaves the school at the year's end */
    COMPLETE
  }

  /**
   * The name of next year's class for this year's class, when the name starts with its grade; empty
   * when it does not (kindergarten groups, free names), which the user then names by hand.
   */
  public static Optional<String> advancedName(String name, int grade) {
    Matcher m = LEADING_GRADE.matcher(name.strip());
    if (!m.matches() || Integer.parseInt(m.group(1)) != grade) {
      return Optional.empty();
    }
    return Optional.of((grade + 1) + m.group(2));
  }

  public static Decision decide(int grade, int schoolLastGrade, boolean promoted) {
    if (!promoted) {
      return Decision.REPEAT;
    }
    return grade >= schoolLastGrade ? Decision.COMPLETE : Decision.PROMOTE;
  }
}
