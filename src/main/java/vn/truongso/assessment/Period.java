package vn.truongso.assessment;

import java.util.Optional;

/**
 * A period for which the homeroom teacher records a secondary student's conduct (rèn luyện, TT22
 * art. 8; hạnh kiểm, TT58 art. 4–5): each term, the year where the circular has the teacher give it
 * (TT58) rather than derive it from the terms (TT22 art. 8.2), and the summer's after re-training
 * (TT22 art. 13; TT58 art. 17). The names are the codes stored and shown ({@code HK1}, {@code HK2},
 * {@code CN}, {@code HE}).
 */
public enum Period {
  /** Học kỳ I. */
  HK1(1, 1),
  /** Học kỳ II. */
  HK2(2, 2),
  /** Cả năm: recorded with term II and frozen by its approval. */
  CN(2, 2),
  /** Hè: after the year's approval, so no approval freezes it; term II's gate and its own date. */
  HE(2, 0);

  private final int term;
  private final int approvalTerm;

  Period(int term, int approvalTerm) {
    this.term = term;
    this.approvalTerm = approvalTerm;
  }

  /** The term of a period's cells: the locks, deadlines and gates of that term apply. */
  public int term() {
    return term;
  }

  /** The term whose approval freezes the period; 0 when none does (the summer's). */
  public int approvalTerm() {
    return approvalTerm;
  }

  /**
   * Whether the period spans a term (1, 2): each term its own, the year both, the summer none. An
   * exemption (TT22 art. 10; TT58 art. 12) is granted for such a period too.
   */
  public boolean covers(int term) {
    return switch (this) {
      case HK1 -> term == 1;
      case HK2 -> term == 2;
      case CN -> term == 1 || term == 2;
      case HE -> false;
    };
  }

  /** Whether this is the summer's conduct, entered after the year with the re-tests. */
  public boolean summer() {
    return this == HE;
  }

  /** The term's own period: {@code HK1} or {@code HK2}. */
  public static Period ofTerm(int term) {
    return switch (term) {
      case 1 -> HK1;
      case 2 -> HK2;
      default -> throw new IllegalArgumentException("term " + term);
    };
  }

  /** The period a code names, or empty for an unknown code. */
  public static Optional<Period> parse(String code) {
    for (Period p : values()) {
      if (p.name().equals(code)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
