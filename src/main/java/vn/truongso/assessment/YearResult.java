package vn.truongso.assessment;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
    @Nullable Level learningAfterRetest,
    Level conductYear,
    @Nullable Level conductAfterSummer,
    Outcome outcome,
    List<String> retestSubjects,
    @Nullable Title title,
    @Nullable BigDecimal overallTerm1,
    @Nullable BigDecimal overallTerm2,
    @Nullable BigDecimal overallYear,
    List<Finding> findings) {
  public YearResult {
    subjects = List.copyOf(subjects);
    retestSubjects = List.copyOf(retestSubjects);
    findings = List.copyOf(findings);
  }
}
