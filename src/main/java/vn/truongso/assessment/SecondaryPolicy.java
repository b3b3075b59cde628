package vn.truongso.assessment;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one circular assesses a lower or upper secondary student's school year: the secondary branch
 * of {@link AssessmentPolicy}. Implementations are pure: the same record and options always give
 * the same result.
 */
public non-sealed interface SecondaryPolicy extends AssessmentPolicy {

  /** The conduct levels the homeroom teacher chooses from, best first. */
  List<Level> conductScale();

  /** The learning levels of the circular, best first. */
  List<Level> learningScale();

  /** Regular assessments (đánh giá thường xuyên) a subject needs in each term. */
  int regularAssessments(SubjectKind kind, int periodsPerYear);

  /** Whether {@code regular} assessments in a term are enough (exactly, or at least). */
  boolean regularCountAccepted(SubjectKind kind, int periodsPerYear, int regular);

  /** Whether the year conduct is given by the homeroom teacher rather than derived. */
  boolean conductYearGiven();

  /**
   * The regular assessments the circular asks for the subject's periods, then the mid-term and the
   * end-of-term assessment (TT22 art. 6–7; TT58 art. 7).
   */
  @Override
  default List<Slot> sheetSlots(SubjectKind kind, int periodsPerYear) {
    List<Slot> slots = new ArrayList<>();
    for (int i = 1; i <= regularAssessments(kind, periodsPerYear); i++) {
      slots.add(Slot.regular(i));
    }
    slots.add(Slot.GK);
    slots.add(Slot.CK);
    return List.copyOf(slots);
  }

  /**
   * The periods the homeroom teacher records conduct for, in the class book's order: the terms, the
   * year where the teacher gives it, the summer's.
   */
  default List<Period> conductPeriods() {
    return conductYearGiven()
        ? List.of(Period.HK1, Period.HK2, Period.CN, Period.HE)
        : List.of(Period.HK1, Period.HK2, Period.HE);
  }

  /**
   * Whether an exempt subject still counts, assessed on what the student does (TT22 art. 10:
   * theory), rather than being left out of the year (TT58 art. 12).
   */
  boolean countsExemptSubjects();

  /** The mistakes in a record that keep it from being evaluated; empty when it can be. */
  List<Problem> check(StudentYear record);

  /**
   * Evaluates a complete record.
   *
   * @throws InvalidRecordException when {@link #check} finds problems
   */
  YearResult evaluate(StudentYear record, PolicyOptions options);

  /** A term's subject average, or null while marks are missing; for live display while typing. */
  java.math.@Nullable BigDecimal termAverage(TermMarks marks, int periodsPerYear);

  /**
   * A term's learning level from that term's marks alone (mid-year, before the year exists), or
   * null while a subject's term result is missing.
   */
  @Nullable Level termLearning(List<SubjectRecord> subjects, int term, PolicyOptions options);

  /** A scored subject's year average from its two recorded term averages. */
  default java.math.BigDecimal yearAverage(java.math.BigDecimal term1, java.math.BigDecimal term2) {
    return vn.truongso.assessment.common.Averages.year(term1, term2);
  }

  /** A comment subject's year result from its term results: both circulars take term II's. */
  default Comment yearComment(Comment term1, Comment term2) {
    return term2;
  }

  /** A comment subject's term result, or null while assessments are missing. */
  @Nullable Comment termComment(TermMarks marks, int periodsPerYear);
}
