package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.gradebook.corrections.Marks;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.UserInputException;

/** The grade book's cells for the corrections procedure; see {@link Marks}. */
@Service
class MarkBook implements Marks {

  /** After a term's conduct, the homeroom teacher's cells of excused and unexcused absences. */
  private static final List<String> ABSENCES = List.of("P", "K");

  /** The conduct periods when the class has no policy: the year's is then never asked for. */
  private static final List<Period> DERIVED_YEAR = List.of(Period.HK1, Period.HK2, Period.HE);

  private final ScoreEntry entry;
  private final ScoreSheet sheets;
  private final ClassBook classBook;
  private final ScoreCells cells;
  private final HomeroomEntries homeroom;
  private final Classes classes;
  private final ApprovalStates approvals;
  private final EntryGate gate;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  MarkBook(
      ScoreEntry entry,
      ScoreSheet sheets,
      ClassBook classBook,
      ScoreCells cells,
      HomeroomEntries homeroom,
      Classes classes,
      ApprovalStates approvals,
      EntryGate gate,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.entry = entry;
    this.sheets = sheets;
    this.classBook = classBook;
    this.cells = cells;
    this.homeroom = homeroom;
    this.classes = classes;
    this.approvals = approvals;
    this.gate = gate;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  @Override
  @Transactional(readOnly = true)
  public Grid grid(long schoolId, long classId, String subject, int term) {
    ScoreEntry.term(term);
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    if (subject != null) {
      ScoreSheet.Sheet sheet = sheets.sheet(schoolId, classId, subject, term);
      List<Row> rows = new ArrayList<>();
      for (ScoreSheet.Row r : sheet.rows()) {
        Map<String, Shown> shown = new LinkedHashMap<>();
        for (String slot : sheet.columns()) {
          boolean frozen = sheet.frozen() && !slot.equals(ScoreEntry.RETEST);
          shown.put(
              slot,
              new Shown(r.cells().get(slot).text(), frozen || !sheet.open(slot) || r.leftOut()));
        }
        rows.add(new Row(r.studentId(), r.student().name().full(), shown));
      }
      return new Grid(
          classId,
          c.name(),
          c.grade(),
          c.startYear(),
          subject,
          sheet.subject().name(),
          term,
          sheet.columns(),
          rows,
          sheet.editable());
    }
    boolean mayFile = classBook.mayEdit(c);
    if (!mayFile && !entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.book");
    }
    List<String> slots = homeroomSlots(c, term);
    var conduct = homeroom.conduct(schoolId, classId);
    var absences = homeroom.absences(schoolId, classId);
    Map<String, Boolean> closed = new LinkedHashMap<>();
    for (String slot : slots) {
      closed.put(slot, homeroomClosed(c, term, slot, false));
    }
    List<Row> rows = new ArrayList<>();
    for (People.Student s : classes.roster(schoolId, classId, entry.entryDay(c))) {
      Map<String, Shown> shown = new LinkedHashMap<>();
      for (String slot : slots) {
        String text = homeroomText(conduct.get(s.id()), absences.get(s.id()), term, slot);
        shown.put(slot, new Shown(text, closed.get(slot)));
      }
      rows.add(new Row(s.id(), s.name().full(), shown));
    }
    return new Grid(
        classId, c.name(), c.grade(), c.startYear(), null, null, term, slots, rows, mayFile);
  }

  @Override
  public boolean mayFile(long schoolId, long classId, String subject) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    return subject == null ? classBook.mayEdit(c) : entry.mayEnter(c, subject);
  }

