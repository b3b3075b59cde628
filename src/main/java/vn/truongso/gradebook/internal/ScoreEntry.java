package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.control.EntryGate;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * The subject teacher's entry of scores and comments, one cell at a time: only in the classes and
 * subjects they are assigned, only for students in the class today, only values the circular
 * allows, never over a change made elsewhere meanwhile, and every saved value in the audit log. It
 * also answers, for the sheet, the file import and the class book, who may enter or see a class's
 * marks, which subject sheet a code names and on which day the class's roster is taken.
 */
@Service
public class ScoreEntry {

  /** The slot of the re-test a student takes after the year is approved (TT22 art. 14). */
  public static final String RETEST = Slot.RETEST.name();

  private final ScoreCells cells;
  private final Classes classes;
  private final Teaching teaching;
  private final Organisation org;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;
  private final ApprovalStates approvals;
  private final ApplicationEventPublisher events;
  private final ArrangementStore arrangements;
  private final EntryGate gate;

  ScoreEntry(
      ScoreCells cells,
      Classes classes,
      Teaching teaching,
      Organisation org,
      Authorization authorization,
      AuditLog audit,
      Clock clock,
      ApprovalStates approvals,
      ApplicationEventPublisher events,
      ArrangementStore arrangements,
      EntryGate gate) {
    this.gate = gate;
    this.arrangements = arrangements;
    this.approvals = approvals;
    this.events = events;
    this.cells = cells;
    this.classes = classes;
    this.teaching = teaching;
    this.org = org;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** What became of a cell the teacher typed. */
  public sealed interface Saved {
    /** The cell holds the value; {@code result} is the student's term average or result now. */
    record Done(String text, int version, String result) implements Saved {}

    /** The cell had been changed elsewhere: it holds {@code text}, which was not overwritten. */
    record Conflict(String text, int version, String result, String yours) implements Saved {}
  }

  /**
   * Saves what the teacher typed into one cell, based on the version they saw ({@code 0}: the cell
   * was empty and never written).
   */
  @Transactional
  public Saved save(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      String subjectCode,
      int term,
      long studentId,
      String slot,
      String typed,
      int basedOnVersion) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    if (!mayEnter(c, subjectCode)) {
      throw new AccessDeniedException("gradebook.enter");
    }
    SubjectSheet subject = subject(c, subjectCode);
    term(term);
    requireSlot(c, subject, term, slot);
    if (!classes.classOf(schoolId, studentId, entryDay(c)).equals(Optional.of(classId))) {
      throw new UserInputException("student", "gradebook.student.notInClass");
    }
    ScoreCells.Content wanted = TypedMarks.parse(subject.kind(), typed);
    requireWritable(c, subject, term, studentId, slot);
    ScoreCells.Key key = new ScoreCells.Key(schoolId, classId, subjectCode, term, studentId, slot);
    return write(user, subject, key, wanted, basedOnVersion);
  }

  private void requireSlot(Classes.SchoolClass c, SubjectSheet subject, int term, String slot) {
    if (slot.equals(RETEST)) {
      // The re-test list exists once the year is approved (TT22 art. 12.2).
      if (term != 2 || !approvals.approvedForSave(c.schoolId(), c.id(), 2)) {
        throw new UserInputException("slot", "gradebook.retest.notOpen");
      }
    } else if (!subject.slots().contains(slot)) {
      throw new UserInputException("slot", "gradebook.slot.unknown");
    }
  }

  /** Refuses a cell the student's exemption, the approval or the entry gate closes. */
  private void requireWritable(
      Classes.SchoolClass c, SubjectSheet subject, int term, long studentId, String slot) {
    if (!subject.rules().countsExemptSubjects()
        && arrangements.ofClass(c, List.of(studentId)).exemption(studentId, subject.code())
            != null) {
      throw new UserInputException("value", "gradebook.exempt.leftOut");
    }
    // Re-tests are taken after the year is approved; every other mark waits for a correction.
    if (!slot.equals(RETEST) && approvals.frozenForSave(c.schoolId(), c.id(), term)) {
      throw new UserInputException("value", "gradebook.frozen");
    }
    gate.requireOpen(
        new EntryGate.Cell(
            c.schoolId(), c.startYear(), term, c.grade(), c.id(), subject.code(), slot),
        subject.regularCount());
  }

