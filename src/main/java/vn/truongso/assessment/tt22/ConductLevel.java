package vn.truongso.assessment.tt22;

import static vn.truongso.assessment.Level.CHUA_DAT;
import static vn.truongso.assessment.Level.DAT;
import static vn.truongso.assessment.Level.KHA;
import static vn.truongso.assessment.Level.TOT;

import vn.truongso.assessment.Level;

/**
 * TT22 art. 8.2: the year's conduct follows from the two terms' — Tốt when term II is Tốt and term
 * I Khá or better; Khá when term II is Khá and term I Đạt or better, term II Đạt and term I Tốt, or
 * term II Tốt and term I Đạt or Chưa đạt; Đạt when term II is Đạt and term I Khá, Đạt or Chưa đạt,
 * or term II Khá and term I Chưa đạt; Chưa đạt otherwise.
 */
final class ConductLevel {
  private ConductLevel() {}

  static Level year(Level term1, Level term2) {
    return switch (term2) {
      case TOT -> term1 == TOT || term1 == KHA ? TOT : KHA;
      case KHA -> term1 == CHUA_DAT ? DAT : KHA;
      case DAT -> term1 == TOT ? KHA : DAT;
      default -> CHUA_DAT;
    };
  }
}
