package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;

/**
 * A subject teacher's deadlines: for each class and subject they are assigned, each column of each
 * term with its deadline, whether it is still open, and how many students still lack a mark in it
 * (seed 000 QC art. 5.1: the teacher enters marks "đúng thời hạn").
 */
@Service
public class Deadlines {

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
  private final Classes classes;
  private final EntryGate gate;
  private final Authorization authorization;
  private final Clock clock;

  Deadlines(
      ScoreEntry entry,
      ScoreCells cells,
      Classes classes,
      EntryGate gate,
      Authorization authorization,
      Clock clock) {
    this.entry = entry;
    this.cells = cells;
    this.classes = classes;
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
      if (c == null || c.grade() < 6 || !entry.mayEnter(c, t.subjectCode())) {
        continue;
      }
      SubjectSheet subject = entry.subject(c, t.subjectCode());
      List<People.Student> roster = classes.roster(c.schoolId(), c.id(), entry.entryDay(c));
      Set<Long> inClass = new HashSet<>();
      roster.forEach(s -> inClass.add(s.id()));
      for (int term = 1; term <= 2; term++) {
        Map<String, EntryGate.Verdict> verdicts =
            gate.columns(
                c.schoolId(),
                c.startYear(),
                term,
                c.grade(),
                c.id(),
                subject.code(),
                subject.slots());
        Map<String, Set<Long>> filledBySlot = new java.util.HashMap<>();
        for (ScoreCells.Cell cell : cells.cells(c.schoolId(), c.id(), subject.code(), term, null)) {
          if (!cell.content().equals(ScoreCells.Content.EMPTY)
              && inClass.contains(cell.studentId())) {
            filledBySlot.computeIfAbsent(cell.slot(), k -> new HashSet<>()).add(cell.studentId());
          }
        }
        List<Column> columns = new ArrayList<>();
        for (String slot : subject.slots()) {
          Set<Long> filled = filledBySlot.getOrDefault(slot, Set.of());
          int missing = inClass.size() - filled.size();
          EntryGate.Verdict v = verdicts.get(slot);
          boolean overdue = missing > 0 && v.due() != null && today.isAfter(v.due());
          columns.add(new Column(slot, v, missing, overdue));
        }
        out.add(new Sheet(c, subject.code(), subject.name(), term, inClass.size(), columns));
      }
    }
    out.sort(
        Comparator.comparingInt((Sheet s) -> s.schoolClass().grade())
            .thenComparing(s -> s.schoolClass().name())
            .thenComparing(Sheet::subjectName)
            .thenComparingInt(Sheet::term));
    return out;
  }
}
