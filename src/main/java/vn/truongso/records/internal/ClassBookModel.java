package vn.truongso.records.internal;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.Title;
import vn.truongso.people.People;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.Sex;

/**
 * The printed class book (sổ theo dõi và đánh giá học sinh theo lớp học, TT22 annex) page by page,
 * as values ready to print: numbers already in the book's notation (8,5), levels, comments and
 * codes left for the page to translate. docs/domain/official-books.md names the source of each
 * page.
 */
public record ClassBookModel(
    Head head,
    List<TeacherLine> teachers,
    List<StudentRow> students,
    List<Month> months,
    List<AbsenceRow> absences,
    AbsenceRow absenceTotals,
    List<Term> terms,
    YearSummary year) {

  /** The levels the totals count, in the order TT22 art. 9 and 8 name them. */
  public static final List<Level> LEVELS = List.of(Level.TOT, Level.KHA, Level.DAT, Level.CHUA_DAT);

  /** What the cover and the title page print; {@code approved}: the year's results are. */
  public record Head(
      String school,
      @Nullable String ward,
      @Nullable String province,
      String className,
      boolean upperSecondary,
      int startYear,
      int size,
      @Nullable String homeroom,
      @Nullable String principal,
      boolean approved) {}

  /** A subject of the title page and who teaches it (names joined, as the line prints them). */
  public record TeacherLine(String subject, String teachers) {}

  /** A line of the students' records (sơ yếu lí lịch). */
  public record StudentRow(
      int n,
      String name,
      String birthDate,
      @Nullable String birthPlace,
      @Nullable Sex sex,
      @Nullable String ethnicity,
      @Nullable PolicyStatus priority,
      @Nullable String address,
      List<Parent> parents,
      List<Change> changes) {}

  /** A father, mother or guardian: name, occupation, phone, e-mail where known. */
  public record Parent(People.Relation relation, List<String> details) {}

  /** A change during the year: an enrolment's reason code ({@code TRANSFER_IN} …) and its day. */
  public record Change(String reason, String on, @Nullable String note) {}

  /** An attendance page: a month, its days and their weekdays (null past the month's end). */
  public record Month(int month, int year, List<Day> days) {}

  public record Day(int day, @Nullable DayOfWeek weekday) {}

  /** A student's sessions missed, excused (P) and not (K), by term. */
  public record AbsenceRow(
      int n, String name, int excused1, int unexcused1, int excused2, int unexcused2) {
    public int total1() {
      return excused1 + unexcused1;
    }

    public int total2() {
      return excused2 + unexcused2;
    }

    public int total() {
      return total1() + total2();
    }
  }

  /** A term's subject pages and its summary. */
  public record Term(int term, List<SubjectPage> subjects, Summary summary) {}

  /** One subject's page in a term, with the teacher who signs it. */
  public record SubjectPage(
      int term,
      String code,
      String name,
      SubjectKind kind,
      @Nullable String teacher,
      List<SubjectRow> rows) {}

  /**
   * A student's line on a subject page: four regular cells, mid-term, end-of-term, the term's value
   * and, in term II, the year's and the re-assessment's. A cell is a score with a decimal comma, a
   * comment's name ({@code DAT}), {@code ABSENT} for a test to be made up, or empty.
   */
  public record SubjectRow(
      int n,
      String name,
      List<String> regular,
      String mid,
      String end,
      String term,
      String year,
      String retest,
      @Nullable Period exempt,
      Map<String, Correction> corrected) {}

  /**
   * A cell changed through a correction request after entry closed, printed as the paper book
   * writes it (DH-SD art. 5.2): the value it had struck through in red, the value it has, and the
   * request's number. {@code before} is in the cells' notation.
   */
  public record Correction(String before, long request) {}

  /** A summary page: one column per subject (numbered, named in a key below), then the levels. */
  public record Summary(
      List<SummaryColumn> columns,
      List<SummaryRow> rows,
      Map<Level, Integer> learning,
      Map<Level, Integer> conduct) {}

  public record SummaryColumn(int n, String name, SubjectKind kind) {}

  public record SummaryRow(
      int n, String name, List<String> values, @Nullable Level learning, @Nullable Level conduct) {}

  /** The year's summary, the year's ranking page and the class's totals. */
  public record YearSummary(Summary summary, List<RankRow> ranks, ClassTotals totals) {}

  /** {@code promoted} null while the summer's results are awaited or the year is incomplete. */
  public record RankRow(
      int n,
      String name,
      @Nullable Level conduct,
      @Nullable Level learning,
      @Nullable Level conductAfter,
      @Nullable Level learningAfter,
      int absences,
      @Nullable Boolean promoted,
      @Nullable Title title) {}

  /** "Tổng hợp chung": class size, promoted (of whom after the summer), not promoted, titles. */
  public record ClassTotals(
      int size,
      int promoted,
      int promotedAfterSummer,
      int notPromoted,
      int undecided,
      int absences,
      Map<Title, Integer> titles) {}
}
