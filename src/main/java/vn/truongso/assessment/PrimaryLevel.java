package vn.truongso.assessment;

import java.util.Optional;

/**
 * TT27 art. 6.1: a subject's or an educational activity's level at an assessment point, written T,
 * H or C in the books.
 */
public enum PrimaryLevel {
  /** Hoàn thành tốt. */
  HOAN_THANH_TOT("T"),
  /** Hoàn thành. */
  HOAN_THANH("H"),
  /** Chưa hoàn thành. */
  CHUA_HOAN_THANH("C");

  private final String letter;

  PrimaryLevel(String letter) {
    this.letter = letter;
  }

  /** The letter the books and the keyboard use. */
  public String letter() {
    return letter;
  }

  /** The level of a typed letter (T, H, C in either case); empty for anything else. */
  public static Optional<PrimaryLevel> ofLetter(String typed) {
    String t = typed.strip().toUpperCase(java.util.Locale.ROOT);
    for (PrimaryLevel l : values()) {
      if (l.letter.equals(t)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
