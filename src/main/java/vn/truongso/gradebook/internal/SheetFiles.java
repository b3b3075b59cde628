package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.xlsx.XlsxRows;

/**
 * A score sheet exported by {@link SheetExport} read back: every cell checked as the page checks
 * it, errors named by cell, nothing written unless every cell is right. The file's mark row must
 * name this class, subject and term, and a cell typed in TruongSo after the file was taken is not
 * overwritten by it.
 */
@Service
public class SheetFiles {

  private static final int FIRST_SLOT_COLUMN = SheetExport.FIRST_SLOT_COLUMN;
  private static final int MAX_ROWS = 400;

  private final ScoreEntry entry;
  private final Classes classes;
  private final ScoreCells cells;
  private final ApprovalStates approvals;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Clock clock;
  private final EntryGate gate;
  private final ArrangementStore arrangements;

  SheetFiles(
      ScoreEntry entry,
      Classes classes,
      ScoreCells cells,
      ApprovalStates approvals,
      AuditLog audit,
      MessageSource messages,
      Clock clock,
      ArrangementStore arrangements,
      EntryGate gate) {
    this.gate = gate;
    this.arrangements = arrangements;
    this.entry = entry;
    this.classes = classes;
    this.cells = cells;
    this.approvals = approvals;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  /** How many cells the import changed. */
  public record Imported(int changed) {}

  @Transactional
  public Imported importFile(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      String subjectCode,
      int term,
      byte[] file) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    if (!entry.mayEnter(c, subjectCode)) {
      throw new AccessDeniedException("gradebook.import");
    }
    ScoreEntry.term(term);
    SubjectSheet subject = entry.subject(c, subjectCode);
    if (approvals.frozenForSave(schoolId, classId, term)) {
      throw new UserInputException("file", "gradebook.frozen");
    }
    List<XlsxRows.Row> rows = XlsxRows.read(file, MAX_ROWS);
    Mark mark = mark(rows, schoolId, classId, subjectCode, term);
    int headerRow = checkedHeader(rows, mark.row(), subject.slots());
    Target target = target(c, subject, subjectCode, term, mark.exportedAt());
    List<Write> writes = writesAsked(target, rows.subList(headerRow + 1, rows.size()));
    save(user, schoolId, writes);
    return new Imported(writes.size());
  }

  /** The row that names the sheet exported, and when it was taken. */
  private record Mark(int row, Instant exportedAt) {}

  /** The file's mark row, refused when it names another school, class, subject or term. */
  private static Mark mark(
      List<XlsxRows.Row> rows, long schoolId, long classId, String subjectCode, int term) {
    for (int i = 0; i < rows.size(); i++) {
      String[] parts = rows.get(i).cell(0).split("\\|");
      if (parts.length == 6 && parts[0].equals(SheetExport.MARK)) {
        if (!parts[1].equals(Long.toString(schoolId))
            || !parts[2].equals(Long.toString(classId))
            || !parts[3].equals(subjectCode)
            || !parts[4].equals(Integer.toString(term))
            || !parts[5].matches("\\d{1,15}")) {
          throw new UserInputException("file", "gradebook.import.otherSheet");
        }
        return new Mark(i, Instant.ofEpochMilli(Long.parseLong(parts[5])));
      }
    }
    throw new UserInputException("file", "gradebook.import.notOurs");
  }

  /** The header row's index, once its mark columns are the subject's, in the page's order. */
  private int checkedHeader(List<XlsxRows.Row> rows, int markRow, List<String> slots) {
    // The header is the first row after the mark whose first cell is not the help line.
    int headerRow = markRow + 1;
    while (headerRow < rows.size() && rows.get(headerRow).cell(1).isEmpty()) {
      headerRow++;
    }
    if (headerRow >= rows.size()) {
      throw new UserInputException("file", "gradebook.import.header");
    }
    Locale locale = LocaleContextHolder.getLocale();
    XlsxRows.Row header = rows.get(headerRow);
    for (int i = 0; i < slots.size(); i++) {
      String expected = msg("gradebook.slot." + slots.get(i), locale);
      String found = header.cell(FIRST_SLOT_COLUMN + i).strip();
      // A sheet exported before the labels took the circular's spelling (ĐĐGtx 1) says TX1.
      if (!found.equalsIgnoreCase(expected) && !found.equalsIgnoreCase(slots.get(i))) {
        throw new UserInputException("file", "gradebook.import.header");
      }
    }
    return headerRow;
  }

