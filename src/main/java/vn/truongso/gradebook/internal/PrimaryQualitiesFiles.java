package vn.truongso.gradebook.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.xlsx.FormulaText;
import vn.truongso.platform.xlsx.XlsxRows;
import vn.truongso.platform.xlsx.XlsxStyles;

/**
 * The homeroom teacher's qualities and competencies at a point as an Excel workbook and back, as
 * the subject sheets are: a mark row names the class and point and when the file was taken; every
 * cell is checked as the page checks it and named when wrong, nothing written unless all are right;
 * a pupil's line changed in TruongSo after the export is not overwritten; the lines are written by
 * the page's own save (control, versions, audit).
 */
@Service
public class PrimaryQualitiesFiles {

  static final String MARK = "TRUONGSO-PCNL";
  private static final int HEADER_ROW = 3;
  private static final int FIRST_ITEM = 3;
  private static final int MAX_ROWS = 400;

  private final PrimaryHomeroom homeroom;
  private final PrimaryCells cells;
  private final MessageSource messages;
  private final Clock clock;

  PrimaryQualitiesFiles(
      PrimaryHomeroom homeroom, PrimaryCells cells, MessageSource messages, Clock clock) {
    this.homeroom = homeroom;
    this.cells = cells;
    this.messages = messages;
    this.clock = clock;
  }

  /** The columns after the pupil's: the fifteen items, then the two comments. */
  private static List<String> columns() {
    List<String> all = new ArrayList<>(PrimaryHomeroom.ITEMS);
    all.add(PrimaryHomeroom.QUALITIES_COMMENT);
    all.add(PrimaryHomeroom.COMPETENCES_COMMENT);
    return all;
  }

