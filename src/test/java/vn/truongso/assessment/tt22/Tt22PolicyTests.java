package vn.truongso.assessment.tt22;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Finding;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Records;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.TermMarks;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.YearResult;

/** A whole year under TT22, through the policy: the articles composed. */
class Tt22PolicyTests {

  static final String COMMENTS =
      " giao_duc_the_chat=D nghe_thuat=D hoat_dong_trai_nghiem_huong_nghiep=D"
          + " noi_dung_giao_duc_dia_phuong=D";
  static final String GOOD =
      "ngu_van=8.0 toan=8.0 ngoai_ngu_1=8.0 giao_duc_cong_dan=8.0 lich_su_dia_li=8.0"
          + " khoa_hoc_tu_nhien=8.0 cong_nghe=6.5 tin_hoc=6.5"
          + COMMENTS;
  // Five scored subjects at 6.0 and three below 5.0: Chưa đạt (art. 9.2d).
  static final String WEAK =
      "ngu_van=6.0 toan=4.0 ngoai_ngu_1=4.0 giao_duc_cong_dan=6.0 lich_su_dia_li=6.0"
          + " khoa_hoc_tu_nhien=6.0 cong_nghe=6.0 tin_hoc=4.0"
          + COMMENTS;

  final Tt22Policy policy = Tt22Policy.INSTANCE;

  YearResult evaluate(StudentYear r) {
    return policy.evaluate(r, PolicyOptions.defaults());
  }

