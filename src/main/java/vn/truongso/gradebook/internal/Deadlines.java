package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.EntryGate;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.EntryProgress;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;

/**
 * A subject teacher's deadlines: for each class and subject they are assigned, each column of each
 * term with its deadline, whether it is still open, and how many students still lack a mark in it
 * (DH-SD art. 5.1: the teacher enters marks "đúng thời hạn"); and the same for every assigned
 * teacher of the school, for the leaders' monthly check.
 */
@Service
public class Deadlines implements EntryProgress {

  /** One column of one class × subject × term. */
  public record Column(String slot, EntryGate.Verdict verdict, int missing, boolean overdue) {}

  /** One class × subject × term of the teacher's. */
  public record Sheet(
      Classes.SchoolClass schoolClass,
      String subjectCode,
      String subjectName,
      int term,
      int students,
      List<Column> columns) {

    public boolean overdue() {
      return columns.stream().anyMatch(Column::overdue);
    }
  }

  private final ScoreEntry entry;
  private final ScoreCells cells;
  private final ClassBook classBook;
  private final Classes classes;
  private final Teaching teaching;
  private final EntryGate gate;
  private final Authorization authorization;
  private final Clock clock;

  Deadlines(
      ScoreEntry entry,
      ScoreCells cells,
      ClassBook classBook,
      Classes classes,
      Teaching teaching,
      EntryGate gate,
      Authorization authorization,
      Clock clock) {
    this.entry = entry;
    this.cells = cells;
    this.classBook = classBook;
    this.classes = classes;
    this.teaching = teaching;
    this.gate = gate;
    this.authorization = authorization;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Sheet> mine() {
    LocalDate today = LocalDate.now(clock);
    List<Sheet> out = new ArrayList<>();
    for (var t : authorization.scopesWhere(Action.ENTER_SCORES)) {
      if (t.classId() == null || t.subjectCode() == null) {
        continue;
      }
      Classes.SchoolClass c = classes.schoolClass(t.schoolId(), t.classId()).orElse(null);
      if (c == null || !BookLevels.keepsSecondaryBook(c) || !entry.mayEnter(c, t.subjectCode())) {
        continue;
      }
      SubjectSheet subject = entry.subject(c, t.subjectCode());
      Set<Long> inClass = inClass(c);
      for (int term = 1; term <= 2; term++) {
        Map<String, Set<Long>> filledBySlot = new HashMap<>();
        for (ScoreCells.Cell cell : cells.cells(c.schoolId(), c.id(), subject.code(), term, null)) {
          filled(filledBySlot, cell.slot(), cell.studentId(), cell.content(), inClass);
        }
        out.add(
            new Sheet(
                c,
                subject.code(),
                subject.name(),
                term,
                inClass.size(),
                columns(c, subject, term, inClass.size(), filledBySlot, today)));
      }
    }
    out.sort(
        Comparator.comparingInt((Sheet s) -> s.schoolClass().grade())
            .thenComparing(s -> s.schoolClass().name())
            .thenComparing(Sheet::subjectName)
            .thenComparingInt(Sheet::term));
    return out;
  }

  @Override
  @Transactional(readOnly = true)
  public List<EntryProgress.Sheet> ofSchool(long schoolId, int startYear, LocalDate on) {
    List<EntryProgress.Sheet> out = new ArrayList<>();
    for (Classes.SchoolClass c : classes.classes(schoolId, startYear)) {
      List<Teaching.Assignment> assigned = teaching.assignmentsOfClass(schoolId, c.id());
      if (!BookLevels.keepsSecondaryBook(c) || assigned.isEmpty()) {
        continue;
      }
      Map<String, SubjectSheet> subjects = new HashMap<>();
      classBook.subjects(c).forEach(s -> subjects.put(s.code(), s));
      Set<Long> inClass = inClass(c);
      // One read of the class's cells for all its subjects and terms, keyed subject/term.
      Map<String, Map<String, Set<Long>>> filled = new HashMap<>();
      for (ScoreCells.ClassCell cell : cells.cellsOfClass(schoolId, c.id())) {
        filled(
            filled.computeIfAbsent(cell.subject() + "/" + cell.term(), k -> new HashMap<>()),
            cell.slot(),
            cell.studentId(),
            cell.content(),
            inClass);
      }
      for (Teaching.Assignment a : assigned) {
        SubjectSheet subject = subjects.get(a.subjectCode());
        if (subject == null) {
          continue;
        }
        List<EntryProgress.Column> columns = new ArrayList<>();
        for (Column col :
            columns(
                c,
                subject,
                a.term(),
                inClass.size(),
                filled.getOrDefault(a.subjectCode() + "/" + a.term(), Map.of()),
                on)) {
          LocalDate due = col.verdict().due();
          columns.add(
              new EntryProgress.Column(
                  col.slot(),
                  due,
                  due != null && on.isAfter(due),
                  inClass.size() - col.missing(),
                  col.missing()));
        }
        out.add(
            new EntryProgress.Sheet(
                c.id(),
                c.name(),
                c.grade(),
                subject.code(),
                subject.name(),
                a.term(),
                a.staffId(),
                a.teacherName(),
                inClass.size(),
                columns));
      }
    }
    return out;
  }

  private Set<Long> inClass(Classes.SchoolClass c) {
    Set<Long> ids = new HashSet<>();
    classes.roster(c.schoolId(), c.id(), entry.entryDay(c)).forEach(s -> ids.add(s.id()));
    return ids;
  }

  private static void filled(
      Map<String, Set<Long>> bySlot,
      String slot,
      long studentId,
      ScoreCells.Content content,
      Set<Long> inClass) {
    if (!content.isEmpty() && inClass.contains(studentId)) {
      bySlot.computeIfAbsent(slot, k -> new HashSet<>()).add(studentId);
    }
  }

  /** Each column's verdict and how many of the class's students still lack a mark in it. */
  private List<Column> columns(
      Classes.SchoolClass c,
      SubjectSheet subject,
      int term,
      int students,
      Map<String, Set<Long>> filledBySlot,
      LocalDate today) {
    Map<String, EntryGate.Verdict> verdicts =
        gate.columns(
            new EntryGate.Sheet(
                c.schoolId(), c.startYear(), term, c.grade(), c.id(), subject.code()),
            subject.slots());
    List<Column> columns = new ArrayList<>();
    for (String slot : subject.slots()) {
      int missing = students - filledBySlot.getOrDefault(slot, Set.of()).size();
      EntryGate.Verdict v = verdicts.get(slot);
      boolean overdue = missing > 0 && v.due() != null && today.isAfter(v.due());
      columns.add(new Column(slot, v, missing, overdue));
    }
    return columns;
  }
}
