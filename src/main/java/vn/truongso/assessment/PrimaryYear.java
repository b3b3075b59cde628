package vn.truongso.assessment;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A primary student's year as the year-end evaluation reads it (TT27 art. 9.2, 11, 13): every
 * subject and activity at the end of the year, with the end-of-year periodic test where the grade's
 * plan has one; the homeroom teacher's levels of the qualities and competencies; the teacher's
 * commendation proposal; and what came after a Chưa hoàn thành.
 *
 * @param outstandingAgreed art. 13.1b: the homeroom teacher proposed the student for an outstanding
 *     achievement in a subject or remarkable progress in a quality or competency, and the class
 *     agreed
 * @param supplementary the supplementary assessment's values (art. 12.2), replacing the year-end
 *     ones they name; null until it takes place
 * @param individualPlan art. 10: a student with a disability assessed on an individual education
 *     plan, whose result the principal decides
 * @param principalPromotes the principal's decision when the evaluation leaves it to them (after a
 *     failed supplementary assessment or on an individual plan); null until decided
 */
public record PrimaryYear(
    int grade,
    List<PrimarySubject> subjects,
    Map<Quality, QualityLevel> qualities,
    Map<Competence, QualityLevel> competences,
    boolean outstandingAgreed,
    @Nullable Supplementary supplementary,
    boolean individualPlan,
    @Nullable Boolean principalPromotes) {

  public PrimaryYear {
    subjects = List.copyOf(subjects);
    qualities = Map.copyOf(qualities);
    competences = Map.copyOf(competences);
  }

  /**
   * A subject or activity at the end of the year: {@code tested} when the grade's plan has an
   * end-of-year periodic test in it (the curriculum data says so, not the code), {@code score} that
   * test's whole-number score.
   */
  public record PrimarySubject(
      String code, @Nullable PrimaryLevel level, boolean tested, @Nullable Integer score) {}

  /** The re-assessed values only: what they name replaces the year-end value. */
  public record Supplementary(
      List<PrimarySubject> subjects,
      Map<Quality, QualityLevel> qualities,
      Map<Competence, QualityLevel> competences) {
    public Supplementary {
      subjects = List.copyOf(subjects);
      qualities = Map.copyOf(qualities);
      competences = Map.copyOf(competences);
    }
  }
}