  /**
   * The sheet the file lands on, as TruongSo holds it now: the class's students by id, those left
   * out of the subject, each column's gate, and by student/slot the cells written since the export
   * and the cells stored.
   */
  private record Target(
      Classes.SchoolClass schoolClass,
      SubjectSheet subject,
      String subjectCode,
      int term,
      Map<Long, String> inClass,
      Set<Long> leftOut,
      Map<String, EntryGate.Verdict> verdicts,
      Set<String> changedSince,
      Map<String, ScoreCells.Cell> stored) {

    ScoreCells.Key key(long studentId, String slot) {
      return new ScoreCells.Key(
          schoolClass.schoolId(), schoolClass.id(), subjectCode, term, studentId, slot);
    }
  }

  private Target target(
      Classes.SchoolClass c,
      SubjectSheet subject,
      String subjectCode,
      int term,
      Instant exportedAt) {
    long schoolId = c.schoolId();
    long classId = c.id();
    Map<Long, String> inClass = new HashMap<>();
    for (var s : classes.roster(schoolId, classId, entry.entryDay(c))) {
      inClass.put(s.id(), s.name().full());
    }
    Set<Long> leftOut = leftOut(c, subject, subjectCode, inClass.keySet());
    Map<String, EntryGate.Verdict> verdicts =
        gate.columnsForSave(
            new EntryGate.Sheet(schoolId, c.startYear(), term, c.grade(), classId, subjectCode),
            subject.slots());
    Set<String> changedSince = cells.changedSince(schoolId, classId, subjectCode, term, exportedAt);
    Map<String, ScoreCells.Cell> stored = new HashMap<>();
    for (ScoreCells.Cell cell : cells.cells(schoolId, classId, subjectCode, term, null)) {
      stored.put(cell.studentId() + "/" + cell.slot(), cell);
    }
    return new Target(
        c, subject, subjectCode, term, inClass, leftOut, verdicts, changedSince, stored);
  }

  /** Students for whom the subject is left out of the year take no marks (TT58 art. 12). */
  private Set<Long> leftOut(
      Classes.SchoolClass c, SubjectSheet subject, String subjectCode, Set<Long> students) {
    Set<Long> leftOut = new HashSet<>();
    if (!subject.rules().countsExemptSubjects()) {
      arrangements
          .ofClass(c, students)
          .exemptions()
          .forEach(
              (student, bySubject) -> {
                if (bySubject.containsKey(subjectCode)) {
                  leftOut.add(student);
                }
              });
    }
    return leftOut;
  }

