package vn.truongso.records.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectResult;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.YearResult;
import vn.truongso.gradebook.ClassYears;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.records.internal.ClassBookModel.AbsenceRow;
import vn.truongso.records.internal.ClassBookModel.ClassTotals;
import vn.truongso.records.internal.ClassBookModel.RankRow;
import vn.truongso.records.internal.ClassBookModel.SubjectPage;
import vn.truongso.records.internal.ClassBookModel.SubjectRow;
import vn.truongso.records.internal.ClassBookModel.Summary;
import vn.truongso.records.internal.ClassBookModel.SummaryColumn;
import vn.truongso.records.internal.ClassBookModel.SummaryRow;

/**
 * The class book's pages of marks and results from the class book's year and sheets: a page per
 * subject and term, the term and year summaries, the year's ranking with the class's totals, and
 * the absences. No database: {@link ClassBookReader} reads and hands them in.
 */
final class ClassBookPages {

  /** A student of the class in the book's order (the roster's Vietnamese order), numbered. */
  record Numbered(int n, String name, ClassYears.StudentYear year) {}

  private final ClassYears.ClassYear classYear;
  private final List<Numbered> roster;
  private final Map<String, ClassYears.Cell> cells = new HashMap<>();
  private final Map<String, ClassYears.TermResults> terms = new HashMap<>();
  private final Map<String, ClassYears.Absences> absences = new HashMap<>();

  private final Map<String, ClassBookModel.Correction> corrections = new HashMap<>();

  /**
   * @param changes the year's mark changes; those of this class made through a correction request
   *     print as corrections
   */
  ClassBookPages(
      ClassYears.ClassYear y,
      ClassYears.Sheets sheets,
      List<Numbered> roster,
      List<MarkHistory.Change> changes) {
    this.classYear = y;
    this.roster = roster;
    for (MarkHistory.Change c : changes) {
      if (c.classId() != y.classId()
          || c.source() != MarkHistory.Source.CORRECTION
          || c.correctionRequestId() == null) {
        continue;
      }
      // several corrections of one cell: the book strikes the first value and names the last
      // request
      corrections.merge(
          cellKey(c.studentId(), c.subjectCode(), c.term(), Slot.valueOf(c.slot())),
          new ClassBookModel.Correction(c.before(), c.correctionRequestId()),
          (first, later) -> new ClassBookModel.Correction(first.before(), later.request()));
    }
    for (ClassYears.Cell c : sheets.cells()) {
      cells.put(cellKey(c.studentId(), c.subject(), c.term(), c.slot()), c);
    }
    for (ClassYears.TermResults t : sheets.terms()) {
      terms.put(t.studentId() + "/" + t.term(), t);
    }
    for (ClassYears.Absences a : sheets.absences()) {
      absences.put(a.studentId() + "/" + a.term(), a);
    }
  }

  /** The subject's page of a term: the four regular cells, GK, CK, the term's and year's value. */
  SubjectPage subject(ClassYears.Subject s, int term, @Nullable String teacher) {
    List<SubjectRow> rows = new ArrayList<>();
    for (Numbered r : roster) {
      long id = r.year().studentId();
      List<String> regular = new ArrayList<>();
      for (int i = 1; i <= Slot.MAX_REGULAR; i++) {
        regular.add(cell(id, s.code(), term, Slot.regular(i)));
      }
      SubjectResult result = result(r.year().year(), s.code());
      rows.add(
          new SubjectRow(
              r.n(),
              r.name(),
              regular,
              cell(id, s.code(), term, Slot.GK),
              cell(id, s.code(), term, Slot.CK),
              HocBaPrint.text(termValue(id, s.code(), term)),
              term == 2 ? HocBaPrint.text(yearValue(result)) : "",
              term == 2 ? retest(id, s.code(), result) : "",
              r.year().exemptions().get(s.code()),
              corrected(id, s.code(), term)));
    }
    return new SubjectPage(term, s.code(), s.name(), s.kind(), teacher, rows);
  }

