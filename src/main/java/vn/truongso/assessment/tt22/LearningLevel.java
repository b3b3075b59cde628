package vn.truongso.assessment.tt22;

import static vn.truongso.assessment.Level.CHUA_DAT;
import static vn.truongso.assessment.Level.DAT;
import static vn.truongso.assessment.Level.KHA;
import static vn.truongso.assessment.Level.TOT;

import java.math.BigDecimal;
import java.util.ArrayList;
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
    long notDat = comments.stream().filter(c -> c != Comment.DAT).count();
    if (notDat == 0 && none(scores, B6_5) && atLeast(scores, B8) >= 6) {
      return TOT;
    }
    if (notDat == 0 && none(scores, B5) && atLeast(scores, B6_5) >= 6) {
      return KHA;
    }
    if (notDat <= 1 && atLeast(scores, B5) >= 6 && none(scores, B3_5)) {
      return DAT;
    }
    return CHUA_DAT;
  }

  /** The level after art. 9.3's adjustment, and whether the adjustment raised it. */
  static Adjusted level(
      List<BigDecimal> scores, List<Comment> comments, boolean commentSubjectMayAdjust) {
    Level level = byThresholds(scores, comments);
    Level target = CHUA_DAT;
    // The subject alone to blame: the others, without it, reach Tốt or Khá.
    for (int i = 0; i < scores.size(); i++) {
      List<BigDecimal> others = new ArrayList<>(scores);
      others.remove(i);
      target = better(target, byThresholds(others, comments));
    }
    if (commentSubjectMayAdjust) {
      for (int i = 0; i < comments.size(); i++) {
        List<Comment> others = new ArrayList<>(comments);
        others.remove(i);
        target = better(target, byThresholds(scores, others));
      }
    }
    boolean reachable = target == TOT || target == KHA;
    if (reachable && rank(level) - rank(target) >= 2) {
      return new Adjusted(ORDER.get(rank(level) - 1), true);
    }
    return new Adjusted(level, false);
  }

  static int rank(Level l) {
    return ORDER.indexOf(l);
  }

  record Adjusted(Level level, boolean raised) {}

  private static Level better(Level a, Level b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static boolean none(List<BigDecimal> scores, BigDecimal below) {
    return scores.stream().noneMatch(s -> s.compareTo(below) < 0);
  }

  private static long atLeast(List<BigDecimal> scores, BigDecimal threshold) {
    return scores.stream().filter(s -> s.compareTo(threshold) >= 0).count();
  }
}
