package vn.truongso.gradebook;

import java.time.LocalDate;
import java.util.List;

/**
 * How far the school's score entry has come against the deadlines (DH-SD art. 5.1, the monthly
 * check of BA-HBS art. 4): for every class, subject and term that has a teacher assigned, each
 * column's deadline and how many students have a mark in it. The caller checks that the user may
 * see the school's book.
 */
public interface EntryProgress {

  /**
   * One column: {@code due} null when the school's calendar sets no deadline for it; {@code
   * pastDue} once the deadline is behind the day asked about.
   */
  record Column(String slot, LocalDate due, boolean pastDue, int filled, int missing) {

    public boolean overdue() {
      return pastDue && missing > 0;
    }
  }

  /** One class × subject × term and its assigned teacher. */
  record Sheet(
      long classId,
      String className,
      int grade,
      String subjectCode,
      String subjectName,
      int term,
      long teacherStaffId,
      String teacherName,
      int students,
      List<Column> columns) {

    /** Cells in columns whose deadline has passed: these should all hold a mark by now. */
    public int dueCells() {
      return columns.stream().filter(Column::pastDue).mapToInt(c -> c.filled() + c.missing()).sum();
    }

    /** Cells in columns past their deadline that are still empty. */
    public int overdueCells() {
      return columns.stream().filter(Column::pastDue).mapToInt(Column::missing).sum();
    }

    public int filledCells() {
      return columns.stream().mapToInt(Column::filled).sum();
    }

    public int cells() {
      return columns.stream().mapToInt(c -> c.filled() + c.missing()).sum();
    }
  }

  /**
   * Every assigned sheet of the school year's lower and upper secondary classes, as of {@code on}.
   */
  List<Sheet> ofSchool(long schoolId, int startYear, LocalDate on);
}
