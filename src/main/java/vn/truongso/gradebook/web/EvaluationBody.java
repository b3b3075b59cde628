package vn.truongso.gradebook.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON bodies of a stateless evaluation, field for field as the API documents them (the
 * examples under {@code api-examples/assessment}). Names and order are pinned here, not left to the
 * mapper's defaults, so the answer stays the same whichever mapper writes it (the server's or the
 * {@code evaluate} command's). A null value is written as null, except where a field is marked as
 * present only when it applies.
 */
sealed interface EvaluationBody {

  /** A record the policy could not evaluate: one error per field, in the asker's language. */
  @JsonPropertyOrder({"title", "errors"})
  record Invalid(String title, List<Error> errors) implements EvaluationBody {}

  @JsonPropertyOrder({"field", "code", "message"})
  record Error(String field, String code, String message) {}

  /** Every value the circular computes, with the articles that decided them. */
  @JsonPropertyOrder({
    "policy",
    "subjects",
    "learning",
    "overallAverage",
    "conductYear",
    "conductAfterSummer",
    "outcome",
    "retestSubjects",
    "title",
    "findings"
  })
  record Results(
      String policy,
      List<Subject> subjects,
      Learning learning,
      // only when the policy computes an overall average
      @JsonInclude(JsonInclude.Include.NON_NULL) Averages overallAverage,
      String conductYear,
      String conductAfterSummer,
      String outcome,
      List<String> retestSubjects,
      String title,
      List<FindingText> findings)
      implements EvaluationBody {}

  /** A primary year's result (TT27/2020 art. 9.2, 11, 13). */
  @JsonPropertyOrder({
    "policy",
    "result",
    "resultBeforeSupplementary",
    "outcome",
    "completedProgramme",
    "completedPrimary",
    "commendation"
  })
  record PrimaryResults(
      String policy,
      String result,
      // only after a supplementary assessment
      @JsonInclude(JsonInclude.Include.NON_NULL) String resultBeforeSupplementary,
      String outcome,
      boolean completedProgramme,
      boolean completedPrimary,
      String commendation)
      implements EvaluationBody {}

  /** A subject's results: averages for a scored subject, levels for a commented one. */
  sealed interface Subject {}

  @JsonPropertyOrder({
    "code",
    "kind",
    "exempt",
    "term1Average",
    "term2Average",
    "yearAverage",
    "yearAfterRetest"
  })
  record ScoreSubject(
      String code,
      String kind,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean exempt,
      BigDecimal term1Average,
      BigDecimal term2Average,
      BigDecimal yearAverage,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object yearAfterRetest)
      implements Subject {}

  @JsonPropertyOrder({
    "code",
    "kind",
    "exempt",
    "term1Result",
    "term2Result",
    "yearResult",
    "yearAfterRetest"
  })
  record CommentSubject(
      String code,
      String kind,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean exempt,
      String term1Result,
      String term2Result,
      String yearResult,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object yearAfterRetest)
      implements Subject {}

  @JsonPropertyOrder({"term1", "term2", "year", "yearAfterRetest"})
  record Learning(String term1, String term2, String year, String yearAfterRetest) {}

  @JsonPropertyOrder({"term1", "term2", "year"})
  record Averages(BigDecimal term1, BigDecimal term2, BigDecimal year) {}

  @JsonPropertyOrder({"code", "message"})
  record FindingText(String code, String message) {}
}