  /** Writes the cell unless it changed since {@code basedOnVersion}, and logs the change. */
  private Saved write(
      AuthenticatedUser user,
      SubjectSheet subject,
      ScoreCells.Key key,
      ScoreCells.Content wanted,
      int basedOnVersion) {
    Optional<ScoreCells.Cell> current = cells.lock(key);
    int version = current.map(ScoreCells.Cell::version).orElse(0);
    ScoreCells.Content before =
        current.map(ScoreCells.Cell::content).orElse(ScoreCells.Content.EMPTY);
    if (version != basedOnVersion) {
      return conflict(subject, key, before, version, wanted);
    }
    if (before.equals(wanted)) {
      return new Saved.Done(TypedMarks.text(before), version, studentResult(subject, key));
    }
    var by =
        new ScoreCells.Author(
            clock.instant(), user.accountId(), user.displayName(), MarkHistory.Source.PAGE, null);
    if (current.isEmpty()) {
      if (!cells.insert(key, wanted, by)) {
        ScoreCells.Cell other = cells.lock(key).orElseThrow();
        return conflict(subject, key, other.content(), other.version(), wanted);
      }
    } else {
      cells.update(key, before, wanted, version + 1, by);
    }
    audit.record(
        AuditEvent.of(key.schoolId(), "gradebook.score.set", "score_cell", key.id())
            .before(current.isEmpty() ? null : TypedMarks.state(before))
            .after(TypedMarks.state(wanted)));
    if (key.slot().equals(RETEST)) {
      events.publishEvent(new ResultInputsChanged(key.schoolId(), key.classId()));
    }
    return new Saved.Done(TypedMarks.text(wanted), version + 1, studentResult(subject, key));
  }

  private Saved conflict(
      SubjectSheet subject,
      ScoreCells.Key key,
      ScoreCells.Content stored,
      int version,
      ScoreCells.Content wanted) {
    return new Saved.Conflict(
        TypedMarks.text(stored), version, studentResult(subject, key), TypedMarks.text(wanted));
  }

  private String studentResult(SubjectSheet subject, ScoreCells.Key k) {
    Map<String, ScoreCells.Content> bySlot = new HashMap<>();
    for (ScoreCells.Cell cell :
        cells.cells(k.schoolId(), k.classId(), k.subjectCode(), k.term(), k.studentId())) {
      bySlot.put(cell.slot(), cell.content());
    }
    return TypedMarks.result(subject.termResult(bySlot));
  }

  boolean mayEnter(Classes.SchoolClass c, String subjectCode) {
    return authorization.permits(
        Action.ENTER_SCORES,
        Target.classSubject(c.schoolId(), c.id(), subjectCode).inYear(c.startYear()));
  }

  /** The homeroom teacher, the school's leaders and those who print the books see the marks. */
  boolean mayView(Classes.SchoolClass c) {
    return authorization.permits(
            Action.ENTER_CONDUCT, Target.schoolClass(c.schoolId(), c.id()).inYear(c.startYear()))
        || authorization.permits(Action.APPROVE_RESULTS, Target.school(c.schoolId()))
        || authorization.permits(Action.PRINT_BOOKS, Target.school(c.schoolId()));
  }

  Classes.SchoolClass schoolClass(long schoolId, long classId) {
    return classes
        .schoolClass(schoolId, classId)
        .orElseThrow(() -> new NotFoundException("class " + classId));
  }

  SubjectSheet subject(Classes.SchoolClass c, String code) {
    Teaching.ProgrammeSubject p =
        teaching
            .subject(c.grade(), code)
            .orElseThrow(() -> new NotFoundException("subject " + code));
    if (!BookLevels.keepsSecondaryBook(c)) {
      throw new NotFoundException("subject " + code);
    }
    SubjectKind kind =
        switch (p.assessmentMode()) {
          case "nhan_xet_dat_chua_dat" -> SubjectKind.COMMENT;
          case "nhan_xet_ket_hop_diem_so" -> SubjectKind.SCORE;
          default -> throw new NotFoundException("subject " + code);
        };
    PolicyCode code1 = Policies.forCohort(c.grade(), c.startYear());
    return SubjectSheet.of(
        code,
        p.name(),
        kind,
        p.periodsPerYear() == null ? 35 : p.periodsPerYear(),
        Policies.secondary(code1));
  }

  static void term(int term) {
    if (term != 1 && term != 2) {
      throw new NotFoundException("term " + term);
    }
  }

  /** Today, or the school year's last day once it is over: who is in the class then. */
  LocalDate today() {
    return LocalDate.now(clock);
  }

  LocalDate entryDay(Classes.SchoolClass c) {
    LocalDate today = LocalDate.now(clock);
    Optional<SchoolYear> year =
        org.years(c.schoolId()).stream().filter(y -> y.startYear() == c.startYear()).findFirst();
    if (year.isEmpty()) {
      return today;
    }
    if (today.isAfter(year.get().endsOn())) {
      return year.get().endsOn();
    }
    return today.isBefore(year.get().startsOn()) ? year.get().startsOn() : today;
  }
}
