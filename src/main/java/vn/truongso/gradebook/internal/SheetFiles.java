package vn.truongso.gradebook.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import vn.truongso.platform.Formats;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.xlsx.XlsxRows;
import vn.truongso.platform.xlsx.XlsxStyles;

/**
 * A class × subject × term sheet as an Excel workbook with the page's columns, and the same
 * workbook read back: every cell checked as the page checks it, errors named by cell, nothing
 * written unless every cell is right. The file carries which sheet it is and when it was taken, so
 * that it cannot land on another class and cannot silently overwrite what was typed in TruongSo
 * after it was exported.
 */
@Service
public class SheetFiles {

  private static final String MARK = "TRUONGSO";
  private static final int FIRST_SLOT_COLUMN = 4;
  private static final int MAX_ROWS = 400;

  private final ScoreEntry entry;
  private final ScoreSheet sheets;
  private final Classes classes;
  private final ScoreCells cells;
  private final ApprovalStates approvals;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Formats formats;
  private final Clock clock;
  private final EntryGate gate;

  private final ArrangementStore arrangements;

  SheetFiles(
      ScoreEntry entry,
      ScoreSheet sheets,
      Classes classes,
      ScoreCells cells,
      ApprovalStates approvals,
      AuditLog audit,
      MessageSource messages,
      Formats formats,
      Clock clock,
      ArrangementStore arrangements,
      EntryGate gate) {
    this.gate = gate;
    this.arrangements = arrangements;
    this.entry = entry;
    this.sheets = sheets;
    this.classes = classes;
    this.cells = cells;
    this.approvals = approvals;
    this.audit = audit;
    this.messages = messages;
    this.formats = formats;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public byte[] export(long schoolId, long classId, String subjectCode, int term) {
    ScoreSheet.Sheet sheet = sheets.sheet(schoolId, classId, subjectCode, term);
    Locale locale = LocaleContextHolder.getLocale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet ws = wb.createSheet(sheet.schoolClass().name() + " " + sheet.subject().code());
      CellStyle bold = XlsxStyles.bold(wb);
      CellStyle decimal = XlsxStyles.format(wb, "0.0#");
      Row title = ws.createRow(0);
      title
          .createCell(0)
          .setCellValue(
              msg(
                  "gradebook.xlsx.title",
                  locale,
                  sheet.subject().name(),
                  sheet.schoolClass().name(),
                  term == 1 ? "I" : "II",
                  sheet.schoolClass().startYear(),
                  sheet.schoolClass().startYear() + 1));
      title.getCell(0).setCellStyle(bold);
      ws.createRow(1)
          .createCell(0)
          .setCellValue(
              String.join(
                  "|",
                  MARK,
                  Long.toString(schoolId),
                  Long.toString(classId),
                  subjectCode,
                  Integer.toString(term),
                  Long.toString(clock.millis())));
      ws.createRow(2).createCell(0).setCellValue(msg("gradebook.xlsx.help", locale));
      Row header = ws.createRow(3);
      List<String> heads = new ArrayList<>();
      heads.add(msg("gradebook.col.number", locale));
      heads.add(msg("gradebook.xlsx.studentId", locale));
      heads.add(msg("gradebook.col.name", locale));
      heads.add(msg("gradebook.col.birthDate", locale));
      sheet.columns().forEach(slot -> heads.add(msg("gradebook.slot." + slot, locale)));
      heads.add(
          msg(
              sheet.subject().kind() == vn.truongso.assessment.SubjectKind.SCORE
                  ? "gradebook.col.average"
                  : "gradebook.col.result",
              locale));
      for (int i = 0; i < heads.size(); i++) {
        header.createCell(i).setCellValue(heads.get(i));
        header.getCell(i).setCellStyle(bold);
      }
      int r = 4;
      int number = 0;
      for (ScoreSheet.Row row : sheet.rows()) {
        Row x = ws.createRow(r++);
        x.createCell(0).setCellValue(++number);
        x.createCell(1).setCellValue(Long.toString(row.studentId()));
        x.createCell(2).setCellValue(row.student().name().full());
        x.createCell(3).setCellValue(formats.date(row.student().birthDate()));
        int col = FIRST_SLOT_COLUMN;
        for (String slot : sheet.columns()) {
          write(x, col++, row.cells().get(slot).text(), decimal, locale);
        }
        write(x, col, row.result(), decimal, locale);
      }
      ws.setColumnWidth(2, 28 * 256);
      ws.setColumnWidth(3, 12 * 256);
      ws.createFreezePane(FIRST_SLOT_COLUMN, 4);
      vn.truongso.platform.xlsx.FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scores as numbers, so that Excel computes with them; Đ, CĐ and V as the book writes them. */
  private void write(Row row, int col, String text, CellStyle decimal, Locale locale) {
    if (text == null || text.isEmpty()) {
      return;
    }
    switch (text) {
      case "DAT", "CHUA_DAT", TypedMarks.ABSENT ->
          row.createCell(col).setCellValue(msg("gradebook.mark." + text, locale));
      default -> {
        row.createCell(col).setCellValue(new BigDecimal(text.replace(',', '.')).doubleValue());
        row.getCell(col).setCellStyle(decimal);
      }
    }
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
    int markRow = -1;
    Instant exportedAt = null;
    for (int i = 0; i < rows.size() && markRow < 0; i++) {
      String[] parts = rows.get(i).cell(0).split("\\|");
      if (parts.length == 6 && parts[0].equals(MARK)) {
        if (!parts[1].equals(Long.toString(schoolId))
            || !parts[2].equals(Long.toString(classId))
            || !parts[3].equals(subjectCode)
            || !parts[4].equals(Integer.toString(term))
            || !parts[5].matches("\\d{1,15}")) {
          throw new UserInputException("file", "gradebook.import.otherSheet");
        }
        markRow = i;
        exportedAt = Instant.ofEpochMilli(Long.parseLong(parts[5]));
      }
    }
    if (markRow < 0) {
      throw new UserInputException("file", "gradebook.import.notOurs");
    }
    // The header is the first row after the mark whose first cell is not the help line.
    int headerRow = markRow + 1;
    while (headerRow < rows.size() && rows.get(headerRow).cell(1).isEmpty()) {
      headerRow++;
    }
    List<String> slots = subject.slots();
    Locale locale = LocaleContextHolder.getLocale();
    if (headerRow >= rows.size()) {
      throw new UserInputException("file", "gradebook.import.header");
    }
    XlsxRows.Row header = rows.get(headerRow);
    for (int i = 0; i < slots.size(); i++) {
      String expected = msg("gradebook.slot." + slots.get(i), locale);
      String found = header.cell(FIRST_SLOT_COLUMN + i).strip();
      // A sheet exported before the labels took the circular's spelling (ĐĐGtx 1) says TX1.
      if (!found.equalsIgnoreCase(expected) && !found.equalsIgnoreCase(slots.get(i))) {
        throw new UserInputException("file", "gradebook.import.header");
      }
    }

    Map<Long, String> inClass = new HashMap<>();
    for (var s : classes.roster(schoolId, classId, entry.entryDay(c))) {
      inClass.put(s.id(), s.name().full());
    }
    // Students for whom the subject is left out of the year take no marks (TT58 art. 12).
    Set<Long> leftOut = new HashSet<>();
    if (!subject.rules().countsExemptSubjects()) {
      arrangements
          .ofClass(c, inClass.keySet())
          .exemptions()
          .forEach(
              (student, bySubject) -> {
                if (bySubject.containsKey(subjectCode)) {
                  leftOut.add(student);
                }
              });
    }
    Map<String, EntryGate.Verdict> verdicts =
        gate.columnsForSave(schoolId, c.startYear(), term, c.grade(), classId, subjectCode, slots);
    Set<String> changedSince = cells.changedSince(schoolId, classId, subjectCode, term, exportedAt);
    Map<String, ScoreCells.Cell> stored = new HashMap<>();
    for (ScoreCells.Cell cell : cells.cells(schoolId, classId, subjectCode, term, null)) {
      stored.put(cell.studentId() + "/" + cell.slot(), cell);
    }
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Set<Long> seen = new HashSet<>();
    List<Write> writes = new ArrayList<>();
    for (XlsxRows.Row row : rows.subList(headerRow + 1, rows.size())) {
      String idText = row.cell(1).strip();
      String idCell = XlsxRows.cellName(1, row.number());
      if (!idText.matches("\\d{1,18}") || !inClass.containsKey(Long.parseLong(idText))) {
        errors.add(idCell, "gradebook.import.unknownStudent", idText);
        continue;
      }
      long studentId = Long.parseLong(idText);
      if (!seen.add(studentId)) {
        errors.add(idCell, "gradebook.import.duplicateStudent", inClass.get(studentId));
        continue;
      }
      for (int i = 0; i < slots.size(); i++) {
        String slot = slots.get(i);
        String cellName = XlsxRows.cellName(FIRST_SLOT_COLUMN + i, row.number());
        ScoreCells.Content wanted;
        try {
          wanted = TypedMarks.parse(subject.kind(), row.cell(FIRST_SLOT_COLUMN + i));
        } catch (UserInputException e) {
          errors.add(cellName, e.messageKey(), inClass.get(studentId), slot);
          continue;
        }
        ScoreCells.Cell now = stored.get(studentId + "/" + slot);
        ScoreCells.Content before = now == null ? ScoreCells.Content.EMPTY : now.content();
        if (before.equals(wanted)) {
          continue;
        }
        if (leftOut.contains(studentId)) {
          errors.add(cellName, "gradebook.exempt.leftOut", inClass.get(studentId), slot);
          continue;
        }
        EntryGate.Verdict verdict = verdicts.get(slot);
        if (!verdict.open()) {
          UserInputException refused = EntryGate.refusal(verdict);
          errors.add(cellName, refused.messageKey(), refused.args());
          continue;
        }
        if (changedSince.contains(studentId + "/" + slot)) {
          errors.add(
              cellName,
              "gradebook.import.changedSince",
              inClass.get(studentId),
              slot,
              TypedMarks.text(before));
          continue;
        }
        writes.add(
            new Write(
                new ScoreCells.Key(schoolId, classId, subjectCode, term, studentId, slot),
                now == null ? 0 : now.version(),
                before,
                wanted));
      }
    }
    errors.throwIfAny();
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
    return new Imported(writes.size());
  }

  private record Write(
      ScoreCells.Key key, int version, ScoreCells.Content before, ScoreCells.Content wanted) {}

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
