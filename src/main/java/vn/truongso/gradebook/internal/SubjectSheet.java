package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.TermMarks;

/**
 * The columns of one subject's page in the grade book: as many regular assessments as the circular
 * asks for the subject's periods, then the mid-term and the end-of-term assessment.
 */
public record SubjectSheet(
    String code,
    String name,
    SubjectKind kind,
    int periodsPerYear,
    PolicyCode policy,
    SecondaryPolicy rules,
    List<String> slots) {

  static SubjectSheet of(
      String code, String name, SubjectKind kind, int periods, SecondaryPolicy rules) {
    List<String> slots = new ArrayList<>();
    int regular = rules.regularAssessments(kind, periods);
    for (int i = 1; i <= regular; i++) {
      slots.add("TX" + i);
    }
    slots.add("GK");
    slots.add("CK");
    return new SubjectSheet(code, name, kind, periods, rules.code(), rules, List.copyOf(slots));
  }

  int regularCount() {
    return slots.size() - 2;
  }

  /** A term's marks from the cells by slot; an absent student's mark is missing. */
  TermMarks marks(Map<String, ScoreCells.Content> bySlot) {
    List<Mark> regular = new ArrayList<>();
    for (int i = 1; i <= regularCount(); i++) {
      ScoreCells.Content c = bySlot.get("TX" + i);
      regular.add(c == null ? null : c.mark());
    }
    return new TermMarks(regular, mark(bySlot.get("GK")), mark(bySlot.get("CK")));
  }

  /** The term average (scored subject) or result (comment subject), or null while incomplete. */
  Object termResult(Map<String, ScoreCells.Content> bySlot) {
    TermMarks t = marks(bySlot);
    return kind == SubjectKind.SCORE
        ? rules.termAverage(t, periodsPerYear)
        : rules.termComment(t, periodsPerYear);
  }

  private static Mark mark(ScoreCells.Content c) {
    return c == null ? null : c.mark();
  }
}
