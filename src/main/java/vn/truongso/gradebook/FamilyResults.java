package vn.truongso.gradebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A student's grade book as their family may see it: only what is published (a column once its
 * entry window has closed or its term is published, a term's results once published or approved, as
 * the principal chose). Nothing unpublished leaves this door, so nothing unpublished can reach a
 * family's browser. The caller (the portal) has checked that the family may see the student.
 */
public interface FamilyResults {

  /** The student's year; empty when they were in no class of the school that year. */
  Optional<Year> of(long schoolId, long studentId, int startYear);

  /**
   * {@code secondary}: the class keeps the secondary book (TT22/TT58); a primary or kindergarten
   * class has no marks here yet. {@code withheld}: how many entered values are not published yet
   * (the family is told that more will come, not what).
   */
  record Year(
      long classId,
      String className,
      int grade,
      int startYear,
      boolean secondary,
      List<Subject> subjects,
      List<Term> terms,
      @Nullable String outcome,
      @Nullable String title,
      int withheld) {}

  /**
   * A subject: its published values in the book's order, and per term (1, 2; 3 the year) its result
   * once that result is published: an average (8,5) or a level (DAT, CHUA_DAT).
   */
  record Subject(String code, String name, List<Value> values, Map<Integer, String> results) {}

  /** A value of a column ({@code TX1}, {@code GK}, {@code CK}…) as the book prints it. */
  record Value(int term, String slot, String text) {}

  /**
   * A term's results (1, 2; 3 the year): {@code shown} once published or approved; learning and
   * conduct as the assessment's levels ({@code TOT}, {@code KHA}…).
   */
  record Term(
      int term,
      boolean shown,
      @Nullable String learning,
      @Nullable String conduct,
      int excused,
      int unexcused) {}
}