  /** The writes the rows ask for; every refused row or cell reported at once, nothing written. */
  private List<Write> writesAsked(Target target, List<XlsxRows.Row> rows) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Set<Long> seen = new HashSet<>();
    List<Write> writes = new ArrayList<>();
    for (XlsxRows.Row row : rows) {
      Optional<Long> student = student(target, row, seen, errors);
      if (student.isEmpty()) {
        continue;
      }
      for (int i = 0; i < target.subject().slots().size(); i++) {
        writeAsked(target, row, student.get(), i, errors).ifPresent(writes::add);
      }
    }
    errors.throwIfAny();
    return writes;
  }

  /** The row's student, empty (and reported) when not in the class or already on an earlier row. */
  private static Optional<Long> student(
      Target target, XlsxRows.Row row, Set<Long> seen, InvalidInput.Collector errors) {
    String idText = row.cell(1).strip();
    String idCell = XlsxRows.cellName(1, row.number());
    if (!idText.matches("\\d{1,18}") || !target.inClass().containsKey(Long.parseLong(idText))) {
      errors.add(idCell, "gradebook.import.unknownStudent", idText);
      return Optional.empty();
    }
    long studentId = Long.parseLong(idText);
    if (!seen.add(studentId)) {
      errors.add(idCell, "gradebook.import.duplicateStudent", target.inClass().get(studentId));
      return Optional.empty();
    }
    return Optional.of(studentId);
  }

  /**
   * The write one cell of the file asks for: empty when it holds what is stored, and when it is
   * unreadable or refused (then reported).
   */
  private static Optional<Write> writeAsked(
      Target target, XlsxRows.Row row, long studentId, int i, InvalidInput.Collector errors) {
    String slot = target.subject().slots().get(i);
    String cellName = XlsxRows.cellName(FIRST_SLOT_COLUMN + i, row.number());
    ScoreCells.Content wanted;
    try {
      wanted = TypedMarks.parse(target.subject().kind(), row.cell(FIRST_SLOT_COLUMN + i));
    } catch (UserInputException e) {
      errors.add(cellName, e.messageKey(), target.inClass().get(studentId), slot);
      return Optional.empty();
    }
    ScoreCells.Cell now = target.stored().get(studentId + "/" + slot);
    ScoreCells.Content before = now == null ? ScoreCells.Content.EMPTY : now.content();
    if (before.equals(wanted)) {
      return Optional.empty();
    }
    Optional<UserInputException> refused = refusal(target, studentId, slot, before);
    if (refused.isPresent()) {
      errors.add(cellName, refused.get().messageKey(), refused.get().args());
      return Optional.empty();
    }
    return Optional.of(
        new Write(target.key(studentId, slot), now == null ? 0 : now.version(), before, wanted));
  }

  /**
   * Why a changed cell may not be written: the student is left out of the subject, the column is
   * closed (locked, past its date, frozen), or the cell was typed in TruongSo after the export.
   */
  private static Optional<UserInputException> refusal(
      Target target, long studentId, String slot, ScoreCells.Content before) {
    String name = target.inClass().get(studentId);
    if (target.leftOut().contains(studentId)) {
      return Optional.of(new UserInputException("file", "gradebook.exempt.leftOut", name, slot));
    }
    EntryGate.Verdict verdict = target.verdicts().get(slot);
    if (!verdict.open()) {
      return Optional.of(EntryGate.refusal(verdict));
    }
    if (target.changedSince().contains(studentId + "/" + slot)) {
      return Optional.of(
          new UserInputException(
              "file", "gradebook.import.changedSince", name, slot, TypedMarks.text(before)));
    }
    return Optional.empty();
  }

  private record Write(
      ScoreCells.Key key, int version, ScoreCells.Content before, ScoreCells.Content wanted) {}

  /** Writes each cell at the version the file was checked against, with its audit entry. */
  private void save(AuthenticatedUser user, long schoolId, List<Write> writes) {
    var by =
        new ScoreCells.Author(
            clock.instant(), user.accountId(), user.displayName(), MarkHistory.Source.FILE, null);
    for (Write w : writes) {
      var current = cells.lock(w.key());
      int version = current.map(ScoreCells.Cell::version).orElse(0);
      if (version != w.version()) {
        // Typed on the page while the file was being read: the file does not win.
        throw new UserInputException("file", "gradebook.import.raced");
      }
      if (current.isEmpty()) {
        if (!cells.insert(w.key(), w.wanted(), by)) {
          throw new UserInputException("file", "gradebook.import.raced");
        }
      } else {
        cells.update(w.key(), current.get().content(), w.wanted(), version + 1, by);
      }
      audit.record(
          AuditEvent.of(schoolId, "gradebook.score.set", "score_cell", w.key().id())
              .before(current.isEmpty() ? null : TypedMarks.state(w.before()))
              .after(TypedMarks.state(w.wanted()))
              .because("xlsx"));
    }
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
