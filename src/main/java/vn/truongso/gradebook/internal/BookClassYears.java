package vn.truongso.gradebook.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.Slot;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.ClassYears;
import vn.truongso.people.People;

/** The class book's lines as the official books read them. */
@Service
class BookClassYears implements ClassYears {

  private final ClassBook classBook;
  private final ScoreCells cells;

  BookClassYears(ClassBook classBook, ScoreCells cells) {
    this.classBook = classBook;
    this.cells = cells;
  }

  @Override
  @Transactional(readOnly = true)
  public ClassYear of(long schoolId, long classId) {
    ClassBook.Book book = classBook.bookToSign(schoolId, classId);
    List<StudentYear> students = book.lines().stream().map(BookClassYears::studentYear).toList();
    List<Leaver> leavers = new ArrayList<>();
    List<Classes.Leaver> left = classBook.leavers(book.schoolClass());
    Map<Long, ClassBook.Line> leaverLines = leaverLines(book, left);
    for (Classes.Leaver l : left) {
      ClassBook.Line line = leaverLines.get(l.student().id());
      if (line != null) {
        leavers.add(new Leaver(studentYear(line), l.leftOn(), l.reason()));
      }
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
        students,
        leavers);
  }

  private Map<Long, ClassBook.Line> leaverLines(ClassBook.Book book, List<Classes.Leaver> left) {
    Map<Long, ClassBook.Line> out = new LinkedHashMap<>();
    List<People.Student> students = left.stream().map(Classes.Leaver::student).toList();
    classBook.leaverLines(book.schoolClass(), students).forEach(l -> out.put(l.student().id(), l));
    return out;
  }

  private static StudentYear studentYear(ClassBook.Line l) {
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
    return new StudentYear(l.student().id(), l.year(), conduct, l.absentSessions(), exemptions);
  }

  @Override
  @Transactional(readOnly = true)
  public Sheets sheets(long schoolId, long classId) {
    ClassBook.Book book = classBook.bookToSign(schoolId, classId);
    Map<String, List<Slot>> columns = new LinkedHashMap<>();
    if (book.policy() != null) {
      book.subjects().forEach(s -> columns.put(s.code(), s.columns()));
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
    List<TermResults> terms = new ArrayList<>();
    List<Absences> absences = new ArrayList<>();
    List<ClassBook.Line> lines = new ArrayList<>(book.lines());
    lines.addAll(leaverLines(book, classBook.leavers(book.schoolClass())).values());
    for (ClassBook.Line l : lines) {
      long id = l.student().id();
      for (int term = 1; term <= 2; term++) {
        Map<String, Mark> results = new LinkedHashMap<>();
        for (ClassBook.SubjectValues v : l.subjects()) {
          Mark m = mark(term == 1 ? v.term1() : v.term2());
          if (m != null) {
            results.put(v.code(), m);
          }
        }
        terms.add(
            new TermResults(id, term, results, term == 1 ? l.learningTerm1() : l.learningTerm2()));
      }
      l.absences()
          .forEach((term, a) -> absences.add(new Absences(id, term, a.excused(), a.unexcused())));
    }
    return new Sheets(columns, marks, terms, absences);
  }

  /** A term's value as the book holds it: an average, a comment, or the exempt marker (none). */
  private static Mark mark(Object value) {
    return switch (value) {
      case BigDecimal v -> new Score(v);
      case Comment c -> c;
      case null, default -> null;
    };
  }
}
