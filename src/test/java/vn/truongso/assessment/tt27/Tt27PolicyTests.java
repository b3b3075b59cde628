package vn.truongso.assessment.tt27;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PrimaryCommendation;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYearResult;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;

/**
 * TT27/2020: the year-end result (art. 9.2) at every boundary, the commendations (art. 13.1), the
 * supplementary assessment and the principal's decision (art. 11, 12.2, 10), and the checks that
 * name each gap before a result is made (art. 6, 7.2).
 */
class Tt27PolicyTests {

  private final Tt27Policy policy = Tt27Policy.INSTANCE;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/assessment/tt27/year-results.csv", numLinesToSkip = 1)
  void yearEndResultAndCommendation(
      String article,
      String why,
      String subjects,
      String levels,
      String outstanding,
      PrimaryResult result,
      PrimaryCommendation commendation) {
    PrimaryYearResult r =
        policy.evaluate(Tt27Years.year(subjects, levels, outstanding.equals("yes")));
    assertThat(r.result()).isEqualTo(result);
    assertThat(r.commendation()).isEqualTo(commendation);
    assertThat(r.completedProgramme()).isEqualTo(result.completes());
    assertThat(r.outcome()).isEqualTo(result.completes() ? Outcome.PROMOTED : Outcome.RETEST);
  }

  @Test
  void aSupplementaryAssessmentMakesTheResultAgain() {
    // TT27 art. 12.2: Chưa hoàn thành in Toán (test 4), re-assessed at 6 and Hoàn thành
    PrimaryYear.Supplementary again =
        new PrimaryYear.Supplementary(Tt27Years.subjects("toan=H:6"), Map.of(), Map.of());
    PrimaryYearResult r =
        policy.evaluate(
            Tt27Years.year(3, "tieng_viet=T:8 toan=C:4", "T", false, again, false, null));
    assertThat(r.beforeSupplementary()).isEqualTo(PrimaryResult.CHUA_HOAN_THANH);
    assertThat(r.result()).isEqualTo(PrimaryResult.HOAN_THANH);
    assertThat(r.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(r.completedProgramme()).isTrue();
  }

  @ParameterizedTest(name = "principal decides {0}: {1}")
  @CsvSource({", PRINCIPAL_DECIDES", "true, PROMOTED", "false, RETAINED"})
  void stillNotCompleteAfterItThePrincipalDecides(Boolean promotes, Outcome outcome) {
    // TT27 art. 12.2: still Chưa hoàn thành after the supplementary assessment
    PrimaryYear.Supplementary again =
        new PrimaryYear.Supplementary(
            Tt27Years.subjects("toan=C:3"), Map.of(Quality.CHAM_CHI, QualityLevel.DAT), Map.of());
    PrimaryYearResult r =
        policy.evaluate(
            Tt27Years.year(2, "tieng_viet=T:8 toan=C:2", "T", false, again, false, promotes));
    assertThat(r.result()).isEqualTo(PrimaryResult.CHUA_HOAN_THANH);
    assertThat(r.outcome()).isEqualTo(outcome);
    // promoted by decision is not "completed the grade's programme" (art. 11.1)
    assertThat(r.completedProgramme()).isFalse();
  }

  @Test
  void aSupplementaryAssessmentChangesNothingForAStudentWhoCompleted() {
    PrimaryYear.Supplementary again =
        new PrimaryYear.Supplementary(Tt27Years.subjects("toan=C:2"), Map.of(), Map.of());
    PrimaryYearResult r =
        policy.evaluate(
            Tt27Years.year(3, "tieng_viet=T:9 toan=T:9", "T", false, again, false, null));
    assertThat(r.result()).isEqualTo(PrimaryResult.HOAN_THANH_XUAT_SAC);
    assertThat(r.beforeSupplementary()).isNull();
  }

  @ParameterizedTest(name = "grade {0}")
  @CsvSource({"4, false", "5, true"})
  void gradeFiveCompletesPrimary(int grade, boolean completedPrimary) {
    // TT27 art. 11.3: "Hoàn thành chương trình tiểu học" in the học bạ of grade 5
    PrimaryYearResult r =
        policy.evaluate(
            Tt27Years.year(grade, "tieng_viet=H:6 toan=H:6", "D", false, null, false, null));
    assertThat(r.completedPrimary()).isEqualTo(completedPrimary);
  }

  @Test
  void anIndividualPlanIsThePrincipalsToDecide() {
    // TT27 art. 10: assessed on the individual education plan
    PrimaryYearResult r =
        policy.evaluate(Tt27Years.year(3, "tieng_viet=T:9 toan=T:9", "T", false, null, true, null));
    assertThat(r.outcome()).isEqualTo(Outcome.PRINCIPAL_DECIDES);
    assertThat(r.completedProgramme()).isFalse();
  }

  @Test
  void everyGapIsNamedAndNothingIsEvaluated() {
    PrimaryYear y =
        new PrimaryYear(
            3,
            List.of(
                new PrimaryYear.PrimarySubject("tieng_viet", null, true, null),
                new PrimaryYear.PrimarySubject("dao_duc", null, false, 7)),
            Map.of(Quality.YEU_NUOC, QualityLevel.TOT),
            Map.of(),
            false,
            null,
            false,
            null);
    assertThat(policy.check(y))
        .extracting(Problem::path)
        .contains(
            "subjects[0].level",
            "subjects[0].score",
            "subjects[1].level",
            "subjects[1].score",
            "qualities.NHAN_AI",
            "competences.THE_CHAT")
        .doesNotContain("qualities.YEU_NUOC");
    assertThatThrownBy(() -> policy.evaluate(y)).isInstanceOf(InvalidRecordException.class);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "7, ",
    "0, ",
    "10, ",
    "'8,0', ",
    "7.5, primary.score.decimal",
    "'6,5', primary.score.decimal",
    "11, primary.score.range",
    "-1, primary.score.range",
    "bảy, primary.score.range"
  })
  void aTestScoreIsAWholeNumberFromZeroToTen(String typed, String code) {
    // TT27 art. 7.2: "cho điểm theo thang điểm 10, không cho điểm thập phân"
    assertThat(policy.scoreProblem("score", typed).map(Problem::code).orElse(null)).isEqualTo(code);
  }
}
