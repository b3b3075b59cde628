package vn.truongso.assessment.tt58;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Finding;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.SubjectResult;
import vn.truongso.assessment.TermMarks;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.YearResult;
import vn.truongso.assessment.common.Averages;
import vn.truongso.assessment.common.Periods;
import vn.truongso.assessment.common.RecordCheck;
import vn.truongso.assessment.common.Retests;

/**
 * Thông tư 58/2011/TT-BGDĐT as amended by Thông tư 26/2020/TT-BGDĐT: the secondary years before
 * TT22 reached a grade. Subject averages use TT26's weights (the same as TT22's); the learning
 * level rests on the plain mean of the subject averages; the homeroom teacher gives the year's
 * conduct.
 */
public final class Tt58Policy implements SecondaryPolicy {
  public static final Tt58Policy INSTANCE = new Tt58Policy();

  private static final List<Level> CONDUCT = List.of(Level.TOT, Level.KHA, Level.TB, Level.YEU);
  private static final BigDecimal FIVE = new BigDecimal("5.0");

  private Tt58Policy() {}

  @Override
  public PolicyCode code() {
    return PolicyCode.TT58_2011;
  }

  @Override
  public List<Level> conductScale() {
    return CONDUCT;
  }

  @Override
  public List<Level> learningScale() {
    return AcademicLevel.ORDER;
  }

  @Override
  public int regularAssessments(SubjectKind kind, int periodsPerYear) {
    return RegularCount.required(periodsPerYear);
  }

  @Override
  public boolean regularCountAccepted(SubjectKind kind, int periodsPerYear, int regular) {
    return regular >= RegularCount.required(periodsPerYear) && regular <= 12;
  }

  @Override
  public boolean countsExemptSubjects() {
    return false;
  }

  @Override
  public boolean conductYearGiven() {
    return true;
  }

  @Override
  public @Nullable BigDecimal termAverage(TermMarks t, int periodsPerYear) {
    if (t == null
        || t.regular().size() < RegularCount.required(periodsPerYear)
        || !(t.midterm() instanceof Score)
        || !(t.finalTest() instanceof Score)
        || !t.regular().stream().allMatch(m -> m instanceof Score)) {
      return null;
    }
    return Averages.term(t.regular(), t.midterm(), t.finalTest());
  }

