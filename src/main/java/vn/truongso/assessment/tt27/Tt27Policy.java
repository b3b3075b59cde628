package vn.truongso.assessment.tt27;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.PrimaryPolicy;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYear.PrimarySubject;
import vn.truongso.assessment.PrimaryYearResult;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;

/** Thông tư 27/2020/TT-BGDĐT, grades 1–5 (all of them since 2024–25). */
public final class Tt27Policy implements PrimaryPolicy {

  public static final Tt27Policy INSTANCE = new Tt27Policy();

  private Tt27Policy() {}

  @Override
  public PolicyCode code() {
    return PolicyCode.TT27_2020;
  }

  /** A primary sheet has no secondary columns: its points are {@code PrimaryPoint}s. */
  @Override
  public List<Slot> sheetSlots(SubjectKind kind, int periodsPerYear) {
    return List.of();
  }

  @Override
  public List<Problem> check(PrimaryYear year) {
    return Checks.of(year);
  }

  @Override
  public Optional<Problem> scoreProblem(String path, String typed) {
    return Checks.score(path, typed);
  }

  @Override
  public PrimaryYearResult evaluate(PrimaryYear y) {
    List<Problem> problems = check(y);
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    PrimaryResult atYearEnd = YearResults.of(y.subjects(), levels(y.qualities(), y.competences()));
    PrimaryYear.Supplementary s = y.supplementary();
    PrimaryResult result = atYearEnd;
    if (s != null && !atYearEnd.completes()) {
      Map<Quality, QualityLevel> qualities = new LinkedHashMap<>(y.qualities());
      qualities.putAll(s.qualities());
      Map<Competence, QualityLevel> competences = new LinkedHashMap<>(y.competences());
      competences.putAll(s.competences());
      result = YearResults.of(replaced(y.subjects(), s.subjects()), levels(qualities, competences));
    }
    boolean supplemented = s != null && !atYearEnd.completes();
    Outcome outcome =
        Completion.outcome(result, supplemented, y.individualPlan(), y.principalPromotes());
    boolean completed = result.completes() && outcome == Outcome.PROMOTED;
    return new PrimaryYearResult(
        result,
        supplemented ? atYearEnd : null,
        outcome,
        completed,
        completed && y.grade() == 5,
        Commendations.of(result, y.outstandingAgreed()));
  }

  private static List<QualityLevel> levels(
      Map<Quality, QualityLevel> qualities, Map<Competence, QualityLevel> competences) {
    List<QualityLevel> all = new ArrayList<>(qualities.values());
    all.addAll(competences.values());
    return all;
  }

  /** The year-end subjects with the re-assessed ones in their place (level and score). */
  private static List<PrimarySubject> replaced(
      List<PrimarySubject> yearEnd, List<PrimarySubject> again) {
    List<PrimarySubject> out = new ArrayList<>();
    for (PrimarySubject s : yearEnd) {
      PrimarySubject r =
          again.stream().filter(a -> a.code().equals(s.code())).findFirst().orElse(null);
      if (r == null) {
        out.add(s);
      } else {
        out.add(
            new PrimarySubject(
                s.code(),
                r.level() != null ? r.level() : s.level(),
                s.tested(),
                r.score() != null ? r.score() : s.score()));
      }
    }
    return out;
  }
}
