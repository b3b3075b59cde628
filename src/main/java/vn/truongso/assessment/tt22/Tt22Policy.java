package vn.truongso.assessment.tt22;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Finding;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.SubjectResult;
import vn.truongso.assessment.TermMarks;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.YearResult;
import vn.truongso.assessment.common.Periods;
import vn.truongso.assessment.common.RecordCheck;
import vn.truongso.assessment.common.Retests;

/**
 * Thông tư 22/2021/TT-BGDĐT for lower and upper secondary students: composes the articles, each in
 * its own class.
 */
public final class Tt22Policy implements SecondaryPolicy {
  public static final Tt22Policy INSTANCE = new Tt22Policy();

  private static final List<Level> SCALE = List.of(Level.TOT, Level.KHA, Level.DAT, Level.CHUA_DAT);
  // Art. 10: only the practical part of GDTC and GDQP&AN may be exempted.
  private static final Set<String> PRACTICAL_EXEMPTIONS =
      Set.of("giao_duc_the_chat", "giao_duc_quoc_phong_an_ninh");
  private static final BigDecimal FIVE = new BigDecimal("5.0");

  private Tt22Policy() {}

  @Override
  public PolicyCode code() {
    return PolicyCode.TT22_2021;
  }

  @Override
  public List<Level> conductScale() {
    return SCALE;
  }

  @Override
  public List<Level> learningScale() {
    return SCALE;
  }

  @Override
  public int regularAssessments(SubjectKind kind, int periodsPerYear) {
    return RegularCount.required(kind, periodsPerYear);
  }

  @Override
  public boolean regularCountAccepted(SubjectKind kind, int periodsPerYear, int regular) {
    return regular == RegularCount.required(kind, periodsPerYear);
  }

  @Override
  public boolean countsExemptSubjects() {
    return true;
  }

  @Override
  public boolean conductYearGiven() {
    return false;
  }

  @Override
  public @Nullable BigDecimal termAverage(TermMarks marks, int periodsPerYear) {
    return SubjectAverage.term(marks, RegularCount.required(SubjectKind.SCORE, periodsPerYear));
  }

  @Override
  public @Nullable Level termLearning(
      List<SubjectRecord> subjects, int term, PolicyOptions options) {
    List<BigDecimal> scores = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    for (SubjectRecord s : subjects) {
      TermMarks marks = term == 1 ? s.term1() : s.term2();
      if (s.kind() == SubjectKind.SCORE) {
        BigDecimal a = termAverage(marks, s.periodsPerYear());
        if (a == null) {
          return null;
        }
        scores.add(a);
      } else {
        Comment c = termComment(marks, s.periodsPerYear());
        if (c == null) {
          return null;
        }
        comments.add(c);
      }
    }
    return LearningLevel.level(scores, comments, options.adjustForCommentSubject()).level();
  }

  @Override
  public @Nullable Comment termComment(TermMarks marks, int periodsPerYear) {
    int required = RegularCount.required(SubjectKind.COMMENT, periodsPerYear);
    return marks.complete(required) ? CommentResult.term(marks, required) : null;
  }

  @Override
  public List<Problem> check(StudentYear r) {
    List<Problem> problems = new ArrayList<>(RecordCheck.check(this, r));
    for (int i = 0; i < r.subjects().size(); i++) {
      SubjectRecord s = r.subjects().get(i);
      if (s.exempt() && !PRACTICAL_EXEMPTIONS.contains(s.code())) {
        problems.add(Problem.of("subjects[" + i + "].exempt", "exempt.tt22.practicalOnly"));
      }
    }
    return problems;
  }

  @Override
  public YearResult evaluate(StudentYear r, PolicyOptions options) {
    List<Problem> problems = check(r);
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    List<Finding> findings = new ArrayList<>();
    List<SubjectResult> subjects = new ArrayList<>();
    for (SubjectRecord s : r.subjects()) {
      subjects.add(subject(s));
    }
    boolean commentAdjust = options.adjustForCommentSubject();
    Level term1 = learning(subjects, 1, commentAdjust, findings);
    Level term2 = learning(subjects, 2, commentAdjust, findings);
    Level year = learning(subjects, 3, commentAdjust, findings);
    Level conduct = ConductLevel.year(r.conduct().term1(), r.conduct().term2());
    findings.add(Finding.of("TT22.D8.2", conduct.name()));

    Outcome outcome = Promotion.atYearEnd(conduct, year, r.absentSessions());
    findings.add(Finding.of(outcomeArticle(outcome, r.absentSessions()), outcome.name()));
    List<String> retest = retestSubjects(subjects, year, r.absentSessions());
    Level conductAfterSummer = r.conduct().summer();
    if (conductAfterSummer != null) {
      outcome = afterSummerTraining(conductAfterSummer, outcome, year, options, findings);
    }
    Level learningAfterRetest = null;
    Reassessed reassessed = afterRetest(r, subjects, retest, outcome, commentAdjust, findings);
    if (reassessed != null) {
      subjects = reassessed.subjects();
      learningAfterRetest = reassessed.learning();
      outcome = reassessed.outcome();
    }
    if (r.individualPlan()) {
      outcome = Outcome.PRINCIPAL_DECIDES;
      findings.add(Finding.of("TT22.D12.4"));
    }
    Title title = title(conduct, year, subjects, findings);
    return new YearResult(
        code(),
        subjects,
        term1,
        term2,
        year,
        learningAfterRetest,
        conduct,
        conductAfterSummer,
        outcome,
        retest,
        title,
        null,
        null,
        null,
        findings);
  }

