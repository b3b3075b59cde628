package vn.truongso.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties over many generated years (a fixed seed, so a failure replays): no average leaves
 * 0–10, and raising one score never lowers an average or a level.
 */
class AveragePropertyTests {

  static final int CASES = 3_000;
  static final String[] SCORED = {
    "ngu_van",
    "toan",
    "ngoai_ngu_1",
    "lich_su_dia_li",
    "khoa_hoc_tu_nhien",
    "cong_nghe",
    "tin_hoc",
    "giao_duc_cong_dan"
  };
  static final int[] PERIODS = {140, 140, 105, 105, 140, 52, 35, 35};

  @ParameterizedTest
  @EnumSource(
      value = PolicyCode.class,
      names = {"TT22_2021", "TT58_2011"})
  void averagesStayOnTheScaleAndRaisingAScoreNeverLowersAnything(PolicyCode code) {
    SecondaryPolicy policy = Policies.secondary(code);
    Random random = new Random(20261123L + code.ordinal());
    List<Level> learning = policy.learningScale();
    for (int n = 0; n < CASES; n++) {
      StudentYear year = randomYear(policy, random);
      YearResult before = policy.evaluate(year, PolicyOptions.defaults());
      for (SubjectResult s : before.subjects()) {
        for (BigDecimal a :
            new BigDecimal[] {s.term1Average(), s.term2Average(), s.yearAverage()}) {
          assertThat(a).isBetween(BigDecimal.ZERO, BigDecimal.TEN);
        }
      }
      StudentYear raised = raiseOneScore(year, random);
      YearResult after = policy.evaluate(raised, PolicyOptions.defaults());
      for (int i = 0; i < before.subjects().size(); i++) {
        assertThat(after.subjects().get(i).yearAverage())
            .isGreaterThanOrEqualTo(before.subjects().get(i).yearAverage());
        assertThat(after.subjects().get(i).term1Average())
            .isGreaterThanOrEqualTo(before.subjects().get(i).term1Average());
        assertThat(after.subjects().get(i).term2Average())
            .isGreaterThanOrEqualTo(before.subjects().get(i).term2Average());
      }
      assertThat(learning.indexOf(after.learningYear()))
          .as("year level of %s raised to %s", year, raised)
          .isLessThanOrEqualTo(learning.indexOf(before.learningYear()));
      assertThat(learning.indexOf(after.learningTerm1()))
          .isLessThanOrEqualTo(learning.indexOf(before.learningTerm1()));
      assertThat(learning.indexOf(after.learningTerm2()))
          .isLessThanOrEqualTo(learning.indexOf(before.learningTerm2()));
    }
  }

  static StudentYear randomYear(SecondaryPolicy policy, Random random) {
    List<SubjectRecord> subjects = new ArrayList<>();
    // Scores cluster where the thresholds are, so boundaries are crossed often.
    int base = 20 + random.nextInt(80);
    for (int i = 0; i < SCORED.length; i++) {
      int regular = policy.regularAssessments(SubjectKind.SCORE, PERIODS[i]);
      subjects.add(
          new SubjectRecord(
              SCORED[i],
              SubjectKind.SCORE,
              PERIODS[i],
              false,
              term(random, base, regular),
              term(random, base, regular),
              null));
    }
    List<Level> conduct = policy.conductScale();
    return new StudentYear(
        8,
        subjects,
        new ConductRecord(
            conduct.get(0),
            conduct.get(0),
            policy.conductYearGiven() ? conduct.get(0) : null,
            null),
        0,
        false);
  }

  static TermMarks term(Random random, int base, int regular) {
    List<Mark> marks = new ArrayList<>();
    for (int i = 0; i < regular; i++) {
      marks.add(score(random, base));
    }
    return new TermMarks(marks, score(random, base), score(random, base));
  }

  static Score score(Random random, int base) {
    int tenths = Math.clamp(base + random.nextInt(41) - 20, 0, 100);
    return new Score(BigDecimal.valueOf(tenths, 1));
  }

  static StudentYear raiseOneScore(StudentYear year, Random random) {
    List<SubjectRecord> subjects = new ArrayList<>(year.subjects());
    int i = random.nextInt(subjects.size());
    SubjectRecord s = subjects.get(i);
    boolean first = random.nextBoolean();
    TermMarks t = first ? s.term1() : s.term2();
    List<Mark> regular = new ArrayList<>(t.regular());
    Mark mid = t.midterm();
    Mark fin = t.finalTest();
    int which = random.nextInt(regular.size() + 2);
    BigDecimal up = BigDecimal.valueOf(1 + random.nextInt(30), 1);
    if (which < regular.size()) {
      regular.set(which, raise((Score) regular.get(which), up));
    } else if (which == regular.size()) {
      mid = raise((Score) mid, up);
    } else {
      fin = raise((Score) fin, up);
    }
    TermMarks changed = new TermMarks(regular, mid, fin);
    subjects.set(
        i,
        new SubjectRecord(
            s.code(),
            s.kind(),
            s.periodsPerYear(),
            s.exempt(),
            first ? changed : s.term1(),
            first ? s.term2() : changed,
            null));
    return new StudentYear(
        year.grade(), subjects, year.conduct(), year.absentSessions(), year.individualPlan());
  }

  static Score raise(Score s, BigDecimal by) {
    return new Score(s.value().add(by).min(BigDecimal.TEN));
  }
}