  @Transactional(readOnly = true)
  public byte[] export(long schoolId, long classId, PrimaryPoint point) {
    PrimaryHomeroom.Sheet sheet = homeroom.sheet(schoolId, classId, point);
    Locale locale = LocaleContextHolder.getLocale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var c = sheet.schoolClass();
      Sheet ws = wb.createSheet(c.name());
      CellStyle bold = XlsxStyles.bold(wb);
      Row title = ws.createRow(0);
      title
          .createCell(0)
          .setCellValue(
              msg(
                  "primary.xlsx.qualitiesTitle",
                  locale,
                  c.name(),
                  msg("primary.point." + point.name(), locale),
                  c.startYear(),
                  c.startYear() + 1));
      title.getCell(0).setCellStyle(bold);
      ws.createRow(1)
          .createCell(0)
          .setCellValue(FileMarks.of(names(schoolId, classId, point), clock.millis()));
      ws.createRow(2).createCell(0).setCellValue(msg("primary.xlsx.qualitiesHelp", locale));
      header(ws.createRow(HEADER_ROW), bold, locale);
      lines(ws, sheet);
      ws.setColumnWidth(2, 28 * 256);
      ws.createFreezePane(FIRST_ITEM, HEADER_ROW + 1);
      FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void header(Row header, CellStyle bold, Locale locale) {
    List<String> heads =
        new ArrayList<>(
            List.of(
                msg("primary.sheet.col.n", locale),
                msg("gradebook.xlsx.studentId", locale),
                msg("primary.sheet.col.name", locale)));
    columns().forEach(i -> heads.add(msg("primary.item." + i, locale)));
    for (int i = 0; i < heads.size(); i++) {
      header.createCell(i).setCellValue(heads.get(i));
      header.getCell(i).setCellStyle(bold);
    }
  }

  private static void lines(Sheet ws, PrimaryHomeroom.Sheet sheet) {
    int r = HEADER_ROW + 1;
    for (PrimaryHomeroom.Line l : sheet.lines()) {
      Row x = ws.createRow(r);
      x.createCell(0).setCellValue(r - HEADER_ROW);
      x.createCell(1).setCellValue(Long.toString(l.student().id()));
      x.createCell(2).setCellValue(l.student().name().full());
      int col = FIRST_ITEM;
      for (String item : PrimaryHomeroom.ITEMS) {
        x.createCell(col++).setCellValue(l.level(item));
      }
      x.createCell(col++).setCellValue(l.comment(PrimaryHomeroom.QUALITIES_COMMENT));
      x.createCell(col).setCellValue(l.comment(PrimaryHomeroom.COMPETENCES_COMMENT));
      r++;
    }
  }

  /** How many pupils' lines the file changed. */
  @Transactional
  public int importFile(
      AuthenticatedUser user, long schoolId, long classId, PrimaryPoint point, byte[] file) {
    PrimaryHomeroom.Sheet sheet = homeroom.sheet(schoolId, classId, point);
    if (!sheet.mayEdit()) {
      throw new AccessDeniedException("gradebook.primary.qualities.import");
    }
    if (sheet.closed() != null) {
      throw new UserInputException("file", sheet.closed().key(), sheet.closed().args().toArray());
    }
    List<XlsxRows.Row> rows = XlsxRows.read(file, MAX_ROWS);
    FileMarks.Found found = FileMarks.find(rows, names(schoolId, classId, point));
    int mark = found.row();
    Instant exportedAt = found.takenAt();
    Set<Long> changedSince = cells.homeroomChangedSince(schoolId, classId, point, exportedAt);
    Map<Long, PrimaryHomeroom.Line> lines = new HashMap<>();
    sheet.lines().forEach(l -> lines.put(l.student().id(), l));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Set<Long> seen = new HashSet<>();
    Map<PrimaryHomeroom.Line, PrimaryHomeroom.Typed> asked = new java.util.LinkedHashMap<>();
    for (XlsxRows.Row row : rows.subList(mark + 1, rows.size())) {
      String id = row.cell(1).strip();
      if (!id.matches("\\d{1,18}")) {
        continue;
      }
      PrimaryHomeroom.Line line = lines.get(Long.parseLong(id));
      if (line == null || !seen.add(line.student().id())) {
        errors.add(XlsxRows.cellName(1, row.number()), "gradebook.import.unknownStudent", id);
        continue;
      }
      PrimaryHomeroom.Typed typed = typed(row, line, errors);
      if (typed != null) {
        if (changedSince.contains(line.student().id())) {
          errors.add(
              XlsxRows.cellName(FIRST_ITEM, row.number()),
              "primary.xlsx.changedSince",
              line.student().name().full());
        } else {
          asked.put(line, typed);
        }
      }
    }
    errors.throwIfAny();
    asked.forEach(
        (line, typed) ->
            homeroom.saveLine(user, schoolId, classId, point, line.student().id(), typed));
    return asked.size();
  }

  /** What a row asks for, checked cell by cell; null when wrong (reported) or unchanged. */
  private static PrimaryHomeroom.Typed typed(
      XlsxRows.Row row, PrimaryHomeroom.Line line, InvalidInput.Collector errors) {
    int before = errors.errors().size();
    Map<String, String> levels = new HashMap<>();
    Map<String, Integer> versions = new HashMap<>();
    boolean same = true;
    int col = FIRST_ITEM;
    for (String item : PrimaryHomeroom.ITEMS) {
      String typed = row.cell(col);
      String stored = PrimaryHomeroom.level(XlsxRows.cellName(col, row.number()), typed, errors);
      same &= Objects.equals(stored, storedLevel(line, item));
      levels.put(item, typed);
      versions.put(item, line.version(item));
      col++;
    }
    String q = PrimaryEntry.comment(XlsxRows.cellName(col, row.number()), row.cell(col), errors);
    String k =
        PrimaryEntry.comment(XlsxRows.cellName(col + 1, row.number()), row.cell(col + 1), errors);
    same &= Objects.equals(q, blankToNull(line.comment(PrimaryHomeroom.QUALITIES_COMMENT)));
    same &= Objects.equals(k, blankToNull(line.comment(PrimaryHomeroom.COMPETENCES_COMMENT)));
    versions.put(
        PrimaryHomeroom.QUALITIES_COMMENT, line.version(PrimaryHomeroom.QUALITIES_COMMENT));
    versions.put(
        PrimaryHomeroom.COMPETENCES_COMMENT, line.version(PrimaryHomeroom.COMPETENCES_COMMENT));
    if (errors.errors().size() > before || same) {
      return null;
    }
    return new PrimaryHomeroom.Typed(levels, versions, row.cell(col), row.cell(col + 1));
  }

  /** A line's stored letter (D for Đạt), or null. */
  private static String storedLevel(PrimaryHomeroom.Line line, String item) {
    PrimaryCells.Value v = line.values().get(item);
    return v == null ? null : v.level();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** What the mark row names: the kind of file and the sheet's ids. */
  private static List<String> names(long schoolId, long classId, PrimaryPoint point) {
    return List.of(MARK, Long.toString(schoolId), Long.toString(classId), point.name());
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
