package vn.truongso.gradebook.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.platform.Formats;
import vn.truongso.platform.xlsx.FormulaText;
import vn.truongso.platform.xlsx.XlsxStyles;

/**
 * A class × subject × term sheet as an Excel workbook with the page's columns, for the subject
 * teacher to fill in and give back to {@link SheetFiles}. A row above the header marks which sheet
 * it is and when it was taken, so that the file cannot land on another class and cannot silently
 * overwrite what was typed in TruongSo after it was exported.
 */
@Service
public class SheetExport {

  /** The first word of the mark row; the import refuses a file without it. */
  static final String MARK = "TRUONGSO";

  /** Number, student id, name and birth date come first; the marks start here. */
  static final int FIRST_SLOT_COLUMN = 4;

  private static final int HEADER_ROW = 3;

  private final ScoreSheet sheets;
  private final MessageSource messages;
  private final Formats formats;
  private final Clock clock;

  SheetExport(ScoreSheet sheets, MessageSource messages, Formats formats, Clock clock) {
    this.sheets = sheets;
    this.messages = messages;
    this.formats = formats;
    this.clock = clock;
  }

  /** Bold for the title and the header; scores with one or two decimals. */
  private record Styles(CellStyle bold, CellStyle decimal) {
    static Styles of(Workbook wb) {
      return new Styles(XlsxStyles.bold(wb), XlsxStyles.format(wb, "0.0#"));
    }
  }

  @Transactional(readOnly = true)
  public byte[] export(long schoolId, long classId, String subjectCode, int term) {
    ScoreSheet.Sheet sheet = sheets.sheet(schoolId, classId, subjectCode, term);
    Locale locale = LocaleContextHolder.getLocale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet ws = wb.createSheet(sheet.schoolClass().name() + " " + sheet.subject().code());
      Styles styles = Styles.of(wb);
      writeTitle(ws, sheet, term, styles, locale);
      writeMark(ws.createRow(1), schoolId, classId, subjectCode, term);
      ws.createRow(2).createCell(0).setCellValue(msg("gradebook.xlsx.help", locale));
      writeHeader(ws.createRow(HEADER_ROW), sheet, styles, locale);
      writeStudents(ws, sheet, styles, locale);
      ws.setColumnWidth(2, 28 * 256);
      ws.setColumnWidth(3, 12 * 256);
      ws.createFreezePane(FIRST_SLOT_COLUMN, HEADER_ROW + 1);
      FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeTitle(
      Sheet ws, ScoreSheet.Sheet sheet, int term, Styles styles, Locale locale) {
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
    title.getCell(0).setCellStyle(styles.bold());
  }

  /** Which sheet this is and when it was taken, as {@link SheetFiles} checks on the way back. */
  private void writeMark(Row row, long schoolId, long classId, String subjectCode, int term) {
    row.createCell(0)
        .setCellValue(
            String.join(
                "|",
                MARK,
                Long.toString(schoolId),
                Long.toString(classId),
                subjectCode,
                Integer.toString(term),
                Long.toString(clock.millis())));
  }

  private void writeHeader(Row header, ScoreSheet.Sheet sheet, Styles styles, Locale locale) {
    List<String> heads = new ArrayList<>();
    heads.add(msg("gradebook.col.number", locale));
    heads.add(msg("gradebook.xlsx.studentId", locale));
    heads.add(msg("gradebook.col.name", locale));
    heads.add(msg("gradebook.col.birthDate", locale));
    sheet.columns().forEach(slot -> heads.add(msg("gradebook.slot." + slot, locale)));
    heads.add(
        msg(
            sheet.subject().kind() == SubjectKind.SCORE
                ? "gradebook.col.average"
                : "gradebook.col.result",
            locale));
    for (int i = 0; i < heads.size(); i++) {
      header.createCell(i).setCellValue(heads.get(i));
      header.getCell(i).setCellStyle(styles.bold());
    }
  }

  private void writeStudents(Sheet ws, ScoreSheet.Sheet sheet, Styles styles, Locale locale) {
    int r = HEADER_ROW + 1;
    int number = 0;
    for (ScoreSheet.Row row : sheet.rows()) {
      Row x = ws.createRow(r++);
      x.createCell(0).setCellValue(++number);
      x.createCell(1).setCellValue(Long.toString(row.studentId()));
      x.createCell(2).setCellValue(row.student().name().full());
      x.createCell(3).setCellValue(formats.date(row.student().birthDate()));
      int col = FIRST_SLOT_COLUMN;
      for (String slot : sheet.columns()) {
        writeValue(x, col++, row.cells().get(slot).text(), styles.decimal(), locale);
      }
      writeValue(x, col, row.result(), styles.decimal(), locale);
    }
  }

  /** Scores as numbers, so that Excel computes with them; Đ, CĐ and V as the book writes them. */
  private void writeValue(Row row, int col, String text, CellStyle decimal, Locale locale) {
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

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
