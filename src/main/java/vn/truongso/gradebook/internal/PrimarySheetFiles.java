package vn.truongso.gradebook.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.xlsx.FormulaText;
import vn.truongso.platform.xlsx.XlsxRows;
import vn.truongso.platform.xlsx.XlsxStyles;

/**
 * A primary subject's sheet at a point as an Excel workbook and back, as the secondary sheets are:
 * a mark row names the class, subject and point and when the file was taken; every cell is checked
 * as the page checks it and named when wrong, nothing written unless all are right; a line typed in
 * TruongSo after the export is not overwritten; the writes go through the same control and audit as
 * the page's.
 */
@Service
public class PrimarySheetFiles {

  static final String MARK = "TRUONGSO-TH";
  private static final int HEADER_ROW = 3;
  private static final int LEVEL = 3;
  private static final int COMMENT = 4;
  private static final int SCORE = 5;
  private static final int MAX_ROWS = 400;

  private final PrimaryEntry primary;
  private final PrimaryCells cells;
  private final PrimaryWrites writes;
  private final MessageSource messages;
  private final Clock clock;

  PrimarySheetFiles(
      PrimaryEntry primary,
      PrimaryCells cells,
      PrimaryWrites writes,
      MessageSource messages,
      Clock clock) {
    this.primary = primary;
    this.cells = cells;
    this.writes = writes;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public byte[] export(long schoolId, long classId, String subject, PrimaryPoint point) {
    PrimaryEntry.Sheet sheet = primary.sheet(schoolId, classId, subject, point);
    Locale locale = LocaleContextHolder.getLocale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Classes.SchoolClass c = sheet.schoolClass();
      Sheet ws = wb.createSheet(c.name() + " " + subject);
      CellStyle bold = XlsxStyles.bold(wb);
      Row title = ws.createRow(0);
      title
          .createCell(0)
          .setCellValue(
              msg(
                  "primary.xlsx.title",
                  locale,
                  sheet.subject().name(),
                  c.name(),
                  msg("primary.point." + point.name(), locale),
                  c.startYear(),
                  c.startYear() + 1));
      title.getCell(0).setCellStyle(bold);
      ws.createRow(1)
          .createCell(0)
          .setCellValue(FileMarks.of(names(schoolId, classId, subject, point), clock.millis()));
      ws.createRow(2).createCell(0).setCellValue(msg("primary.xlsx.help", locale));
      header(ws.createRow(HEADER_ROW), sheet.tested(), bold, locale);
      int r = HEADER_ROW + 1;
      for (PrimaryEntry.Line l : sheet.lines()) {
        Row x = ws.createRow(r);
        x.createCell(0).setCellValue(r - HEADER_ROW);
        x.createCell(1).setCellValue(Long.toString(l.student().id()));
        x.createCell(2).setCellValue(l.student().name().full());
        x.createCell(LEVEL).setCellValue(Objects.requireNonNullElse(l.level(), ""));
        x.createCell(COMMENT).setCellValue(Objects.requireNonNullElse(l.comment(), ""));
        if (sheet.tested() && l.score() != null) {
          x.createCell(SCORE).setCellValue(l.score());
        }
        r++;
      }
      ws.setColumnWidth(2, 28 * 256);
      ws.setColumnWidth(COMMENT, 60 * 256);
      ws.createFreezePane(LEVEL, HEADER_ROW + 1);
      FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many lines the file changed. */
  @Transactional
  public int importFile(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      String subject,
      PrimaryPoint point,
      byte[] file) {
    PrimaryEntry.Sheet sheet = primary.sheet(schoolId, classId, subject, point);
    Classes.SchoolClass c = sheet.schoolClass();
    if (!primary.mayEnter(c, subject)) {
      throw new AccessDeniedException("gradebook.primary.import");
    }
    if (sheet.closed() != null) {
      throw new UserInputException("file", sheet.closed().key(), sheet.closed().args().toArray());
    }
    List<XlsxRows.Row> rows = XlsxRows.read(file, MAX_ROWS);
    FileMarks.Found found = FileMarks.find(rows, names(schoolId, classId, subject, point));
    int mark = found.row();
    Instant exportedAt = found.takenAt();
    Set<Long> changedSince =
        cells.changedSince(schoolId, classId, point, Kind.SUBJECT, subject, exportedAt);
    List<Write> asked = asked(sheet, rows.subList(mark + 1, rows.size()), changedSince);
    for (Write w : asked) {
      writes.save(user, c, w.studentId(), point, Kind.SUBJECT, subject, w.value());
    }
    return asked.size();
  }

  private record Write(long studentId, PrimaryCells.Value value) {}

  /** The lines the rows change; every wrong cell reported at once, nothing written. */
  private static List<Write> asked(
      PrimaryEntry.Sheet sheet, List<XlsxRows.Row> rows, Set<Long> changedSince) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Set<Long> seen = new HashSet<>();
    List<Write> out = new ArrayList<>();
    for (XlsxRows.Row row : rows) {
      String id = row.cell(1).strip();
      if (!id.matches("\\d{1,18}")) {
        continue;
      }
      PrimaryEntry.Line line =
          sheet.lines().stream()
              .filter(l -> l.student().id() == Long.parseLong(id))
              .findFirst()
              .orElse(null);
      if (line == null || !seen.add(line.student().id())) {
        errors.add(XlsxRows.cellName(1, row.number()), "gradebook.import.unknownStudent", id);
        continue;
      }
      InvalidInput.Collector mine = new InvalidInput.Collector();
      String level = PrimaryEntry.subjectLevel(row.cell(LEVEL), mine);
      String comment = PrimaryEntry.comment("comment", row.cell(COMMENT), mine);
      Integer score =
          PrimaryEntry.score(
              sheet.schoolClass(), sheet.tested() ? row.cell(SCORE) : "", sheet.tested(), mine);
      for (InvalidInput.FieldError f : mine.errors()) {
        int col = f.field().equals("level") ? LEVEL : f.field().equals("score") ? SCORE : COMMENT;
        errors.add(XlsxRows.cellName(col, row.number()), f.messageKey(), f.args().toArray());
      }
      boolean same =
          Objects.equals(level, line.level())
              && Objects.equals(comment, line.comment())
              && Objects.equals(score, line.score());
      if (!mine.errors().isEmpty() || same) {
        continue;
      }
      if (changedSince.contains(line.student().id())) {
        errors.add(
            XlsxRows.cellName(LEVEL, row.number()),
            "primary.xlsx.changedSince",
            line.student().name().full());
        continue;
      }
      out.add(
          new Write(
              line.student().id(), new PrimaryCells.Value(level, comment, score, line.version())));
    }
    errors.throwIfAny();
    return out;
  }

  /** What the mark row names: the kind of file and the sheet's ids. */
  private static List<String> names(
      long schoolId, long classId, String subject, PrimaryPoint point) {
    return List.of(MARK, Long.toString(schoolId), Long.toString(classId), subject, point.name());
  }

  private void header(Row header, boolean tested, CellStyle bold, Locale locale) {
    List<String> heads =
        new ArrayList<>(
            List.of(
                msg("primary.sheet.col.n", locale),
                msg("gradebook.xlsx.studentId", locale),
                msg("primary.sheet.col.name", locale),
                msg("primary.sheet.col.level", locale),
                msg("primary.sheet.col.comment", locale)));
    if (tested) {
      heads.add(msg("primary.sheet.col.score", locale));
    }
    for (int i = 0; i < heads.size(); i++) {
      header.createCell(i).setCellValue(heads.get(i));
      header.getCell(i).setCellStyle(bold);
    }
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