  /** A term's summary (term 1 or 2) or the year's (0). */
  Summary summary(int term) {
    List<ClassYears.Subject> subjects = summaryOrder();
    List<SummaryColumn> columns = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      columns.add(new SummaryColumn(i + 1, subjects.get(i).name(), subjects.get(i).kind()));
    }
    List<SummaryRow> rows = new ArrayList<>();
    Map<Level, Integer> learning = counts();
    Map<Level, Integer> conduct = counts();
    for (Numbered r : roster) {
      long id = r.year().studentId();
      YearResult y = r.year().year();
      List<String> values = new ArrayList<>();
      for (ClassYears.Subject s : subjects) {
        Mark m = term == 0 ? yearValue(result(y, s.code())) : termValue(id, s.code(), term);
        values.add(HocBaPrint.text(m));
      }
      Level l = term == 0 ? (y == null ? null : y.learningYear()) : termLearning(id, term);
      Level c =
          term == 0
              ? (y == null ? null : y.conductYear())
              : r.year().conduct().get(term == 1 ? Period.HK1 : Period.HK2);
      count(learning, l);
      count(conduct, c);
      rows.add(new SummaryRow(r.n(), r.name(), values, l, c));
    }
    return new Summary(columns, rows, learning, conduct);
  }

  /** The year's ranking page ("XẾP LOẠI CẢ NĂM HỌC") line by line. */
  List<RankRow> ranks() {
    List<RankRow> rows = new ArrayList<>();
    for (Numbered r : roster) {
      YearResult y = r.year().year();
      rows.add(
          new RankRow(
              r.n(),
              r.name(),
              y == null ? null : y.conductYear(),
              y == null ? null : y.learningYear(),
              y == null ? null : y.conductAfterSummer(),
              y == null ? null : y.learningAfterRetest(),
              r.year().absentSessions(),
              y == null ? null : promoted(y.outcome()),
              y == null ? null : y.title()));
    }
    return rows;
  }

  /** The "Tổng hợp chung" box: promoted after the summer counts among the promoted. */
  ClassTotals totals() {
    int promoted = 0;
    int afterSummer = 0;
    int notPromoted = 0;
    int absent = 0;
    Map<Title, Integer> titles = new EnumMap<>(Title.class);
    for (Title t : Title.values()) {
      titles.put(t, 0);
    }
    for (Numbered r : roster) {
      YearResult y = r.year().year();
      absent += r.year().absentSessions();
      if (y == null) {
        continue;
      }
      if (y.outcome() == Outcome.PROMOTED) {
        promoted++;
        if (y.learningAfterRetest() != null || y.conductAfterSummer() != null) {
          afterSummer++;
        }
      } else if (y.outcome() == Outcome.RETAINED) {
        notPromoted++;
      }
      if (y.title() != null) {
        titles.merge(y.title(), 1, Integer::sum);
      }
    }
    int size = roster.size();
    return new ClassTotals(
        size, promoted, afterSummer, notPromoted, size - promoted - notPromoted, absent, titles);
  }

  /** Each student's sessions missed by term, as the homeroom teacher entered them. */
  List<AbsenceRow> absences() {
    List<AbsenceRow> rows = new ArrayList<>();
    for (Numbered r : roster) {
      ClassYears.Absences a1 = absences.get(r.year().studentId() + "/1");
      ClassYears.Absences a2 = absences.get(r.year().studentId() + "/2");
      rows.add(
          new AbsenceRow(
              r.n(),
              r.name(),
              a1 == null ? 0 : a1.excused(),
              a1 == null ? 0 : a1.unexcused(),
              a2 == null ? 0 : a2.excused(),
              a2 == null ? 0 : a2.unexcused()));
    }
    return rows;
  }

  static AbsenceRow total(List<AbsenceRow> rows) {
    int e1 = 0;
    int u1 = 0;
    int e2 = 0;
    int u2 = 0;
    for (AbsenceRow r : rows) {
      e1 += r.excused1();
      u1 += r.unexcused1();
      e2 += r.excused2();
      u2 += r.unexcused2();
    }
    return new AbsenceRow(0, "", e1, u1, e2, u2);
  }

  /** Comment subjects first, then scored ones (the summary pages' two merged headers). */
  private List<ClassYears.Subject> summaryOrder() {
    List<ClassYears.Subject> out = new ArrayList<>();
    for (SubjectKind kind : List.of(SubjectKind.COMMENT, SubjectKind.SCORE)) {
      classYear.subjects().stream().filter(s -> s.kind() == kind).forEach(out::add);
    }
    return out;
  }

  /** The student's corrected cells of the subject and term, by slot name. */
  private Map<String, ClassBookModel.Correction> corrected(
      long studentId, String subject, int term) {
    Map<String, ClassBookModel.Correction> out = new HashMap<>();
    for (Slot slot : Slot.values()) {
      ClassBookModel.Correction c = corrections.get(cellKey(studentId, subject, term, slot));
      if (c != null) {
        out.put(slot.name(), c);
      }
    }
    return out;
  }

  private String cell(long studentId, String subject, int term, Slot slot) {
    ClassYears.Cell c = cells.get(cellKey(studentId, subject, term, slot));
    if (c == null) {
      return "";
    }
    if (c.absent()) {
      return "ABSENT";
    }
    // a mark as the teacher typed it (9, 8,5), as the grade book shows it; averages keep 9,0
    return c.mark() instanceof Score s
        ? s.value().stripTrailingZeros().toPlainString().replace('.', ',')
        : HocBaPrint.text(c.mark());
  }

  private @Nullable Mark termValue(long studentId, String subject, int term) {
    ClassYears.TermResults t = terms.get(studentId + "/" + term);
    return t == null ? null : t.subjects().get(subject);
  }

  private @Nullable Level termLearning(long studentId, int term) {
    ClassYears.TermResults t = terms.get(studentId + "/" + term);
    return t == null ? null : t.learning();
  }

  private String retest(long studentId, String subject, @Nullable SubjectResult result) {
    if (result != null && result.yearAfterRetest() != null) {
      return HocBaPrint.text(result.yearAfterRetest());
    }
    return cell(studentId, subject, 2, Slot.RETEST);
  }

  private static @Nullable SubjectResult result(@Nullable YearResult y, String subject) {
    if (y == null) {
      return null;
    }
    return y.subjects().stream().filter(s -> s.code().equals(subject)).findFirst().orElse(null);
  }

  private static @Nullable Mark yearValue(@Nullable SubjectResult r) {
    if (r == null) {
      return null;
    }
    if (r.kind() == SubjectKind.SCORE) {
      return r.yearAverage() == null ? null : new Score(r.yearAverage());
    }
    return r.yearResult();
  }

  private static Map<Level, Integer> counts() {
    Map<Level, Integer> m = new EnumMap<>(Level.class);
    for (Level l : ClassBookModel.LEVELS) {
      m.put(l, 0);
    }
    return m;
  }

  private static void count(Map<Level, Integer> counts, @Nullable Level l) {
    if (l != null) {
      counts.merge(l, 1, Integer::sum);
    }
  }

  /** Promoted or not; null while the summer's re-assessment or training is still ahead. */
  private static @Nullable Boolean promoted(Outcome o) {
    return switch (o) {
      case PROMOTED -> true;
      case RETAINED -> false;
      case RETEST, SUMMER_TRAINING, PRINCIPAL_DECIDES -> null;
    };
  }

  private static String cellKey(long studentId, String subject, int term, Slot slot) {
    return studentId + "/" + subject + "/" + term + "/" + slot;
  }
}
