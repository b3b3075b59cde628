package vn.truongso.gradebook.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Outcome;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.FinishedYears;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.UserInputException;

/**
 * {@link FinishedYears}: the cells go in through {@link ScoreCells} as a file's would (history and
 * change events included), the homeroom values through {@link HomeroomEntries}, and the results are
 * those {@link Approvals} stores for an approved period, computed by the same class book.
 */
@Service
class FinishedYearImport implements FinishedYears {

  private final ClassBook classBook;
  private final ScoreCells cells;
  private final HomeroomEntries homeroom;
  private final ApprovalStates states;
  private final StoredResults stored;
  private final Organisation org;
  private final AuditLog audit;

  FinishedYearImport(
      ClassBook classBook,
      ScoreCells cells,
      HomeroomEntries homeroom,
      ApprovalStates states,
      StoredResults stored,
      Organisation org,
      AuditLog audit) {
    this.classBook = classBook;
    this.cells = cells;
    this.homeroom = homeroom;
    this.states = states;
    this.stored = stored;
    this.org = org;
    this.audit = audit;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Sheet> sheets(long schoolId, long classId) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    return classBook.subjects(c).stream()
        .map(s -> new Sheet(s.code(), s.kind(), s.columns()))
        .toList();
  }

  @Override
  @Transactional
  public int bringIn(long schoolId, long classId, Year year) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    requirePastAndEmpty(c);
    ScoreCells.Author by =
        new ScoreCells.Author(
            year.approvedAt(),
            year.enteredBy(),
            year.enteredByName(),
            MarkHistory.Source.FILE,
            null);
    for (Cell cell : year.cells()) {
      cells.insert(
          new ScoreCells.Key(
              schoolId, classId, cell.subject(), cell.term(), cell.studentId(), cell.slot().name()),
          new ScoreCells.Content(cell.mark(), false),
          by);
    }
    for (Conduct k : year.conduct()) {
      homeroom.setConduct(
          schoolId,
          classId,
          k.studentId(),
          k.period().name(),
          new HomeroomEntries.Conduct(k.level().name(), null),
          year.approvedAt(),
          year.enteredBy());
    }
    for (Absences a : year.absences()) {
      homeroom.setAbsences(
          schoolId,
          classId,
          a.studentId(),
          a.term(),
          new HomeroomEntries.Absences(a.excused(), a.unexcused()),
          year.approvedAt(),
          year.enteredBy());
    }
    int written = approve(c, year);
    audit.record(
        AuditEvent.of(schoolId, "gradebook.year.bringIn", "school_class", classId)
            .after(
                Map.of(
                    "year", c.startYear(),
                    "cells", year.cells().size(),
                    "results", written,
                    "approvedBy", year.approvedBy())));
    return written;
  }

  private void requirePastAndEmpty(Classes.SchoolClass c) {
    int current =
        org.currentYear(c.schoolId())
            .map(SchoolYear::startYear)
            .orElseThrow(() -> new UserInputException("year", "gradebook.bringIn.notPast"));
    if (c.startYear() >= current) {
      throw new UserInputException("year", "gradebook.bringIn.notPast");
    }
    boolean entered =
        !cells.cellsOfClass(c.schoolId(), c.id()).isEmpty()
            || !states.ofClass(c.schoolId(), c.id()).isEmpty();
    if (entered) {
      throw new UserInputException("year", "gradebook.bringIn.notEmpty");
    }
  }

  /** Both periods submitted and approved with the results the class book computes. */
  private int approve(Classes.SchoolClass c, Year year) {
    ClassBook.Book book = classBook.compute(c);
    long missing =
        book.lines().stream()
            .flatMap(l -> l.missing().stream())
            .filter(m -> !m.key().equals("gradebook.missing.summer"))
            .count();
    if (missing > 0) {
      throw new UserInputException("year", "gradebook.bringIn.incomplete", missing);
    }
    int written = 0;
    for (int period = 1; period <= 2; period++) {
      List<StoredResults.Row> rows = Approvals.rows(book, period);
      long undecided =
          rows.stream().filter(r -> Outcome.PRINCIPAL_DECIDES.name().equals(r.outcome())).count();
      if (undecided > 0) {
        throw new UserInputException("year", "gradebook.bringIn.undecided", undecided);
      }
      states.submit(c.schoolId(), c.id(), period, year.enteredBy(), year.approvedAt());
      states.decide(
          c.schoolId(),
          c.id(),
          period,
          ApprovalStates.State.APPROVED,
          year.approvedBy(),
          year.approvedAt(),
          null);
      written += stored.write(rows, year.approvedAt());
    }
    return written;
  }
}