  @Override
  public @Nullable Level termLearning(
      List<SubjectRecord> subjects, int term, PolicyOptions options) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    List<Comment> comments = new ArrayList<>();
    for (SubjectRecord s : subjects) {
      if (s.exempt()) {
        continue;
      }
      TermMarks marks = term == 1 ? s.term1() : s.term2();
      if (s.kind() == SubjectKind.SCORE) {
        BigDecimal a = termAverage(marks, s.periodsPerYear());
        if (a == null) {
          return null;
        }
        scores.put(s.code(), a);
      } else {
        Comment c = termComment(marks, s.periodsPerYear());
        if (c == null) {
          return null;
        }
        comments.add(c);
      }
    }
    if (scores.isEmpty()) {
      return null;
    }
    BigDecimal overall = Averages.mean(List.copyOf(scores.values()));
    return AcademicLevel.level(overall, scores, comments).level();
  }

  @Override
  public @Nullable Comment termComment(TermMarks marks, int periodsPerYear) {
    int required = RegularCount.required(periodsPerYear);
    return marks.complete(required) ? CommentResult.term(marks, required) : null;
  }

  @Override
  public List<Problem> check(StudentYear r) {
    return RecordCheck.check(this, r);
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
      if (s.exempt()) {
        findings.add(Finding.of("TT58.D12", s.code()));
      }
    }
    Period t1 = period(subjects, 1, findings);
    Period t2 = period(subjects, 2, findings);
    Period year = period(subjects, 3, findings);
    // check() requires the year's conduct under TT58 (conductYearGiven).
    Level conduct = Objects.requireNonNull(r.conduct().year());
    Outcome outcome = Promotion.atYearEnd(conduct, year.level(), r.absentSessions());
    findings.add(
        Finding.of(outcomeArticle(outcome, r.absentSessions(), year.level()), outcome.name()));
    List<String> retest = retestSubjects(subjects, outcome);
    Level conductAfterSummer = r.conduct().summer();
    if (conductAfterSummer != null) {
      outcome = afterSummer(conductAfterSummer, outcome, findings);
    }
    Level learningAfterRetest = null;
    if (r.subjects().stream().anyMatch(s -> s.retest() != null)) {
      Retests.check(r, retest, true);
      // Art. 16: the student re-tests the subjects they choose; the results given replace the year.
      subjects = Retests.apply(r, subjects);
      learningAfterRetest = afterRetest(subjects, findings);
      outcome = Promotion.afterSummer(learningAfterRetest);
    }
    Title title = Titles.of(conduct, year.level());
    if (title != null) {
      findings.add(Finding.of("TT58.D18", title.name()));
    }
    return new YearResult(
        code(),
        subjects,
        t1.level(),
        t2.level(),
        year.level(),
        learningAfterRetest,
        conduct,
        conductAfterSummer,
        outcome,
        retest,
        title,
        t1.overall(),
        t2.overall(),
        year.overall(),
        findings);
  }

  private record Period(Level level, BigDecimal overall) {}

  /** The subjects below the pass mark of a student sent to re-test (exempt ones aside). */
  private static List<String> retestSubjects(List<SubjectResult> subjects, Outcome outcome) {
    List<String> retest = new ArrayList<>();
    if (outcome == Outcome.RETEST) {
      for (SubjectResult s : subjects) {
        if (!s.exempt() && belowPass(s)) {
          retest.add(s.code());
        }
      }
    }
    return retest;
  }

  /** The outcome once the summer's conduct is given: only for a student sent to train (art. 17). */
  private static Outcome afterSummer(
      Level conductAfterSummer, Outcome outcome, List<Finding> findings) {
    if (outcome != Outcome.SUMMER_TRAINING) {
      throw new InvalidRecordException(
          List.of(Problem.of("conduct.summer", "conduct.summer.notNeeded")));
    }
    Outcome after = Promotion.afterSummer(conductAfterSummer);
    findings.add(Finding.of("TT58.D17", conductAfterSummer.name()));
    return after;
  }

  /** The year's learning from the re-tested subjects, with its overall average (art. 16). */
  private static Level afterRetest(List<SubjectResult> subjects, List<Finding> findings) {
    Period after = period(subjects, 4, findings);
    findings.add(Finding.of("TT58.D16", after.level().name(), after.overall().toPlainString()));
    return after.level();
  }

  private static SubjectResult subject(SubjectRecord s) {
    if (s.exempt()) {
      return SubjectResult.leftOut(s.code(), s.kind());
    }
    int required = RegularCount.required(s.periodsPerYear());
    if (s.kind() == SubjectKind.SCORE) {
      BigDecimal a1 = checkedAverage(s.term1());
      BigDecimal a2 = checkedAverage(s.term2());
      return SubjectResult.scored(s.code(), false, a1, a2, Averages.year(a1, a2));
    }
    Comment c1 = CommentResult.term(s.term1(), required);
    Comment c2 = CommentResult.term(s.term2(), required);
    return SubjectResult.commented(s.code(), false, c1, c2, CommentResult.year(c2));
  }

  /** A term's average: check() has made sure every mark of a counted scored subject is a score. */
  private static BigDecimal checkedAverage(TermMarks t) {
    return Averages.term(
        t.regular(), Objects.requireNonNull(t.midterm()), Objects.requireNonNull(t.finalTest()));
  }

  /** period 1, 2: the terms; 3: the year; 4: the year after re-tests. */
  private static Period period(List<SubjectResult> subjects, int period, List<Finding> findings) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    List<Comment> comments = new ArrayList<>();
    for (SubjectResult s : subjects) {
      if (s.exempt()) {
        continue;
      }
      if (s.kind() == SubjectKind.SCORE) {
        scores.put(s.code(), Periods.average(s, period));
      } else {
        comments.add(Periods.result(s, period));
      }
    }
    BigDecimal overall = Averages.mean(List.copyOf(scores.values()));
    AcademicLevel.Adjusted a = AcademicLevel.level(overall, scores, comments);
    if (a.raised()) {
      findings.add(Finding.of("TT58.D13.6", String.valueOf(period), a.level().name()));
    }
    return new Period(a.level(), overall);
  }

  private static boolean belowPass(SubjectResult s) {
    // A counted scored subject of a checked record has its year average (subject(..)).
    return s.kind() == SubjectKind.SCORE
        ? Objects.requireNonNull(s.yearAverage()).compareTo(FIVE) < 0
        : s.yearResult() == Comment.CHUA_DAT;
  }

  private static String outcomeArticle(Outcome outcome, int absentSessions, Level learning) {
    if (absentSessions > Promotion.ABSENCE_LIMIT) {
      return "TT58.D15.2a";
    }
    return switch (outcome) {
      case RETAINED -> learning == Level.KEM ? "TT58.D15.2b" : "TT58.D15.2c";
      case RETEST -> "TT58.D16";
      case SUMMER_TRAINING -> "TT58.D17";
      default -> "TT58.D15.1";
    };
  }
}
