package vn.truongso.org;

/** Levels of education a school provides (cấp học); a school may provide several. */
public enum SchoolLevel {
  /** Mầm non */
  KINDERGARTEN(0, 0),
  /** Tiểu học */
  PRIMARY(1, 5),
  /** Trung học cơ sở */
  LOWER_SECONDARY(6, 9),
  /** Trung học phổ thông */
  UPPER_SECONDARY(10, 12);

  private final int firstGrade;
  private final int lastGrade;

  SchoolLevel(int firstGrade, int lastGrade) {
    this.firstGrade = firstGrade;
    this.lastGrade = lastGrade;
  }

  public int firstGrade() {
    return firstGrade;
  }

  public int lastGrade() {
    return lastGrade;
  }

  public boolean hasGrade(int grade) {
    return grade >= firstGrade && grade <= lastGrade;
  }
}
