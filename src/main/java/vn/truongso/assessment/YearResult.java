package vn.truongso.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a policy computes for a student's year. {@code learningAfterRetest} and {@code
 * conductAfterSummer} are set once the summer values are given; {@code outcome} is then final.
 * {@code overall*} are TT58's plain means of the subject averages (null under TT22, which has
 * none).
 */
public record YearResult(
    PolicyCode policy,
    List<SubjectResult> subjects,
    Level learningTerm1,
    Level learningTerm2,
    Level learningYear,
    Level learningAfterRetest,
    Level conductYear,
    Level conductAfterSummer,
    Outcome outcome,
    List<String> retestSubjects,
    Title title,
    BigDecimal overallTerm1,
    BigDecimal overallTerm2,
    BigDecimal overallYear,
    List<Finding> findings) {
  public YearResult {
    subjects = List.copyOf(subjects);
    retestSubjects = List.copyOf(retestSubjects);
    findings = List.copyOf(findings);
  }
}
