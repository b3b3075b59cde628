package vn.truongso.assessment.tt22;

import static vn.truongso.assessment.Level.CHUA_DAT;
import static vn.truongso.assessment.Level.DAT;
import static vn.truongso.assessment.Level.KHA;
import static vn.truongso.assessment.Level.TOT;

import java.math.BigDecimal;
import java.util.List;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;

/**
 * TT22 art. 9.2: the learning result of a term (on term averages) or the year (on year averages).
 * Tốt — every comment subject Đạt, every scored subject ≥ 6.5 and at least six ≥ 8.0; Khá — every
 * comment subject Đạt, every scored subject ≥ 5.0 and at least six ≥ 6.5; Đạt — at most one comment
 * subject Chưa đạt, at least six scored subjects ≥ 5.0 and none below 3.5; Chưa đạt otherwise. Art.
 * 9.3: a level two or more below Tốt or Khá because of one single subject is raised to the level
 * just above it.
 */
final class LearningLevel {
  private static final List<Level> ORDER = List.of(TOT, KHA, DAT, CHUA_DAT);
  private static final BigDecimal B3_5 = new BigDecimal("3.5");
  private static final BigDecimal B5 = new BigDecimal("5.0");
  private static final BigDecimal B6_5 = new BigDecimal("6.5");
  private static final BigDecimal B8 = new BigDecimal("8.0");

  private LearningLevel() {}

  /** The level by the thresholds alone (art. 9.2). */
  static Level byThresholds(List<BigDecimal> scores, List<Comment> comments) {
    return byThresholds(scores, -1, comments, -1);
  }

  /** The level with one scored subject or one comment subject left out (-1: none). */
  private static Level byThresholds(
      List<BigDecimal> scores, int skipScore, List<Comment> comments, int skipComment) {
    int notDat = 0;
    for (int i = 0; i < comments.size(); i++) {
      if (i != skipComment && comments.get(i) != Comment.DAT) {
        notDat++;
      }
    }
    boolean below3_5 = false;
    boolean below5 = false;
    boolean below6_5 = false;
    int from5 = 0;
    int from6_5 = 0;
    int from8 = 0;
    for (int i = 0; i < scores.size(); i++) {
      if (i == skipScore) {
        continue;
      }
      BigDecimal s = scores.get(i);
      below3_5 |= s.compareTo(B3_5) < 0;
      boolean at5 = s.compareTo(B5) >= 0;
      boolean at6_5 = s.compareTo(B6_5) >= 0;
      below5 |= !at5;
      below6_5 |= !at6_5;
      from5 += at5 ? 1 : 0;
      from6_5 += at6_5 ? 1 : 0;
      from8 += s.compareTo(B8) >= 0 ? 1 : 0;
    }
    if (notDat == 0 && !below6_5 && from8 >= 6) {
      return TOT;
    }
    if (notDat == 0 && !below5 && from6_5 >= 6) {
      return KHA;
    }
    if (notDat <= 1 && from5 >= 6 && !below3_5) {
      return DAT;
    }
    return CHUA_DAT;
  }

  /** The level after art. 9.3's adjustment, and whether the adjustment raised it. */
  static Adjusted level(
      List<BigDecimal> scores, List<Comment> comments, boolean commentSubjectMayAdjust) {
    Level level = byThresholds(scores, comments);
    // Only Đạt or Chưa đạt can lie two levels below Tốt or Khá.
    if (rank(level) < 2) {
      return new Adjusted(level, false);
    }
    Level target = CHUA_DAT;
    // The subject alone to blame: the others, without it, reach Tốt or Khá.
    for (int i = 0; i < scores.size(); i++) {
      target = better(target, byThresholds(scores, i, comments, -1));
    }
    if (commentSubjectMayAdjust) {
      for (int i = 0; i < comments.size(); i++) {
        target = better(target, byThresholds(scores, -1, comments, i));
      }
    }
    boolean reachable = target == TOT || target == KHA;
    if (reachable && rank(level) - rank(target) >= 2) {
      return new Adjusted(ORDER.get(rank(level) - 1), true);
    }
    return new Adjusted(level, false);
  }

  static int rank(Level l) {
    return switch (l) {
      case TOT -> 0;
      case KHA -> 1;
      case DAT -> 2;
      default -> 3;
    };
  }

  record Adjusted(Level level, boolean raised) {}

  private static Level better(Level a, Level b) {
    return rank(a) <= rank(b) ? a : b;
  }
}
