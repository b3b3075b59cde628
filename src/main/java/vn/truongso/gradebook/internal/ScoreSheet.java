package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;

/**
 * The page a subject teacher sees for a class, subject and term: the columns the circular gives the
 * subject (and the re-test once the year is approved), a row per student in the class on the entry
 * day with each cell's text and version and the student's term result, who is exempt, and which
 * columns a lock, a deadline or the cut-off has closed. Reading only; typing goes through {@link
 * ScoreEntry}.
 */
@Service
public class ScoreSheet {

  private final ScoreEntry entry;
  private final ScoreCells cells;
  private final Classes classes;
  private final ApprovalStates approvals;
  private final ArrangementStore arrangements;
  private final EntryGate gate;

  ScoreSheet(
      ScoreEntry entry,
      ScoreCells cells,
      Classes classes,
      ApprovalStates approvals,
      ArrangementStore arrangements,
      EntryGate gate) {
    this.entry = entry;
    this.cells = cells;
    this.classes = classes;
    this.approvals = approvals;
    this.arrangements = arrangements;
    this.gate = gate;
  }

  /** One subject's page for a class and term, students in Vietnamese order. */
  public record Sheet(
      Classes.SchoolClass schoolClass,
      int term,
      SubjectSheet subject,
      List<String> columns,
      List<Row> rows,
      boolean editable,
      boolean frozen,
      Map<String, EntryGate.Verdict> gate) {

    /** Whether the column takes typing now (the approval state aside). */
    public boolean open(String slot) {
      EntryGate.Verdict v = gate.get(slot);
      return v == null || v.open();
    }

    /** The columns closed by a lock, a passed deadline or the cut-off, for the banner. */
    public List<Map.Entry<String, EntryGate.Verdict>> closed() {
      return gate.entrySet().stream().filter(e -> !e.getValue().open()).toList();
    }
  }

  /**
   * {@code exemption}: HK1, HK2 or CN when the student is exempt from the subject (shown by the
   * name); {@code leftOut}: the subject does not count for the student this year, so the row takes
   * no marks (TT58 art. 12).
   */
  public record Row(
      long studentId,
      People.Student student,
      Map<String, CellView> cells,
      String result,
      String exemption,
      boolean leftOut) {}

  /** A cell as the page shows it: the text and the version a change must be based on. */
  public record CellView(String text, int version) {}

  @Transactional(readOnly = true)
  public Sheet sheet(long schoolId, long classId, String subjectCode, int term) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    boolean editable = entry.mayEnter(c, subjectCode);
    if (!editable && !entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.sheet");
    }
    SubjectSheet subject = entry.subject(c, subjectCode);
    ScoreEntry.term(term);
    ApprovalStates.Status status = approvals.ofClass(schoolId, classId).get(term);
    List<String> columns = new ArrayList<>(subject.slots());
    if (term == 2 && status != null && status.approved()) {
      columns.add(ScoreEntry.RETEST);
    }
    List<Row> rows = rows(c, subject, term, columns);
    Map<String, EntryGate.Verdict> verdicts =
        gate.columns(
            new EntryGate.Sheet(schoolId, c.startYear(), term, c.grade(), classId, subjectCode),
            columns);
    return new Sheet(
        c, term, subject, columns, rows, editable, status != null && status.frozen(), verdicts);
  }

  private List<Row> rows(
      Classes.SchoolClass c, SubjectSheet subject, int term, List<String> columns) {
    Map<Long, Map<String, ScoreCells.Cell>> byStudent = new HashMap<>();
    for (ScoreCells.Cell cell : cells.cells(c.schoolId(), c.id(), subject.code(), term, null)) {
      byStudent.computeIfAbsent(cell.studentId(), id -> new HashMap<>()).put(cell.slot(), cell);
    }
    List<People.Student> roster = classes.roster(c.schoolId(), c.id(), entry.entryDay(c));
    ArrangementStore.OfYear arranged =
        arrangements.ofClass(c, roster.stream().map(People.Student::id).toList());
    List<Row> rows = new ArrayList<>();
    for (People.Student s : roster) {
      rows.add(
          row(
              s,
              subject,
              columns,
              byStudent.getOrDefault(s.id(), Map.of()),
              arranged.exemption(s.id(), subject.code())));
    }
    return rows;
  }

  private static Row row(
      People.Student s,
      SubjectSheet subject,
      List<String> columns,
      Map<String, ScoreCells.Cell> mine,
      ArrangementStore.Exemption exemption) {
    Map<String, CellView> views = new LinkedHashMap<>();
    Map<String, ScoreCells.Content> contents = new HashMap<>();
    for (String slot : columns) {
      ScoreCells.Cell cell = mine.get(slot);
      views.put(
          slot,
          cell == null
              ? new CellView("", 0)
              : new CellView(TypedMarks.text(cell.content()), cell.version()));
      // A re-test is not one of the term's marks, so it stays out of the term's result.
      if (cell != null && !slot.equals(ScoreEntry.RETEST)) {
        contents.put(slot, cell.content());
      }
    }
    boolean leftOut = exemption != null && !subject.rules().countsExemptSubjects();
    return new Row(
        s.id(),
        s,
        views,
        leftOut ? "" : TypedMarks.result(subject.termResult(contents)),
        exemption == null ? null : exemption.terms(),
        leftOut);
  }
}