  /** Subjects below the pass mark, re-tested when the year's learning is Chưa đạt (art. 14.1). */
  private static List<String> retestSubjects(
      List<SubjectResult> subjects, Level year, int absentSessions) {
    List<String> retest = new ArrayList<>();
    if (year == Level.CHUA_DAT && absentSessions <= Promotion.ABSENCE_LIMIT) {
      for (SubjectResult s : subjects) {
        if (belowPass(s)) {
          retest.add(s.code());
        }
      }
    }
    return retest;
  }

  /** The outcome once the summer's conduct is given: only for a student sent to train (art. 13). */
  private static Outcome afterSummerTraining(
      Level conductAfterSummer,
      Outcome outcome,
      Level year,
      PolicyOptions options,
      List<Finding> findings) {
    if (outcome != Outcome.SUMMER_TRAINING) {
      throw new InvalidRecordException(
          List.of(Problem.of("conduct.summer", "conduct.summer.notNeeded")));
    }
    Outcome after =
        Promotion.afterSummerTraining(
            conductAfterSummer, year, options.reassessAfterSummerTraining());
    findings.add(Finding.of("TT22.D13.3", conductAfterSummer.name()));
    return after;
  }

  /** The subjects, the learning level and the outcome after the re-tests (art. 14). */
  private record Reassessed(List<SubjectResult> subjects, Level learning, Outcome outcome) {}

  /** Null until every subject to re-test has its result. */
  private static @Nullable Reassessed afterRetest(
      StudentYear r,
      List<SubjectResult> subjects,
      List<String> retest,
      Outcome outcome,
      boolean commentAdjust,
      List<Finding> findings) {
    if (r.subjects().stream().noneMatch(s -> s.retest() != null)) {
      return null;
    }
    Retests.check(r, retest, outcome == Outcome.RETEST);
    if (!r.subjects().stream()
        .filter(s -> retest.contains(s.code()))
        .allMatch(s -> s.retest() != null)) {
      return null;
    }
    List<SubjectResult> after = Retests.apply(r, subjects);
    Level learning = learning(after, 4, commentAdjust, findings);
    Outcome outcomeAfter = Promotion.afterRetest(learning);
    findings.add(Finding.of("TT22.D14.2", learning.name()));
    return new Reassessed(after, learning, outcomeAfter);
  }

  /** The year's title, if any (art. 15), from the averages as they stand after re-tests. */
  private static @Nullable Title title(
      Level conduct, Level year, List<SubjectResult> subjects, List<Finding> findings) {
    List<BigDecimal> yearAverages =
        subjects.stream().map(SubjectResult::yearAverage).filter(a -> a != null).toList();
    Title title = Titles.of(conduct, year, yearAverages);
    if (title != null) {
      findings.add(Finding.of(title == Title.XUAT_SAC ? "TT22.D15.1a" : "TT22.D15.1b"));
    }
    return title;
  }

  private static SubjectResult subject(SubjectRecord s) {
    int required = RegularCount.required(s.kind(), s.periodsPerYear());
    if (s.kind() == SubjectKind.SCORE) {
      // check() has made sure a scored subject has every mark of both terms, each a score.
      BigDecimal t1 = Objects.requireNonNull(SubjectAverage.term(s.term1(), required));
      BigDecimal t2 = Objects.requireNonNull(SubjectAverage.term(s.term2(), required));
      return SubjectResult.scored(s.code(), s.exempt(), t1, t2, SubjectAverage.year(t1, t2));
    }
    Comment r1 = CommentResult.term(s.term1(), required);
    Comment r2 = CommentResult.term(s.term2(), required);
    return SubjectResult.commented(s.code(), s.exempt(), r1, r2, CommentResult.year(r2));
  }

  /** period 1, 2: the terms; 3: the year; 4: the year after re-assessment. */
  private static Level learning(
      List<SubjectResult> subjects, int period, boolean commentAdjust, List<Finding> findings) {
    List<BigDecimal> scores = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    for (SubjectResult s : subjects) {
      if (s.kind() == SubjectKind.SCORE) {
        scores.add(Periods.average(s, period));
      } else {
        comments.add(Periods.result(s, period));
      }
    }
    LearningLevel.Adjusted a = LearningLevel.level(scores, comments, commentAdjust);
    if (a.raised()) {
      findings.add(Finding.of("TT22.D9.3", String.valueOf(period), a.level().name()));
    }
    return a.level();
  }

  private static boolean belowPass(SubjectResult s) {
    // A scored subject of a checked record has its year average (subject(..)).
    return s.kind() == SubjectKind.SCORE
        ? Objects.requireNonNull(s.yearAverage()).compareTo(FIVE) < 0
        : s.yearResult() == Comment.CHUA_DAT;
  }

  private static String outcomeArticle(Outcome outcome, int absentSessions) {
    if (absentSessions > Promotion.ABSENCE_LIMIT) {
      return "TT22.D12.1c";
    }
    return switch (outcome) {
      case SUMMER_TRAINING -> "TT22.D13.1";
      case RETEST -> "TT22.D14.1";
      default -> "TT22.D12.1";
    };
  }
}
