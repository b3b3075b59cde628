package vn.truongso.gradebook.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.control.EntryGate;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
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
 * allows, never over a change made elsewhere meanwhile, and every saved value in the audit log.
 */
@Service
public class ScoreEntry {

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

  /** What became of a cell the teacher typed. */
  public sealed interface Saved {
    /** The cell holds the value; {@code result} is the student's term average or result now. */
    record Done(String text, int version, String result) implements Saved {}

    /** The cell had been changed elsewhere: it holds {@code text}, which was not overwritten. */
    record Conflict(String text, int version, String result, String yours) implements Saved {}
  }

  @Transactional(readOnly = true)
  public Sheet sheet(long schoolId, long classId, String subjectCode, int term) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    boolean editable = mayEnter(c, subjectCode);
    if (!editable && !mayView(c)) {
      throw new AccessDeniedException("gradebook.sheet");
    }
    SubjectSheet subject = subject(c, subjectCode);
    term(term);
    Map<Long, Map<String, ScoreCells.Cell>> byStudent = new HashMap<>();
    for (ScoreCells.Cell cell : cells.cells(schoolId, classId, subjectCode, term, null)) {
      byStudent.computeIfAbsent(cell.studentId(), id -> new HashMap<>()).put(cell.slot(), cell);
    }
    ApprovalStates.Status status = approvals.ofClass(schoolId, classId).get(term);
    List<String> columns = new ArrayList<>(subject.slots());
    if (term == 2 && status != null && status.approved()) {
      columns.add(RETEST);
    }
    List<Row> rows = new ArrayList<>();
    List<People.Student> roster = classes.roster(schoolId, classId, entryDay(c));
    ArrangementStore.OfYear arranged =
        arrangements.ofClass(c, roster.stream().map(People.Student::id).toList());
    for (People.Student s : roster) {
      Map<String, ScoreCells.Cell> mine = byStudent.getOrDefault(s.id(), Map.of());
      Map<String, CellView> views = new LinkedHashMap<>();
      Map<String, ScoreCells.Content> contents = new HashMap<>();
      for (String slot : columns) {
        ScoreCells.Cell cell = mine.get(slot);
        views.put(
            slot,
            cell == null
                ? new CellView("", 0)
                : new CellView(text(cell.content()), cell.version()));
        if (cell != null && !slot.equals(RETEST)) {
          contents.put(slot, cell.content());
        }
      }
      ArrangementStore.Exemption exemption = arranged.exemption(s.id(), subjectCode);
      boolean leftOut = exemption != null && !subject.rules().countsExemptSubjects();
      rows.add(
          new Row(
              s.id(),
              s,
              views,
              leftOut ? "" : result(subject.termResult(contents)),
              exemption == null ? null : exemption.terms(),
              leftOut));
    }
    Map<String, EntryGate.Verdict> verdicts =
        gate.columns(schoolId, c.startYear(), term, c.grade(), classId, subjectCode, columns);
    return new Sheet(
        c, term, subject, columns, rows, editable, status != null && status.frozen(), verdicts);
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
    boolean retest = slot.equals(RETEST);
    if (retest) {
      // The re-test list exists once the year is approved (TT22 art. 12.2).
      if (term != 2 || !approvals.approvedForSave(schoolId, classId, 2)) {
        throw new UserInputException("slot", "gradebook.retest.notOpen");
      }
    } else if (!subject.slots().contains(slot)) {
      throw new UserInputException("slot", "gradebook.slot.unknown");
    }
    if (!classes.classOf(schoolId, studentId, entryDay(c)).equals(Optional.of(classId))) {
      throw new UserInputException("student", "gradebook.student.notInClass");
    }
    ScoreCells.Content wanted = parse(subject.kind(), typed);
    if (!subject.rules().countsExemptSubjects()
        && arrangements.ofClass(c, List.of(studentId)).exemption(studentId, subjectCode) != null) {
      throw new UserInputException("value", "gradebook.exempt.leftOut");
    }
    // Re-tests are taken after the year is approved; every other mark waits for a correction.
    if (!retest && approvals.frozenForSave(schoolId, classId, term)) {
      throw new UserInputException("value", "gradebook.frozen");
    }
    gate.requireOpen(
        new EntryGate.Cell(schoolId, c.startYear(), term, c.grade(), classId, subjectCode, slot),
        regularColumns(subject));
    ScoreCells.Key key = new ScoreCells.Key(schoolId, classId, subjectCode, term, studentId, slot);
    Optional<ScoreCells.Cell> current = cells.lock(key);
    int version = current.map(ScoreCells.Cell::version).orElse(0);
    ScoreCells.Content before =
        current.map(ScoreCells.Cell::content).orElse(ScoreCells.Content.EMPTY);
    if (version != basedOnVersion) {
      return conflict(subject, key, before, version, wanted);
    }
    if (before.equals(wanted)) {
      return new Saved.Done(text(before), version, studentResult(subject, key));
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
        AuditEvent.of(schoolId, "gradebook.score.set", "score_cell", key.id())
            .before(current.isEmpty() ? null : state(before))
            .after(state(wanted)));
    if (retest) {
      events.publishEvent(new ResultInputsChanged(schoolId, classId));
    }
    return new Saved.Done(text(wanted), version + 1, studentResult(subject, key));
  }

  private Saved conflict(
      SubjectSheet subject,
      ScoreCells.Key key,
      ScoreCells.Content stored,
      int version,
      ScoreCells.Content wanted) {
    return new Saved.Conflict(text(stored), version, studentResult(subject, key), text(wanted));
  }

  private String studentResult(SubjectSheet subject, ScoreCells.Key k) {
    Map<String, ScoreCells.Content> bySlot = new HashMap<>();
    for (ScoreCells.Cell cell :
        cells.cells(k.schoolId(), k.classId(), k.subjectCode(), k.term(), k.studentId())) {
      bySlot.put(cell.slot(), cell.content());
    }
    return result(subject.termResult(bySlot));
  }

  /**
   * What a teacher types: {@code 8,5} or {@code 8.5} in a scored subject; {@code Đ} / {@code CĐ} in
   * a comment subject; {@code V} for a student absent from the test, to be made up; nothing to
   * clear the cell.
   */
  static ScoreCells.Content parse(SubjectKind kind, String typed) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      return ScoreCells.Content.EMPTY;
    }
    String folded = vn.truongso.platform.TextFold.fold(t);
    if (folded.equals("v") || folded.equals("absent")) {
      return new ScoreCells.Content(null, true);
    }
    Comment comment = comment(folded);
    if (kind == SubjectKind.COMMENT) {
      if (comment != null) {
        return new ScoreCells.Content(comment, false);
      }
      throw new UserInputException(
          "value",
          Score.parse(t).isPresent()
              ? "gradebook.value.scoreInCommentSubject"
              : "gradebook.value.notAComment");
    }
    if (comment != null) {
      throw new UserInputException("value", "gradebook.value.commentInScoreSubject");
    }
    BigDecimal v =
        Score.parse(t)
            .orElseThrow(() -> new UserInputException("value", "gradebook.value.notAScore"));
    if (v.compareTo(BigDecimal.TEN) > 0) {
      throw new UserInputException("value", "gradebook.value.range");
    }
    if (!Score.valid(v)) {
      throw new UserInputException("value", "gradebook.value.decimals");
    }
    return new ScoreCells.Content(new Score(v), false);
  }

  /** Đ, Đạt, D, dat … and CĐ, Chưa đạt, CD … folded to plain letters. */
  private static Comment comment(String folded) {
    return switch (folded) {
      case "d", "dat" -> Comment.DAT;
      case "cd", "chua dat", "chua_dat" -> Comment.CHUA_DAT;
      default -> null;
    };
  }

  /**
   * A cell as text: a score with a decimal comma (8,5; 7); {@code DAT}, {@code CHUA_DAT} or {@code
   * ABSENT}, which the page shows in the notation of the book (Đ, CĐ, V).
   */
  static String text(ScoreCells.Content c) {
    if (c.absent()) {
      return ABSENT;
    }
    return text(c.mark());
  }

  public static final String ABSENT = "ABSENT";
  static final String RETEST = "RETEST";

  static String text(Mark m) {
    return switch (m) {
      case null -> "";
      // A mark reads as typed in the book: 7, not 7,0; averages keep their decimal.
      case Score s -> s.value().stripTrailingZeros().toPlainString().replace('.', ',');
      case Comment c -> c.name();
    };
  }

  /** A term or year result as the book prints it: 8,5 for an average, DAT / CHUA_DAT. */
  public static String result(Object r) {
    return switch (r) {
      case null -> "";
      case BigDecimal b -> b.toPlainString().replace('.', ',');
      case Comment c -> text(c);
      default -> r.toString();
    };
  }

  static Map<String, Object> state(ScoreCells.Content c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", text(c));
    return m;
  }

  boolean mayEnter(Classes.SchoolClass c, String subjectCode) {
    return authorization.permits(
        Action.ENTER_SCORES,
        Target.classSubject(c.schoolId(), c.id(), subjectCode).inYear(c.startYear()));
  }

  /** The homeroom teacher and the school's leaders read every subject of the class. */
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
    if (c.grade() < 6) {
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

  static int regularColumns(SubjectSheet subject) {
    return (int) subject.slots().stream().filter(s -> s.startsWith("TX")).count();
  }

  static void term(int term) {
    if (term != 1 && term != 2) {
      throw new NotFoundException("term " + term);
    }
  }

  /** Today, or the school year's last day once it is over: who is in the class then. */
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
