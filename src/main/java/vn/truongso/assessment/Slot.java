package vn.truongso.assessment;

import java.util.Optional;

/**
 * A column of the grade book in which a subject teacher enters one mark of a term: the regular
 * assessments (đánh giá thường xuyên, TT22 art. 6; kiểm tra thường xuyên, TT58 art. 7), the
 * mid-term and the end-of-term assessment (đánh giá giữa kỳ, cuối kỳ: TT22 art. 7), and the summer
 * re-assessment after the year (đánh giá lại, TT22 art. 14; kiểm tra lại, TT58 art. 16), kept on
 * term II.
 *
 * <p>The names are the codes the database, the files and the message keys ({@code
 * gradebook.slot.TX1} …) use; the score table's constraint holds exactly this set, and a test keeps
 * them equal. A new circular's columns (the primary periodic tests of TT27 art. 7) are added here
 * and by a migration, never as literals in the code that uses them.
 */
public enum Slot {
  TX1,
  TX2,
  TX3,
  TX4,
  GK,
  CK,
  RETEST;

  /** The most regular assessments of a subject in a term (TT22 art. 6.2: over 70 periods). */
  public static final int MAX_REGULAR = 4;

  /** The {@code n}th regular assessment, from 1. */
  public static Slot regular(int n) {
    if (n < 1 || n > MAX_REGULAR) {
      throw new IllegalArgumentException("regular assessment " + n);
    }
    return values()[n - 1];
  }

  /** The slot a code names, or empty for an unknown code (a tampered form, an old file). */
  public static Optional<Slot> parse(String code) {
    for (Slot s : values()) {
      if (s.name().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Whether a code names a regular assessment; false for any other or unknown code. */
  public static boolean isRegular(String code) {
    return parse(code).map(Slot::regular).orElse(false);
  }

  /** Whether this is a regular assessment (TX1–TX4). */
  public boolean regular() {
    return ordinal() < MAX_REGULAR;
  }

  /** The number of a regular assessment, from 1. */
  public int regularNumber() {
    if (!regular()) {
      throw new IllegalStateException(name() + " is not a regular assessment");
    }
    return ordinal() + 1;
  }

  /** Whether this is a test the school dates: the mid-term or the end-of-term assessment. */
  public boolean periodic() {
    return this == GK || this == CK;
  }

  /** Whether this column is entered in the summer, after the year's results (TT22 art. 14). */
  public boolean summer() {
    return this == RETEST;
  }
}
