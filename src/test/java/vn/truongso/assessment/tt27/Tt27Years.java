package vn.truongso.assessment.tt27;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PrimaryLevel;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYear.PrimarySubject;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;

/**
 * Compact primary years for the policy tests: subjects {@code "toan=T:9 dao_duc=H"} (a score makes
 * the subject tested) and levels {@code "T;CHAM_CHI=D"} (every quality and competency T but those
 * named).
 */
final class Tt27Years {

  private Tt27Years() {}

  static PrimaryYear year(
      int grade,
      String subjects,
      String levels,
      boolean outstanding,
      PrimaryYear.@Nullable Supplementary supplementary,
      boolean individualPlan,
      @Nullable Boolean principal) {
    String[] parts = levels.split(";");
    QualityLevel all = QualityLevel.ofLetter(parts[0]).orElseThrow();
    Map<Quality, QualityLevel> qualities = new EnumMap<>(Quality.class);
    Map<Competence, QualityLevel> competences = new EnumMap<>(Competence.class);
    for (Quality q : Quality.values()) {
      qualities.put(q, all);
    }
    for (Competence c : Competence.values()) {
      competences.put(c, all);
    }
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=");
      QualityLevel l = QualityLevel.ofLetter(kv[1]).orElseThrow();
      try {
        qualities.put(Quality.valueOf(kv[0]), l);
      } catch (IllegalArgumentException notAQuality) {
        competences.put(Competence.valueOf(kv[0]), l);
      }
    }
    return new PrimaryYear(
        grade,
        subjects(subjects),
        qualities,
        competences,
        outstanding,
        supplementary,
        individualPlan,
        principal);
  }

  static PrimaryYear year(String subjects, String levels, boolean outstanding) {
    return year(3, subjects, levels, outstanding, null, false, null);
  }

  static List<PrimarySubject> subjects(String spec) {
    List<PrimarySubject> out = new ArrayList<>();
    for (String item : spec.trim().split("\\s+")) {
      String[] kv = item.split("=");
      String[] levelScore = kv[1].split(":");
      PrimaryLevel level =
          levelScore[0].isEmpty() ? null : PrimaryLevel.ofLetter(levelScore[0]).orElseThrow();
      Integer score = levelScore.length > 1 ? Integer.valueOf(levelScore[1]) : null;
      out.add(new PrimarySubject(kv[0], level, score != null, score));
    }
    return out;
  }
}
