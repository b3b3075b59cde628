package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Slot;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.ClassYears;

/** The class book's lines as the official books read them. */
@Service
class BookClassYears implements ClassYears {

  private final ClassBook classBook;
  private final ScoreEntry entry;
  private final ScoreCells cells;
  private final HomeroomEntries homeroom;

  BookClassYears(
      ClassBook classBook, ScoreEntry entry, ScoreCells cells, HomeroomEntries homeroom) {
    this.classBook = classBook;
    this.entry = entry;
    this.cells = cells;
    this.homeroom = homeroom;
  }

  @Override
  @Transactional(readOnly = true)
  public ClassYear of(long schoolId, long classId) {
    ClassBook.Book book = classBook.book(schoolId, classId);
    List<StudentYear> students = new ArrayList<>();
    for (ClassBook.Line l : book.lines()) {
      Map<Period, Level> conduct = new EnumMap<>(Period.class);
      l.conduct()
          .forEach(
              (period, level) ->
                  Period.parse(period)
                      .filter(p -> level != null)
                      .ifPresent(p -> conduct.put(p, HomeroomValues.level(level))));
      Map<String, Period> exemptions = new LinkedHashMap<>();
      l.exemptions()
          .forEach(
              (subject, e) -> Period.parse(e.terms()).ifPresent(p -> exemptions.put(subject, p)));
      students.add(
          new StudentYear(l.student().id(), l.year(), conduct, l.absentSessions(), exemptions));
    }
    var c = book.schoolClass();
    ApprovalStates.Status year = book.approval().get(2);
    return new ClassYear(
        schoolId,
        classId,
        c.name(),
        c.homeroomName(),
        c.grade(),
        c.startYear(),
        book.policy() == null ? null : book.policy().code(),
        year != null && year.approved(),
        book.subjects().stream().map(s -> new Subject(s.code(), s.name(), s.kind())).toList(),
        students);
  }

  @Override
  @Transactional(readOnly = true)
  public Sheets sheets(long schoolId, long classId) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    if (!entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.book");
    }
    Map<String, List<Slot>> columns = new LinkedHashMap<>();
    if (classBook.policy(c) != null) {
      for (SubjectSheet s : classBook.subjects(c)) {
        columns.put(s.code(), s.columns());
      }
    }
    List<Cell> marks = new ArrayList<>();
    for (ScoreCells.ClassCell cell : cells.cellsOfClass(schoolId, classId)) {
      Slot.parse(cell.slot())
          .ifPresent(
              slot ->
                  marks.add(
                      new Cell(
                          cell.subject(),
                          cell.term(),
                          cell.studentId(),
                          slot,
                          cell.content().mark(),
                          cell.content().absent())));
    }
    List<Absences> absences = new ArrayList<>();
    homeroom
        .absences(schoolId, classId)
        .forEach(
            (student, terms) ->
                terms.forEach(
                    (term, a) ->
                        absences.add(new Absences(student, term, a.excused(), a.unexcused()))));
    return new Sheets(columns, marks, absences);
  }
}
