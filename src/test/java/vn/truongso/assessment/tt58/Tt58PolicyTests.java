package vn.truongso.assessment.tt58;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.truongso.assessment.Finding;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Records;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.TermMarks;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.YearResult;

/** A whole year under TT58 as amended by TT26. */
class Tt58PolicyTests {

  static final String YEAR =
      "toan=8.0 ngu_van=7.0 ngoai_ngu=8.5 vat_li=8.5 hoa_hoc=8.0 sinh_hoc=8.0 lich_su=8.0"
          + " dia_li=8.0 the_duc=D am_nhac=D";

  final Tt58Policy policy = Tt58Policy.INSTANCE;

  @Test
  void theTeacherGivesTheYearConductAndTheMeanDecidesTheLevel() {
    YearResult r =
        policy.evaluate(
            Records.year("TT58_2011", YEAR, "KHA,TOT,TOT", 0), PolicyOptions.defaults());
    assertThat(r.overallYear()).isEqualByComparingTo("8.0");
    assertThat(r.learningYear()).isEqualTo(Level.GIOI);
    assertThat(r.conductYear()).isEqualTo(Level.TOT);
    assertThat(r.title()).isEqualTo(Title.GIOI);
    assertThat(r.outcome()).isEqualTo(Outcome.PROMOTED);
  }

  @Test
  void theYearConductIsRequiredAndOnTheOldScale() {
    assertThat(policy.check(Records.year("TT58_2011", YEAR, "KHA,TOT", 0)))
        .containsExactly(Problem.of("conduct.year", "conduct.level.missing"));
    assertThat(policy.check(Records.year("TT58_2011", YEAR, "KHA,TOT,DAT", 0)))
        .extracting(Problem::code)
        .containsExactly("conduct.level.notInScale");
  }

  @Test
  void aSubjectExemptForTheYearIsLeftOut() {
    StudentYear r =
        Records.year("TT58_2011", YEAR.replace("am_nhac=D", "am_nhac=C"), "TOT,TOT,TOT", 0);
    assertThat(policy.evaluate(r, PolicyOptions.defaults()).learningYear()).isEqualTo(Level.TB);
    List<SubjectRecord> subjects = new ArrayList<>(r.subjects());
    SubjectRecord music = subjects.get(9);
    subjects.set(
        9,
        new SubjectRecord(
            music.code(),
            music.kind(),
            music.periodsPerYear(),
            true,
            TermMarks.empty(),
            TermMarks.empty(),
            null));
    YearResult exempt =
        policy.evaluate(
            new StudentYear(8, subjects, r.conduct(), 0, false), PolicyOptions.defaults());
    assertThat(exempt.learningYear()).isEqualTo(Level.GIOI);
    assertThat(exempt.subjects().get(9).exempt()).isTrue();
    assertThat(exempt.findings()).extracting(Finding::code).contains("TT58.D12");
  }

  @Test
  void aRetestRecomputesTheMeanAndTheLevel() {
    String weak =
        "toan=5.0 ngu_van=5.0 ngoai_ngu=3.0 vat_li=5.0 hoa_hoc=5.0 sinh_hoc=5.0 lich_su=5.0"
            + " dia_li=5.0 the_duc=D am_nhac=D";
    YearResult before =
        policy.evaluate(Records.year("TT58_2011", weak, "TB,TB,TB", 0), PolicyOptions.defaults());
    assertThat(before.learningYear()).isEqualTo(Level.YEU);
    assertThat(before.outcome()).isEqualTo(Outcome.RETEST);
    assertThat(before.retestSubjects()).containsExactly("ngoai_ngu");
    YearResult after =
        policy.evaluate(
            Records.year("TT58_2011", weak, "TB,TB,TB", 0, "ngoai_ngu=5.5"),
            PolicyOptions.defaults());
    assertThat(after.learningAfterRetest()).isEqualTo(Level.TB);
    assertThat(after.outcome()).isEqualTo(Outcome.PROMOTED);
  }

  @Test
  void summerTrainingReclassifiesTheConduct() {
    StudentYear r = Records.year("TT58_2011", YEAR, "TB,YEU,YEU,TB", 0);
    YearResult result = policy.evaluate(r, PolicyOptions.defaults());
    assertThat(result.conductAfterSummer()).isEqualTo(Level.TB);
    assertThat(result.outcome()).isEqualTo(Outcome.PROMOTED);
  }
}
