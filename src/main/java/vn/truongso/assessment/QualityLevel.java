package vn.truongso.assessment;

import java.util.Optional;

/**
 * TT27 art. 6.2: a quality's or a competency's level at an assessment point, written T, Đ or C in
 * the books.
 */
public enum QualityLevel {
  /** Tốt. */
  TOT("T"),
  /** Đạt. */
  DAT("\u0110"),
  /** Cần cố gắng. */
  CAN_CO_GANG("C");

  private final String letter;

  QualityLevel(String letter) {
    this.letter = letter;
  }

  public String letter() {
    return letter;
  }

  /** The level of a typed letter: T, Đ (or D, as typed without Vietnamese input), C. */
  public static Optional<QualityLevel> ofLetter(String typed) {
    String t = typed.strip().toUpperCase(java.util.Locale.ROOT);
    if (t.equals("D")) {
      return Optional.of(DAT);
    }
    for (QualityLevel l : values()) {
      if (l.letter.equals(t)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