  @Test
  void sixSubjectsAtTheBoundaryWithTotConductGiveHocSinhGioi() {
    YearResult r = evaluate(Records.year("TT22_2021", GOOD, "TOT,TOT", 0));
    assertThat(r.learningYear()).isEqualTo(Level.TOT);
    assertThat(r.conductYear()).isEqualTo(Level.TOT);
    assertThat(r.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(r.title()).isEqualTo(Title.GIOI);
    assertThat(r.findings()).extracting(Finding::code).contains("TT22.D8.2", "TT22.D15.1b");
  }

  @Test
  void fortyFiveSessionsPromoteFortySixDoNot() {
    assertThat(evaluate(Records.year("TT22_2021", GOOD, "TOT,TOT", 45)).outcome())
        .isEqualTo(Outcome.PROMOTED);
    YearResult r = evaluate(Records.year("TT22_2021", GOOD, "TOT,TOT", 46));
    assertThat(r.outcome()).isEqualTo(Outcome.RETAINED);
    assertThat(r.findings()).extracting(Finding::code).contains("TT22.D12.1c");
    // TT22 art. 15 does not look at absences.
    assertThat(r.title()).isEqualTo(Title.GIOI);
  }

  @Test
  void oneCommentSubjectChuaDatIsStillDatButNeverTot() {
    String subjects = GOOD.replace("nghe_thuat=D", "nghe_thuat=C");
    YearResult r = evaluate(Records.year("TT22_2021", subjects, "TOT,TOT", 0));
    // Tốt by the scores, Đạt by the one comment subject: art. 9.3 raises it to Khá.
    assertThat(r.learningYear()).isEqualTo(Level.KHA);
    assertThat(r.subjects())
        .filteredOn(s -> s.code().equals("nghe_thuat"))
        .singleElement()
        .satisfies(s -> assertThat(s.yearResult()).isEqualTo(Comment.CHUA_DAT));
    assertThat(r.findings()).extracting(Finding::code).contains("TT22.D9.3");
    assertThat(r.title()).isNull();
  }

  @Test
  void reassessmentTurnsChuaDatIntoDatAndPromotes() {
    YearResult before = evaluate(Records.year("TT22_2021", WEAK, "KHA,KHA", 3));
    assertThat(before.learningYear()).isEqualTo(Level.CHUA_DAT);
    assertThat(before.outcome()).isEqualTo(Outcome.RETEST);
    assertThat(before.retestSubjects()).containsExactly("toan", "ngoai_ngu_1", "tin_hoc");

    YearResult pending = evaluate(Records.year("TT22_2021", WEAK, "KHA,KHA", 3, "toan=5.0"));
    assertThat(pending.outcome()).isEqualTo(Outcome.RETEST);
    assertThat(pending.learningAfterRetest()).isNull();

    YearResult after =
        evaluate(
            Records.year(
                "TT22_2021", WEAK, "KHA,KHA", 3, "toan=5.0", "ngoai_ngu_1=6.5", "tin_hoc=4.5"));
    assertThat(after.learningYear()).isEqualTo(Level.CHUA_DAT);
    assertThat(after.learningAfterRetest()).isEqualTo(Level.DAT);
    assertThat(after.outcome()).isEqualTo(Outcome.PROMOTED);

    YearResult failed =
        evaluate(
            Records.year(
                "TT22_2021", WEAK, "KHA,KHA", 3, "toan=3.0", "ngoai_ngu_1=4.0", "tin_hoc=4.5"));
    assertThat(failed.learningAfterRetest()).isEqualTo(Level.CHUA_DAT);
    assertThat(failed.outcome()).isEqualTo(Outcome.RETAINED);
  }

  @Test
  void aCommentSubjectIsReassessedToo() {
    String subjects =
        GOOD.replace("nghe_thuat=D", "nghe_thuat=C")
            .replace("giao_duc_the_chat=D", "giao_duc_the_chat=C");
    YearResult before = evaluate(Records.year("TT22_2021", subjects, "DAT,DAT", 0));
    assertThat(before.outcome()).isEqualTo(Outcome.RETEST);
    assertThat(before.retestSubjects())
        .containsExactlyInAnyOrder("nghe_thuat", "giao_duc_the_chat");
    YearResult after =
        evaluate(
            Records.year(
                "TT22_2021", subjects, "DAT,DAT", 0, "nghe_thuat=D", "giao_duc_the_chat=D"));
    assertThat(after.learningAfterRetest()).isEqualTo(Level.TOT);
    assertThat(after.outcome()).isEqualTo(Outcome.PROMOTED);
  }

  @Test
  void summerTrainingReplacesTheYearConduct() {
    assertThat(evaluate(Records.year("TT22_2021", GOOD, "KHA,CHUA_DAT", 0)).outcome())
        .isEqualTo(Outcome.SUMMER_TRAINING);
    YearResult passed = evaluate(Records.year("TT22_2021", GOOD, "KHA,CHUA_DAT,-,DAT", 0));
    assertThat(passed.conductYear()).isEqualTo(Level.CHUA_DAT);
    assertThat(passed.conductAfterSummer()).isEqualTo(Level.DAT);
    assertThat(passed.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(evaluate(Records.year("TT22_2021", GOOD, "KHA,CHUA_DAT,-,CHUA_DAT", 0)).outcome())
        .isEqualTo(Outcome.RETAINED);
  }

  @Test
  void afterSummerTrainingTheSchoolsSettingDecidesWhetherSubjectsAreReassessed() {
    StudentYear r = Records.year("TT22_2021", WEAK, "DAT,CHUA_DAT,-,DAT", 0);
    assertThat(policy.evaluate(r, new PolicyOptions(true, true)).outcome())
        .isEqualTo(Outcome.RETEST);
    assertThat(policy.evaluate(r, new PolicyOptions(false, true)).outcome())
        .isEqualTo(Outcome.RETAINED);
    StudentYear retested =
        Records.year(
            "TT22_2021", WEAK, "DAT,CHUA_DAT,-,DAT", 0, "toan=5", "ngoai_ngu_1=5", "tin_hoc=5");
    assertThat(evaluate(retested).outcome()).isEqualTo(Outcome.PROMOTED);
  }

  @Test
  void aStudentOnAnIndividualPlanIsLeftToThePrincipal() {
    StudentYear r = Records.year("TT22_2021", WEAK, "DAT,DAT", 0);
    StudentYear plan =
        new StudentYear(r.grade(), r.subjects(), r.conduct(), r.absentSessions(), true);
    YearResult result = evaluate(plan);
    assertThat(result.outcome()).isEqualTo(Outcome.PRINCIPAL_DECIDES);
    assertThat(result.findings()).extracting(Finding::code).contains("TT22.D12.4");
  }

  @Test
  void onlyThePracticalPartOfGdtcOrGdqpMayBeExemptAndTheSubjectStillCounts() {
    StudentYear r = Records.year("TT22_2021", GOOD, "TOT,TOT", 0);
    List<SubjectRecord> subjects = new ArrayList<>(r.subjects());
    SubjectRecord gdtc = subjects.get(8);
    subjects.set(
        8,
        new SubjectRecord(
            gdtc.code(),
            gdtc.kind(),
            gdtc.periodsPerYear(),
            true,
            gdtc.term1(),
            gdtc.term2(),
            null));
    YearResult exempt = evaluate(new StudentYear(8, subjects, r.conduct(), 0, false));
    assertThat(exempt.subjects().get(8).yearResult()).isEqualTo(Comment.DAT);
    assertThat(exempt.learningYear()).isEqualTo(Level.TOT);

    SubjectRecord toan = subjects.get(1);
    subjects.set(
        1,
        new SubjectRecord(
            toan.code(),
            toan.kind(),
            toan.periodsPerYear(),
            true,
            toan.term1(),
            toan.term2(),
            null));
    assertThat(policy.check(new StudentYear(8, subjects, r.conduct(), 0, false)))
        .containsExactly(Problem.of("subjects[1].exempt", "exempt.tt22.practicalOnly"));
  }

  @Test
  void incompleteOrMismatchedMarksAreNamedByField() {
    StudentYear r = Records.year("TT22_2021", GOOD, "TOT,TOT", 0);
    List<SubjectRecord> subjects = new ArrayList<>(r.subjects());
    SubjectRecord toan = subjects.get(1);
    subjects.set(
        1,
        new SubjectRecord(
            "toan",
            toan.kind(),
            toan.periodsPerYear(),
            false,
            new TermMarks(toan.term1().regular(), null, toan.term1().finalTest()),
            new TermMarks(toan.term2().regular().subList(0, 3), Comment.DAT, Score.of("7")),
            null));
    StudentYear bad = new StudentYear(8, subjects, r.conduct(), 0, false);
    assertThat(policy.check(bad))
        .extracting(Problem::path, Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("subjects[1].term1.midterm", "midterm.missing"),
            org.assertj.core.groups.Tuple.tuple("subjects[1].term2.regular", "regular.count"),
            org.assertj.core.groups.Tuple.tuple(
                "subjects[1].term2.midterm", "mark.commentInScoreSubject"));
    assertThatThrownBy(() -> evaluate(bad)).isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void aRetestWhereNoneIsNeededIsRefused() {
    assertThatThrownBy(() -> evaluate(Records.year("TT22_2021", GOOD, "TOT,TOT", 0, "toan=9")))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(Problem.of("subjects[1].retest", "retest.notNeeded", "toan")));
  }

  @Test
  void tt22DerivesTheYearConductAndRefusesOneGiven() {
    assertThat(policy.check(Records.year("TT22_2021", GOOD, "TOT,TOT,KHA", 0)))
        .extracting(Problem::code)
        .containsExactly("conduct.yearDerived");
    assertThat(policy.check(Records.year("TT22_2021", GOOD, "TOT,TB", 0)))
        .extracting(Problem::code)
        .containsExactly("conduct.level.notInScale");
  }
}
