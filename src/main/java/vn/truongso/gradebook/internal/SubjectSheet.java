package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.TermMarks;

/**
 * The columns of one subject's page in the grade book, as the class's policy draws them ({@link
 * vn.truongso.assessment.AssessmentPolicy#sheetSlots}): for the secondary circulars, as many
 * regular assessments as the subject's periods ask, then the mid-term and the end-of-term
 * assessment.
 */
public record SubjectSheet(
    String code,
    String name,
    SubjectKind kind,
    int periodsPerYear,
    PolicyCode policy,
    SecondaryPolicy rules,
    List<Slot> columns) {

  static SubjectSheet of(
      String code, String name, SubjectKind kind, int periods, SecondaryPolicy rules) {
    return new SubjectSheet(
        code, name, kind, periods, rules.code(), rules, rules.sheetSlots(kind, periods));
  }

  /** The columns' codes, as the cells, the files and the pages name them. */
  public List<String> slots() {
    return columns.stream().map(Slot::name).toList();
  }

  int regularCount() {
    return (int) columns.stream().filter(Slot::regular).count();
  }

  /** A term's marks from the cells by slot; an absent student's mark is missing. */
  TermMarks marks(Map<String, ScoreCells.Content> bySlot) {
    List<Mark> regular = new ArrayList<>();
    for (int i = 1; i <= regularCount(); i++) {
      regular.add(mark(bySlot.get(Slot.regular(i).name())));
    }
    return new TermMarks(
        regular, mark(bySlot.get(Slot.GK.name())), mark(bySlot.get(Slot.CK.name())));
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
