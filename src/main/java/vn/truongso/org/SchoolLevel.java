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

  /** The level a grade belongs to (0 for kindergarten groups, 1–12 for classes). */
  public static SchoolLevel ofGrade(int grade) {
    for (SchoolLevel level : values()) {
      if (level.hasGrade(grade)) {
        return level;
      }
    }
    throw new IllegalArgumentException("grade " + grade);
  }

  /**
   * Whether the level keeps the secondary grade book (sổ theo dõi và đánh giá học sinh under TT22
   * or TT58): score columns, conduct, yearly results and their approval. Primary (TT27) and
   * kindergarten keep books of their own, which plug in by level, not by grade number.
   */
  public boolean keepsSecondaryBook() {
    return this == LOWER_SECONDARY || this == UPPER_SECONDARY;
  }
}
