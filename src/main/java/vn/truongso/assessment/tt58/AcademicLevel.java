package vn.truongso.assessment.tt58;

import static vn.truongso.assessment.Level.GIOI;
import static vn.truongso.assessment.Level.KEM;
import static vn.truongso.assessment.Level.KHA;
import static vn.truongso.assessment.Level.TB;
import static vn.truongso.assessment.Level.YEU;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;

/**
 * TT58 art. 13 (học lực). Giỏi — overall average ≥ 8.0, Toán or Ngữ văn ≥ 8.0, no subject below
 * 6.5, every comment subject Đ; Khá — 6.5, 6.5, none below 5.0, comments Đ; Trung bình — 5.0, 5.0,
 * none below 3.5, comments Đ; Yếu — average ≥ 3.5 and none below 2.0; Kém otherwise. Art. 13.6:
 * when the average reaches Giỏi or Khá but one subject alone pulls the level down, Giỏi→Tb becomes
 * Khá, Giỏi→Yếu Tb, Khá→Yếu Tb, Khá→Kém Yếu.
 */
final class AcademicLevel {
  static final List<Level> ORDER = List.of(GIOI, KHA, TB, YEU, KEM);

  /** Giỏi, Khá, Trung bình, best first: overall average, Toán or Ngữ văn, every subject. */
  private static final List<Thresholds> THRESHOLDS =
      List.of(
          new Thresholds(GIOI, "8.0", "8.0", "6.5"),
          new Thresholds(KHA, "6.5", "6.5", "5.0"),
          new Thresholds(TB, "5.0", "5.0", "3.5"));

  private record Thresholds(Level level, String overall, String mathOrLiterature, String each) {}

  private AcademicLevel() {}

  /**
   * @param scores subject code → average, for the scored subjects that count
   */
  static Level byThresholds(
      BigDecimal overall, Map<String, BigDecimal> scores, List<Comment> comments) {
    return level(overall, scores, comments, null, -1);
  }

  static Adjusted level(
      BigDecimal overall, Map<String, BigDecimal> scores, List<Comment> comments) {
    Level level = byThresholds(overall, scores, comments);
    Level byAverage =
        overall.compareTo(new BigDecimal("8.0")) >= 0
            ? GIOI
            : overall.compareTo(new BigDecimal("6.5")) >= 0 ? KHA : null;
    if (byAverage == null || level == byAverage) {
      return new Adjusted(level, false);
    }
    boolean oneSubject = false;
    for (String code : scores.keySet()) {
      oneSubject |= rank(level(overall, scores, comments, code, -1)) <= rank(byAverage);
    }
    for (int i = 0; i < comments.size(); i++) {
      oneSubject |= rank(level(overall, scores, comments, null, i)) <= rank(byAverage);
    }
    if (!oneSubject) {
      return new Adjusted(level, false);
    }
    Level adjusted =
        switch (byAverage) {
          case GIOI -> level == TB ? KHA : level == YEU ? TB : level;
          default -> level == YEU ? TB : level == KEM ? YEU : level;
        };
    return new Adjusted(adjusted, adjusted != level);
  }

  static int rank(Level l) {
    return ORDER.indexOf(l);
  }

  record Adjusted(Level level, boolean raised) {}

  /** The level, with one subject's shortfall overlooked (by code, or a comment by index). */
  private static Level level(
      BigDecimal overall,
      Map<String, BigDecimal> scores,
      List<Comment> comments,
      @Nullable String overlookedSubject,
      int overlookedComment) {
    boolean commentsDat = true;
    for (int i = 0; i < comments.size(); i++) {
      commentsDat &= i == overlookedComment || comments.get(i) == Comment.DAT;
    }
    for (Thresholds t : THRESHOLDS) {
      if (commentsDat
          && overall.compareTo(new BigDecimal(t.overall())) >= 0
          && mathOrLiterature(scores, new BigDecimal(t.mathOrLiterature()), overlookedSubject)
          && noneBelow(scores, new BigDecimal(t.each()), overlookedSubject)) {
        return t.level();
      }
    }
    if (overall.compareTo(new BigDecimal("3.5")) >= 0
        && noneBelow(scores, new BigDecimal("2.0"), overlookedSubject)) {
      return YEU;
    }
    return KEM;
  }

  private static boolean mathOrLiterature(
      Map<String, BigDecimal> scores, BigDecimal threshold, @Nullable String overlooked) {
    for (String code : List.of("toan", "ngu_van")) {
      if (code.equals(overlooked)
          || (scores.containsKey(code) && scores.get(code).compareTo(threshold) >= 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean noneBelow(
      Map<String, BigDecimal> scores, BigDecimal threshold, @Nullable String overlooked) {
    return scores.entrySet().stream()
        .allMatch(e -> e.getKey().equals(overlooked) || e.getValue().compareTo(threshold) >= 0);
  }
}
