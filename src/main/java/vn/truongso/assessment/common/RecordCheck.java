package vn.truongso.assessment.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.TermMarks;

/**
 * What every secondary record needs before a policy may evaluate it: known subjects once each,
 * marks of the subject's kind, a mid-term and an end-of-term mark, the circular's number of regular
 * assessments, conduct levels of the circular's scale.
 */
public final class RecordCheck {

  /**
   * The secondary grades (THCS 6–9, THPT 10–12; Luật Giáo dục 2019 art. 28). The school side asks
   * {@code org.SchoolLevel}; assessment may depend on nothing but the JDK, so it keeps its own.
   */
  private static final int FIRST_SECONDARY_GRADE = 6;

  private static final int LAST_SECONDARY_GRADE = 12;

  private RecordCheck() {}

  public static List<Problem> check(SecondaryPolicy policy, StudentYear r) {
    List<Problem> problems = new ArrayList<>();
    if (r.grade() < FIRST_SECONDARY_GRADE || r.grade() > LAST_SECONDARY_GRADE) {
      problems.add(Problem.of("grade", "grade.notSecondary", r.grade()));
    }
    if (r.absentSessions() < 0 || r.absentSessions() > 400) {
      problems.add(Problem.of("absentSessions", "absences.range", r.absentSessions()));
    }
    if (r.subjects().isEmpty()) {
      problems.add(Problem.of("subjects", "subjects.none"));
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < r.subjects().size(); i++) {
      SubjectRecord s = r.subjects().get(i);
      // Paths are built only for a problem: a valid record (the common case) allocates none.
      if (s.code() == null || s.code().isBlank()) {
        problems.add(Problem.of(at(i, "", ".code"), "subject.code.missing"));
      } else if (!codes.add(s.code())) {
        problems.add(Problem.of(at(i, "", ".code"), "subject.code.twice", s.code()));
      }
      if (s.kind() == null) {
        problems.add(Problem.of(at(i, "", ".kind"), "subject.kind.missing"));
        continue;
      }
      if (s.periodsPerYear() < 1 || s.periodsPerYear() > 500) {
        problems.add(Problem.of(at(i, "", ".periodsPerYear"), "subject.periods.range"));
        continue;
      }
      if (skipsMarks(policy, s)) {
        continue;
      }
      term(policy, s, s.term1(), i, ".term1", problems);
      term(policy, s, s.term2(), i, ".term2", problems);
      if (s.retest() != null && !matches(s.kind(), s.retest())) {
        kind(s.kind(), s.retest(), at(i, "", ".retest"), problems);
      }
    }
    conduct(policy, r, problems);
    return problems;
  }

  /** A subject left out for the whole year carries no marks (TT58 art. 12). */
  private static boolean skipsMarks(SecondaryPolicy policy, SubjectRecord s) {
    return s.exempt() && policy.code() == vn.truongso.assessment.PolicyCode.TT58_2011;
  }

  private static void term(
      SecondaryPolicy policy,
      SubjectRecord s,
      TermMarks t,
      int index,
      String term,
      List<Problem> problems) {
    if (t == null) {
      problems.add(Problem.of(at(index, term, ""), "term.missing"));
      return;
    }
    int n = t.regular().size();
    if (!policy.regularCountAccepted(s.kind(), s.periodsPerYear(), n)) {
      int required = policy.regularAssessments(s.kind(), s.periodsPerYear());
      problems.add(
          Problem.of(
              at(index, term, ".regular"), "regular.count", required, s.periodsPerYear(), n));
    }
    for (int j = 0; j < n; j++) {
      Mark m = t.regular().get(j);
      if (m == null) {
        problems.add(Problem.of(at(index, term, ".regular[" + j + "]"), "mark.missing"));
      } else if (!matches(s.kind(), m)) {
        kind(s.kind(), m, at(index, term, ".regular[" + j + "]"), problems);
      }
    }
    if (t.midterm() == null) {
      problems.add(Problem.of(at(index, term, ".midterm"), "midterm.missing"));
    } else if (!matches(s.kind(), t.midterm())) {
      kind(s.kind(), t.midterm(), at(index, term, ".midterm"), problems);
    }
    if (t.finalTest() == null) {
      problems.add(Problem.of(at(index, term, ".final"), "final.missing"));
    } else if (!matches(s.kind(), t.finalTest())) {
      kind(s.kind(), t.finalTest(), at(index, term, ".final"), problems);
    }
  }

  private static String at(int index, String term, String rest) {
    return "subjects[" + index + "]" + term + rest;
  }

  private static boolean matches(SubjectKind kind, Mark m) {
    return kind == SubjectKind.SCORE ? m instanceof Score : m instanceof Comment;
  }

  private static void kind(SubjectKind kind, Mark m, String at, List<Problem> problems) {
    if (kind == SubjectKind.SCORE && !(m instanceof Score)) {
      problems.add(Problem.of(at, "mark.commentInScoreSubject"));
    } else if (kind == SubjectKind.COMMENT && !(m instanceof Comment)) {
      problems.add(Problem.of(at, "mark.scoreInCommentSubject"));
    }
  }

  private static void conduct(SecondaryPolicy policy, StudentYear r, List<Problem> problems) {
    var c = r.conduct();
    if (c == null) {
      problems.add(Problem.of("conduct", "conduct.missing"));
      return;
    }
    level(policy, c.term1(), "conduct.term1", true, problems);
    level(policy, c.term2(), "conduct.term2", true, problems);
    if (policy.conductYearGiven()) {
      level(policy, c.year(), "conduct.year", true, problems);
    } else if (c.year() != null) {
      problems.add(Problem.of("conduct.year", "conduct.yearDerived"));
    }
    level(policy, c.summer(), "conduct.summer", false, problems);
  }

  private static void level(
      SecondaryPolicy policy,
      @Nullable Level l,
      String at,
      boolean required,
      List<Problem> problems) {
    if (l == null) {
      if (required) {
        problems.add(Problem.of(at, "conduct.level.missing"));
      }
    } else if (!policy.conductScale().contains(l)) {
      problems.add(Problem.of(at, "conduct.level.notInScale", l.name()));
    }
  }
}