  @Override
  @Transactional
  public Stored stored(long schoolId, long classId, CellRef cell) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    String name = student(c, cell.studentId());
    if (cell.subject() != null) {
      SubjectSheet subject = entry.subject(c, cell.subject());
      scoreSlot(subject, cell);
      Optional<ScoreCells.Cell> now = cells.lock(key(schoolId, classId, cell));
      boolean closed =
          !gate.verdictForSave(gateCell(c, cell), subject.regularCount()).open()
              || (!cell.slot().equals(ScoreEntry.RETEST)
                  && approvals.frozenForSave(schoolId, classId, cell.term()));
      return new Stored(
          now.map(x -> TypedMarks.text(x.content())).orElse(""),
          "v" + now.map(ScoreCells.Cell::version).orElse(0),
          closed,
          name);
    }
    homeroomSlot(c, cell);
    HomeroomEntries.Stamped now =
        homeroom.lock(schoolId, classId, cell.studentId(), cell.term(), cell.slot());
    String text =
        switch (cell.slot()) {
          case "P" -> now == null ? "0" : String.valueOf(now.absences().excused());
          case "K" -> now == null ? "0" : String.valueOf(now.absences().unexcused());
          default -> now == null ? "" : now.conduct().level();
        };
    return new Stored(
        text,
        now == null ? "-" : now.changedAt().toString(),
        homeroomClosed(c, cell.term(), cell.slot(), true),
        name);
  }

  @Override
  public String normalise(long schoolId, long classId, CellRef cell, String typed) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    if (cell.subject() != null) {
      SubjectSheet subject = entry.subject(c, cell.subject());
      scoreSlot(subject, cell);
      return TypedMarks.text(TypedMarks.parse(subject.kind(), typed));
    }
    homeroomSlot(c, cell);
    String t = typed == null ? "" : typed.strip();
    if (cell.slot().equals("P") || cell.slot().equals("K")) {
      // Blank is "left alone" in a request, never "0": the form skips it before this.
      Integer n = t.isEmpty() ? null : HomeroomValues.count(t);
      if (n == null) {
        throw new UserInputException("value", "gradebook.absences.count");
      }
      return String.valueOf(n);
    }
    SecondaryPolicy policy = classBook.policy(c);
    Level level = HomeroomValues.level(t.toUpperCase(java.util.Locale.ROOT));
    if (level == null || policy == null || !policy.conductScale().contains(level)) {
      throw new UserInputException("value", "gradebook.conduct.level");
    }
    return level.name();
  }

  @Override
  @Transactional
  public void correct(
      AuthenticatedUser user, long schoolId, long classId, List<Correction> cells, long requestId) {
    for (Correction c : cells) {
      correct(user, schoolId, classId, c.cell(), c.stamp(), c.text(), requestId);
    }
    events.publishEvent(new ResultInputsChanged(schoolId, classId));
  }

  private void correct(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      CellRef cell,
      String stamp,
      String text,
      long requestId) {
    Stored before = stored(schoolId, classId, cell);
    if (!before.stamp().equals(stamp)) {
      throw new IllegalStateException("cell changed");
    }
    String value = normalise(schoolId, classId, cell, text);
    Instant now = clock.instant();
    if (cell.subject() != null) {
      correctScore(
          schoolId, classId, cell, stamp, value, before.text(), correction(user, now, requestId));
    } else {
      correctHomeroom(user, schoolId, classId, cell, value, before.text(), now, requestId);
    }
  }

  /** A new version of the score cell, written only if the version the stamp names is current. */
  private void correctScore(
      long schoolId,
      long classId,
      CellRef cell,
      String stamp,
      String value,
      String was,
      ScoreCells.Author by) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    ScoreCells.Key key = key(schoolId, classId, cell);
    ScoreCells.Content content = TypedMarks.parse(entry.subject(c, cell.subject()).kind(), value);
    int version = Integer.parseInt(stamp.substring(1));
    if (version == 0) {
      if (!cells.insert(key, content, by)) {
        throw new IllegalStateException("cell written meanwhile");
      }
    } else {
      ScoreCells.Content stored = cells.lock(key).orElseThrow().content();
      cells.update(key, stored, content, version + 1, by);
    }
    audit.record(
        AuditEvent.of(schoolId, "gradebook.score.corrected", "score_cell", key.id())
            .before(version == 0 ? null : Map.of("value", was))
            .after(corrected(value, by.requestId()))
            .because("correction " + by.requestId()));
  }

  /** The homeroom teacher's conduct or absence cell, through the class book's own store. */
  private void correctHomeroom(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      CellRef cell,
      String value,
      String was,
      Instant now,
      long requestId) {
    homeroom.correct(
        schoolId,
        classId,
        cell.studentId(),
        cell.term(),
        cell.slot(),
        value,
        now,
        user.accountId());
    boolean absence = cell.slot().equals("P") || cell.slot().equals("K");
    audit.record(
        AuditEvent.of(
                schoolId,
                absence ? "gradebook.absence.corrected" : "gradebook.conduct.corrected",
                absence ? "absence_entry" : "conduct_entry",
                classId
                    + "/"
                    + cell.studentId()
                    + "/"
                    + (absence ? cell.term() + "/" + cell.slot() : cell.slot()))
            .before(Map.of("value", was))
            .after(corrected(value, requestId))
            .because("correction " + requestId));
  }

  /** The audit's "after" of a correction: the value and the request that decided it. */
  private static Map<String, Object> corrected(String value, long requestId) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("value", value);
    after.put("correctionRequest", requestId);
    return after;
  }

  private static ScoreCells.Author correction(AuthenticatedUser user, Instant at, long requestId) {
    return new ScoreCells.Author(
        at, user.accountId(), user.displayName(), MarkHistory.Source.CORRECTION, requestId);
  }

  private String student(Classes.SchoolClass c, long studentId) {
    return classes.roster(c.schoolId(), c.id(), entry.entryDay(c)).stream()
        .filter(s -> s.id() == studentId)
        .map(s -> s.name().full())
        .findFirst()
        .orElseThrow(() -> new UserInputException("student", "gradebook.student.notInClass"));
  }

  private static void scoreSlot(SubjectSheet subject, CellRef cell) {
    ScoreEntry.term(cell.term());
    boolean retest = cell.slot().equals(ScoreEntry.RETEST) && cell.term() == 2;
    if (!retest && !subject.slots().contains(cell.slot())) {
      throw new UserInputException("slot", "gradebook.slot.unknown");
    }
  }

  private void homeroomSlot(Classes.SchoolClass c, CellRef cell) {
    ScoreEntry.term(cell.term());
    if (!homeroomSlots(c, cell.term()).contains(cell.slot())) {
      throw new UserInputException("slot", "gradebook.slot.unknown");
    }
  }

  private List<String> homeroomSlots(Classes.SchoolClass c, int term) {
    SecondaryPolicy policy = classBook.policy(c);
    List<String> slots = new ArrayList<>();
    for (Period p : policy == null ? DERIVED_YEAR : policy.conductPeriods()) {
      if (p.term() == term) {
        slots.add(p.name());
      }
    }
    slots.addAll(ABSENCES);
    return slots;
  }

  /** Closed as the class book's save would find it: frozen by approval, locked or past its date. */
  private boolean homeroomClosed(Classes.SchoolClass c, int term, String slot, boolean forSave) {
    boolean summer = Period.parse(slot).map(Period::summer).orElse(false);
    EntryGate.Cell cell =
        new EntryGate.Cell(
            c.schoolId(),
            c.startYear(),
            term,
            c.grade(),
            c.id(),
            null,
            summer ? Period.HE.name() : null);
    EntryGate.Verdict v = forSave ? gate.verdictForSave(cell, 0) : gate.verdict(cell, 0);
    if (!v.open()) {
      return true;
    }
    if (summer) {
      return false;
    }
    return forSave
        ? approvals.frozenForSave(c.schoolId(), c.id(), term)
        : Optional.ofNullable(approvals.ofClass(c.schoolId(), c.id()).get(term))
            .map(ApprovalStates.Status::frozen)
            .orElse(false);
  }

  private static String homeroomText(
      Map<String, HomeroomEntries.Conduct> conduct,
      Map<Integer, HomeroomEntries.Absences> absences,
      int term,
      String slot) {
    HomeroomEntries.Absences a = absences == null ? null : absences.get(term);
    return switch (slot) {
      case "P" -> String.valueOf(a == null ? 0 : a.excused());
      case "K" -> String.valueOf(a == null ? 0 : a.unexcused());
      default -> {
        HomeroomEntries.Conduct k = conduct == null ? null : conduct.get(slot);
        yield k == null ? "" : k.level();
      }
    };
  }

  private static EntryGate.Cell gateCell(Classes.SchoolClass c, CellRef cell) {
    return new EntryGate.Cell(
        c.schoolId(), c.startYear(), cell.term(), c.grade(), c.id(), cell.subject(), cell.slot());
  }

  private static ScoreCells.Key key(long schoolId, long classId, CellRef cell) {
    return new ScoreCells.Key(
        schoolId, classId, cell.subject(), cell.term(), cell.studentId(), cell.slot());
  }
}
