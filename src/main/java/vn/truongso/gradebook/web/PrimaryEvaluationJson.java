package vn.truongso.gradebook.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.PrimaryLevel;
import vn.truongso.assessment.PrimaryPolicy;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYear.PrimarySubject;
import vn.truongso.assessment.PrimaryYearResult;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;

/**
 * The stateless evaluation of a primary year (TT27/2020): reads the record field by field, naming
 * every mistake by its path as the secondary reader does, and writes the year-end result,
 * completion and commendation.
 */
final class PrimaryEvaluationJson {

  private final Function<List<Problem>, EvaluationJson.Answer> invalid;
  private final List<Problem> problems = new ArrayList<>();

  PrimaryEvaluationJson(Function<List<Problem>, EvaluationJson.Answer> invalid) {
    this.invalid = invalid;
  }

  EvaluationJson.Answer evaluate(PolicyCode code, JsonNode root) {
    PrimaryPolicy policy = Policies.primary(code);
    PrimaryYear year = read(root, policy);
    List<Problem> all = new ArrayList<>(problems);
    java.util.Set<String> named =
        problems.stream().map(Problem::path).collect(java.util.stream.Collectors.toSet());
    policy.check(year).stream().filter(p -> !named.contains(p.path())).forEach(all::add);
    if (!all.isEmpty()) {
      return invalid.apply(all);
    }
    try {
      PrimaryYearResult r = policy.evaluate(year);
      return new EvaluationJson.Answer(
          true,
          new EvaluationBody.PrimaryResults(
              code.name(),
              r.result().name(),
              r.beforeSupplementary() == null ? null : r.beforeSupplementary().name(),
              r.outcome().name(),
              r.completedProgramme(),
              r.completedPrimary(),
              r.commendation() == null ? null : r.commendation().name()));
    } catch (InvalidRecordException e) {
      return invalid.apply(e.problems());
    }
  }

  private PrimaryYear read(JsonNode root, PrimaryPolicy policy) {
    JsonNode grade = root.get("grade");
    int g = grade != null && grade.isInt() ? grade.asInt() : 0;
    if (grade == null || !grade.isInt()) {
      problems.add(Problem.of("grade", "primary.grade", grade == null ? "" : grade.toString()));
    }
    PrimaryYear.Supplementary supplementary = null;
    JsonNode s = root.get("supplementary");
    if (s != null && !s.isNull()) {
      supplementary =
          new PrimaryYear.Supplementary(
              subjects(s.get("subjects"), "supplementary.subjects", policy),
              levels(s.get("qualities"), "supplementary.qualities", Quality.class),
              levels(s.get("competences"), "supplementary.competences", Competence.class));
    }
    JsonNode decision = root.get("principalPromotes");
    return new PrimaryYear(
        g,
        subjects(root.get("subjects"), "subjects", policy),
        levels(root.get("qualities"), "qualities", Quality.class),
        levels(root.get("competences"), "competences", Competence.class),
        flag(root.get("outstandingAgreed")),
        supplementary,
        flag(root.get("individualPlan")),
        decision == null || decision.isNull() ? null : decision.asBoolean());
  }

  private List<PrimarySubject> subjects(JsonNode list, String path, PrimaryPolicy policy) {
    List<PrimarySubject> out = new ArrayList<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      problems.add(Problem.of(path, "subjects.notAList"));
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode n = list.get(i);
      String at = path + "[" + i + "]";
      String code = n.path("code").asString("");
      PrimaryLevel level = null;
      JsonNode l = n.get("level");
      if (l != null && !l.isNull()) {
        level = PrimaryLevel.ofLetter(l.asString("")).orElse(null);
        if (level == null) {
          problems.add(Problem.of(at + ".level", "primary.level.invalid", EvaluationJson.typed(l)));
        }
      }
      Integer score = null;
      JsonNode sc = n.get("score");
      if (sc != null && !sc.isNull()) {
        String typed = sc.isString() ? sc.asString() : sc.toString();
        var problem = policy.scoreProblem(at + ".score", typed);
        problem.ifPresent(problems::add);
        score =
            problem.isPresent()
                ? null
                : new java.math.BigDecimal(typed.replace(',', '.')).intValue();
      }
      JsonNode tested = n.get("tested");
      boolean isTested = tested == null || tested.isNull() ? sc != null : tested.asBoolean();
      out.add(new PrimarySubject(code, level, isTested, score));
    }
    return out;
  }

  private <K extends Enum<K>> Map<K, QualityLevel> levels(JsonNode n, String path, Class<K> keys) {
    Map<K, QualityLevel> out = new EnumMap<>(keys);
    if (n == null || n.isNull()) {
      return out;
    }
    for (var e : n.properties()) {
      String at = path + "." + e.getKey();
      K key;
      try {
        key = Enum.valueOf(keys, e.getKey());
      } catch (IllegalArgumentException unknown) {
        problems.add(Problem.of(at, "primary.name.unknown", e.getKey()));
        continue;
      }
      QualityLevel level = QualityLevel.ofLetter(e.getValue().asString("")).orElse(null);
      if (level == null) {
        problems.add(Problem.of(at, "primary.quality.invalid", EvaluationJson.typed(e.getValue())));
      } else {
        out.put(key, level);
      }
    }
    return out;
  }

  private static boolean flag(JsonNode n) {
    return n != null && n.asBoolean(false);
  }
}
