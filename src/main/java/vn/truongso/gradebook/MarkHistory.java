package vn.truongso.gradebook;

import java.time.Instant;
import java.util.List;

/**
 * Every change made to a mark after it was first entered, as the school's leaders check it before
 * the monthly meeting (nhật kí sửa điểm, DH-SD art. 5.2): who changed which cell, when, from what
 * to what, and on which correction request if any. Values are in the book's notation: {@code 8,5},
 * {@code DAT} / {@code CHUA_DAT}, {@code ABSENT}, empty for a cleared cell. The caller checks that
 * the user may see the school's book.
 */
public interface MarkHistory {

  /** How a value came into the book: typed on the sheet, read from a file, or corrected. */
  enum Source {
    PAGE,
    FILE,
    CORRECTION
  }

  record Change(
      long classId,
      String className,
      int grade,
      String subjectCode,
      String subjectName,
      int term,
      long studentId,
      String studentName,
      String slot,
      int version,
      String before,
      String after,
      Instant at,
      long byAccountId,
      String byName,
      Source source,
      Long correctionRequestId) {}

  /**
   * Changes after first entry made from {@code from} (inclusive) to {@code to} (exclusive) in the
   * classes of a school year, in the order they were made.
   */
  List<Change> changes(long schoolId, int startYear, Instant from, Instant to);
}
