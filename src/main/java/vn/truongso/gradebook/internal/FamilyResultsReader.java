package vn.truongso.gradebook.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Level;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.FamilyResults;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;

/**
 * {@link FamilyResults}: the class book's line of one student, with every value and result the
 * school has not published yet left out before anything is returned.
 */
@Service
class FamilyResultsReader implements FamilyResults {

  private final ClassBook classBook;
  private final ScoreEntry entry;
  private final ScoreCells cells;
  private final Classes classes;
  private final Organisation org;
  private final EntryGate gate;
  private final ApprovalStates approvals;
  private final Publications publications;
  private final vn.truongso.people.People people;

  FamilyResultsReader(
      ClassBook classBook,
      ScoreEntry entry,
      ScoreCells cells,
      Classes classes,
      Organisation org,
      EntryGate gate,
      ApprovalStates approvals,
      Publications publications,
      vn.truongso.people.People people) {
    this.people = people;
    this.classBook = classBook;
    this.entry = entry;
    this.cells = cells;
    this.classes = classes;
    this.org = org;
    this.gate = gate;
    this.approvals = approvals;
    this.publications = publications;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Year> of(long schoolId, long studentId, int startYear) {
    Optional<SchoolYear> year =
        org.years(schoolId).stream().filter(y -> y.startYear() == startYear).findFirst();
    if (year.isEmpty()) {
      return Optional.empty();
    }
    Optional<Classes.SchoolClass> found =
        classes
            .classOf(schoolId, studentId, clamp(entry.today(), year.get()))
            .flatMap(id -> classes.schoolClass(schoolId, id))
            .filter(c -> c.startYear() == startYear);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Classes.SchoolClass c = found.get();
    if (!BookLevels.keepsSecondaryBook(c)) {
      return Optional.of(
          new Year(
              c.id(), c.name(), c.grade(), startYear, false, List.of(), List.of(), null, null, 0));
    }
    return Optional.of(secondary(c, studentId));
  }

  private Year secondary(Classes.SchoolClass c, long studentId) {
    Publications.Publication p = publications.of(c.schoolId(), c.startYear());
    boolean[] shown = {
      false,
      p.term1() || approvals.approved(c.schoolId(), c.id(), 1),
      p.term2() || approvals.approved(c.schoolId(), c.id(), 2)
    };
    ClassBook.Line line = null;
    ClassBook.Book book;
    var student = people.student(c.schoolId(), studentId);
    if (student.isPresent()) {
      // One student's line: the family's page never computes the whole class.
      book = classBook.computeFor(c, student.get());
      line = book.lines().isEmpty() ? null : book.lines().getFirst();
    } else {
      book = classBook.compute(c);
    }
    Published published = published(c, book, p, studentId);
    List<Subject> subjects = new ArrayList<>();
    for (SubjectSheet s : book.subjects()) {
      subjects.add(
          new Subject(
              s.code(),
              s.name(),
              published.values().getOrDefault(s.code(), List.of()),
              results(line, s.code(), shown)));
    }
    return new Year(
        c.id(),
        c.name(),
        c.grade(),
        c.startYear(),
        true,
        subjects,
        terms(line, shown),
        shown[2] && line != null && line.year() != null ? line.year().outcome().name() : null,
        shown[2] && line != null && line.year() != null && line.year().title() != null
            ? line.year().title().name()
            : null,
        published.withheld());
  }

  /** Each subject's published values, and how many entered values are not published yet. */
  private record Published(Map<String, List<Value>> values, int withheld) {}

  private Published published(
      Classes.SchoolClass c, ClassBook.Book book, Publications.Publication p, long studentId) {
    Map<String, Map<Integer, Map<String, String>>> values = values(c, studentId);
    Map<EntryGate.Sheet, List<String>> sheets = new LinkedHashMap<>();
    for (SubjectSheet s : book.subjects()) {
      for (int term = 1; term <= 2; term++) {
        sheets.put(sheet(c, s, term), s.slots());
      }
    }
    // one read of the year's calendar, seal and locks for every subject of both terms
    Map<EntryGate.Sheet, Map<String, EntryGate.Verdict>> verdicts = gate.columns(sheets);
    LocalDate today = entry.today();
    Map<String, List<Value>> shown = new HashMap<>();
    int withheld = 0;
    for (SubjectSheet s : book.subjects()) {
      for (int term = 1; term <= 2; term++) {
        Map<String, String> bySlot =
            values.getOrDefault(s.code(), Map.of()).getOrDefault(term, Map.of());
        Map<String, EntryGate.Verdict> columns = verdicts.get(sheet(c, s, term));
        for (String slot : s.slots()) {
          String text = bySlot.get(slot);
          if (text == null) {
            continue;
          }
          if (p.published(term)
              || p.mode() == Publications.Mode.COLUMN && over(columns.get(slot), today)) {
            shown
                .computeIfAbsent(s.code(), k -> new ArrayList<>())
                .add(new Value(term, slot, text));
          } else {
            withheld++;
          }
        }
      }
    }
    return new Published(shown, withheld);
  }

  private static EntryGate.Sheet sheet(Classes.SchoolClass c, SubjectSheet s, int term) {
    return new EntryGate.Sheet(c.schoolId(), c.startYear(), term, c.grade(), c.id(), s.code());
  }

  /** subject → term → slot → the value as the book prints it */
  private Map<String, Map<Integer, Map<String, String>>> values(
      Classes.SchoolClass c, long studentId) {
    Map<String, Map<Integer, Map<String, String>>> out = new HashMap<>();
    for (ScoreCells.ClassCell cell : cells.cellsOfClass(c.schoolId(), c.id(), studentId)) {
      out.computeIfAbsent(cell.subject(), k -> new HashMap<>())
          .computeIfAbsent(cell.term(), k -> new LinkedHashMap<>())
          .put(cell.slot(), TypedMarks.text(cell.content()));
    }
    return out;
  }

  /**
   * Whether a column's entry deadline has passed: the day the calendar wants it entered by (the
   * progress check's), or its window closed, cut off or sealed. Late entries after the deadline
   * still show as they come: the family sees what the book holds.
   */
  private static boolean over(EntryGate.Verdict v, LocalDate today) {
    if (v == null || v.unscheduled()) {
      return false;
    }
    return switch (v.state()) {
      case CLOSED, CUT_OFF, SEALED -> true;
      case OPEN, LOCKED -> v.due() != null && today.isAfter(v.due());
    };
  }

  private static Map<Integer, String> results(ClassBook.Line line, String code, boolean[] shown) {
    Map<Integer, String> out = new LinkedHashMap<>();
    if (line == null) {
      return out;
    }
    for (ClassBook.SubjectValues v : line.subjects()) {
      if (!v.code().equals(code)) {
        continue;
      }
      put(out, 1, shown[1], v.term1());
      put(out, 2, shown[2], v.term2());
      put(out, 3, shown[2], v.year());
    }
    return out;
  }

  private static void put(Map<Integer, String> out, int term, boolean shown, Object value) {
    String text = TypedMarks.result(value);
    if (shown && !text.isEmpty()) {
      out.put(term, text);
    }
  }

  private static List<Term> terms(ClassBook.Line line, boolean[] shown) {
    List<Term> out = new ArrayList<>();
    for (int term = 1; term <= 3; term++) {
      boolean visible = shown[Math.min(term, 2)] && line != null;
      if (!visible) {
        out.add(new Term(term, false, null, null, 0, 0));
        continue;
      }
      Level learning =
          term == 1
              ? line.learningTerm1()
              : term == 2
                  ? line.learningTerm2()
                  : line.year() == null ? null : line.year().learningYear();
      String conduct =
          term == 3
              ? (line.year() == null ? null : line.year().conductYear().name())
              : line.conduct().get(term == 1 ? "HK1" : "HK2");
      var a = term == 3 ? null : line.absences().get(term);
      int excused =
          term == 3
              ? line.absences().values().stream().mapToInt(HomeroomEntries.Absences::excused).sum()
              : a == null ? 0 : a.excused();
      int unexcused =
          term == 3
              ? line.absences().values().stream()
                  .mapToInt(HomeroomEntries.Absences::unexcused)
                  .sum()
              : a == null ? 0 : a.unexcused();
      out.add(
          new Term(
              term, true, learning == null ? null : learning.name(), conduct, excused, unexcused));
    }
    return out;
  }

  private static LocalDate clamp(LocalDate day, SchoolYear y) {
    return day.isBefore(y.startsOn()) ? y.startsOn() : day.isAfter(y.endsOn()) ? y.endsOn() : day;
  }
}
