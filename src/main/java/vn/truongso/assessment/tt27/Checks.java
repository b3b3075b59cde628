package vn.truongso.assessment.tt27;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYear.PrimarySubject;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Quality;

/**
 * What a year needs before its result can be made, each gap named by its field: every subject's
 * year-end level, the end-of-year test score where the grade's plan has a test and none where it
 * has not, each score a whole number 0–10 (TT27 art. 7.2: "cho điểm theo thang điểm 10, không cho
 * điểm thập phân"), and the five qualities and ten competencies (art. 6.2).
 */
final class Checks {

  private Checks() {}

  static List<Problem> of(PrimaryYear y) {
    List<Problem> problems = new ArrayList<>();
    if (y.grade() < 1 || y.grade() > 5) {
      problems.add(Problem.of("grade", "primary.grade", y.grade()));
    }
    if (y.subjects().isEmpty()) {
      problems.add(Problem.of("subjects", "primary.subjects.none"));
    }
    subjects("subjects", y.subjects(), true, problems);
    for (Quality q : Quality.values()) {
      if (!y.qualities().containsKey(q)) {
        problems.add(Problem.of("qualities." + q.name(), "primary.quality.missing", q.name()));
      }
    }
    for (Competence c : Competence.values()) {
      if (!y.competences().containsKey(c)) {
        problems.add(Problem.of("competences." + c.name(), "primary.competence.missing", c.name()));
      }
    }
    PrimaryYear.Supplementary s = y.supplementary();
    if (s != null) {
      subjects("supplementary.subjects", s.subjects(), false, problems);
    }
    return problems;
  }

  private static void subjects(
      String path, List<PrimarySubject> subjects, boolean levelNeeded, List<Problem> out) {
    for (int i = 0; i < subjects.size(); i++) {
      PrimarySubject s = subjects.get(i);
      String at = path + "[" + i + "]";
      if (s.level() == null && levelNeeded) {
        out.add(Problem.of(at + ".level", "primary.level.missing", s.code()));
      }
      Integer score = s.score();
      if (s.tested() && score == null && levelNeeded) {
        out.add(Problem.of(at + ".score", "primary.score.missing", s.code()));
      }
      if (!s.tested() && score != null) {
        out.add(Problem.of(at + ".score", "primary.score.notTested", s.code()));
      }
      if (score != null && (score < 0 || score > 10)) {
        out.add(Problem.of(at + ".score", "primary.score.range", score));
      }
    }
  }

  /** A typed score: a whole number 0–10, or the problem with it. */
  static Optional<Problem> score(String path, String typed) {
    String t = typed.strip().replace(',', '.');
    BigDecimal v;
    try {
      v = new BigDecimal(t);
    } catch (NumberFormatException e) {
      return Optional.of(Problem.of(path, "primary.score.range", typed));
    }
    if (v.stripTrailingZeros().scale() > 0) {
      return Optional.of(Problem.of(path, "primary.score.decimal", typed));
    }
    if (v.compareTo(BigDecimal.ZERO) < 0 || v.compareTo(BigDecimal.TEN) > 0) {
      return Optional.of(Problem.of(path, "primary.score.range", typed));
    }
    return Optional.empty();
  }
}
