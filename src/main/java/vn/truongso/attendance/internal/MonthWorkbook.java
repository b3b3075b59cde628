package vn.truongso.attendance.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.xlsx.XlsxStyles;

/** A class's month of rolls as a workbook, laid out as the class book's attendance page. */
@Service
public class MonthWorkbook {

  private final MonthSheet sheets;
  private final MessageSource messages;

  MonthWorkbook(MonthSheet sheets, MessageSource messages) {
    this.sheets = sheets;
    this.messages = messages;
  }

  @Transactional(readOnly = true)
  public byte[] export(long schoolId, long classId, @Nullable YearMonth month) {
    MonthSheet.Month m = sheets.month(schoolId, classId, month);
    Locale locale = LocaleContextHolder.getLocale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = XlsxStyles.bold(wb);
      Sheet ws = wb.createSheet(m.month().toString());
      Row title = ws.createRow(0);
      title
          .createCell(0)
          .setCellValue(
              msg(
                  "attendance.month.heading",
                  locale,
                  m.schoolClass().name(),
                  m.month().getMonthValue(),
                  m.month().getYear()));
      title.getCell(0).setCellStyle(bold);
      Row head = ws.createRow(2);
      int col = 0;
      head.createCell(col++).setCellValue(msg("attendance.col.n", locale));
      head.createCell(col++).setCellValue(msg("attendance.col.name", locale));
      for (MonthSheet.Day d : m.days()) {
        head.createCell(col++).setCellValue(d.number());
      }
      for (String k : new String[] {"P", "K", "M", "year"}) {
        head.createCell(col++).setCellValue(msg("attendance.col.total." + k, locale));
      }
      head.forEach(c -> c.setCellStyle(bold));
      int r = 3;
      for (MonthSheet.Row row : m.rows()) {
        Row x = ws.createRow(r);
        col = 0;
        x.createCell(col++).setCellValue(r - 2);
        x.createCell(col++).setCellValue(row.student().name().full());
        for (MonthSheet.Day d : m.days()) {
          x.createCell(col++).setCellValue(row.mark(d.number()));
        }
        x.createCell(col++).setCellValue(row.excused());
        x.createCell(col++).setCellValue(row.unexcused());
        x.createCell(col++).setCellValue(row.late());
        x.createCell(col).setCellValue(row.yearSessions());
        r++;
      }
      ws.setColumnWidth(1, 28 * 256);
      for (int i = 2; i < 2 + m.days().size(); i++) {
        ws.setColumnWidth(i, 4 * 256);
      }
      ws.createFreezePane(2, 3);
      vn.truongso.platform.xlsx.FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
