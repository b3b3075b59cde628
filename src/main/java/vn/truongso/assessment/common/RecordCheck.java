package vn.truongso.assessment.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
  private RecordCheck() {}

  public static List<Problem> check(SecondaryPolicy policy, StudentYear r) {
    List<Problem> problems = new ArrayList<>();
    if (r.grade() < 6 || r.grade() > 12) {
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
      String at = "subjects[" + i + "]";
      if (s.code() == null || s.code().isBlank()) {
        problems.add(Problem.of(at + ".code", "subject.code.missing"));
      } else if (!codes.add(s.code())) {
        problems.add(Problem.of(at + ".code", "subject.code.twice", s.code()));
      }
      if (s.kind() == null) {
        problems.add(Problem.of(at + ".kind", "subject.kind.missing"));
        continue;
      }
      if (s.periodsPerYear() < 1 || s.periodsPerYear() > 500) {
        problems.add(Problem.of(at + ".periodsPerYear", "subject.periods.range"));
        continue;
      }
      if (skipsMarks(policy, s)) {
        continue;
      }
      term(policy, s, s.term1(), at + ".term1", problems);
      term(policy, s, s.term2(), at + ".term2", problems);
      if (s.retest() != null) {
        kind(s.kind(), s.retest(), at + ".retest", problems);
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
      SecondaryPolicy policy, SubjectRecord s, TermMarks t, String at, List<Problem> problems) {
    if (t == null) {
      problems.add(Problem.of(at, "term.missing"));
      return;
    }
    int required = policy.regularAssessments(s.kind(), s.periodsPerYear());
    if (!policy.regularCountAccepted(s.kind(), s.periodsPerYear(), t.regular().size())) {
      problems.add(
          Problem.of(
              at + ".regular", "regular.count", required, s.periodsPerYear(), t.regular().size()));
    }
    for (int j = 0; j < t.regular().size(); j++) {
      if (t.regular().get(j) == null) {
        problems.add(Problem.of(at + ".regular[" + j + "]", "mark.missing"));
      } else {
        kind(s.kind(), t.regular().get(j), at + ".regular[" + j + "]", problems);
      }
    }
    if (t.midterm() == null) {
      problems.add(Problem.of(at + ".midterm", "midterm.missing"));
    } else {
      kind(s.kind(), t.midterm(), at + ".midterm", problems);
    }
    if (t.finalTest() == null) {
      problems.add(Problem.of(at + ".final", "final.missing"));
    } else {
      kind(s.kind(), t.finalTest(), at + ".final", problems);
    }
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
      SecondaryPolicy policy, Level l, String at, boolean required, List<Problem> problems) {
    if (l == null) {
      if (required) {
        problems.add(Problem.of(at, "conduct.level.missing"));
      }
    } else if (!policy.conductScale().contains(l)) {
      problems.add(Problem.of(at, "conduct.level.notInScale", l.name()));
    }
  }
}
