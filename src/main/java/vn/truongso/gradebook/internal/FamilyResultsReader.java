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

  FamilyResultsReader(
      ClassBook classBook,
      ScoreEntry entry,
      ScoreCells cells,
      Classes classes,
      Organisation org,
      EntryGate gate,
      ApprovalStates approvals,
      Publications publications) {
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
    ClassBook.Book book = classBook.compute(c);
    ClassBook.Line line =
        book.lines().stream().filter(l -> l.student().id() == studentId).findFirst().orElse(null);
    Map<String, Map<Integer, Map<String, String>>> values = values(c, studentId);
    List<Subject> subjects = new ArrayList<>();
    int withheld = 0;
    LocalDate today = entry.today();
    for (SubjectSheet s : book.subjects()) {
      List<Value> shownValues = new ArrayList<>();
      for (int term = 1; term <= 2; term++) {
        Map<String, String> bySlot =
            values.getOrDefault(s.code(), Map.of()).getOrDefault(term, Map.of());
        Map<String, EntryGate.Verdict> verdicts =
            gate.columns(
                new EntryGate.Sheet(c.schoolId(), c.startYear(), term, c.grade(), c.id(), s.code()),
                s.slots());
        for (String slot : s.slots()) {
          String text = bySlot.get(slot);
          if (text == null) {
            continue;
          }
          if (p.published(term)
              || p.mode() == Publications.Mode.COLUMN && over(verdicts.get(slot), today)) {
            shownValues.add(new Value(term, slot, text));
          } else {
            withheld++;
          }
        }
      }
      subjects.add(new Subject(s.code(), s.name(), shownValues, results(line, s.code(), shown)));
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
        withheld);
  }

  /** subject → term → slot → the value as the book prints it */
  private Map<String, Map<Integer, Map<String, String>>> values(
      Classes.SchoolClass c, long studentId) {
    Map<String, Map<Integer, Map<String, String>>> out = new HashMap<>();
    for (ScoreCells.ClassCell cell : cells.cellsOfClass(c.schoolId(), c.id())) {
      if (cell.studentId() != studentId) {
        continue;
      }
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
