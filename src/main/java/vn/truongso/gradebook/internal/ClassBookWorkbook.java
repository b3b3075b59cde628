package vn.truongso.gradebook.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.platform.xlsx.XlsxStyles;

/**
 * The homeroom teacher's class book as a workbook: a sheet for each term and one for the year, with
 * every subject's result, learning and conduct, and for the year absences, outcome and title.
 */
@Service
public class ClassBookWorkbook {

  private final ClassBook classBook;
  private final MessageSource messages;

  ClassBookWorkbook(ClassBook classBook, MessageSource messages) {
    this.classBook = classBook;
    this.messages = messages;
  }

  @Transactional(readOnly = true)
  public byte[] export(long schoolId, long classId) {
    ClassBook.Book book = classBook.book(schoolId, classId);
    Locale locale = LocaleContextHolder.getLocale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = XlsxStyles.bold(wb);
      CellStyle decimal = XlsxStyles.format(wb, "0.0");
      for (int period = 1; period <= 3; period++) {
        Sheet ws = wb.createSheet(msg("book.period." + period, locale));
        heading(ws, book, period, bold, locale);
        int r = 3;
        for (ClassBook.Line l : book.lines()) {
          line(ws.createRow(r), r - 2, l, period, decimal, locale);
          r++;
        }
        ws.setColumnWidth(1, 28 * 256);
        ws.createFreezePane(2, 3);
      }
      vn.truongso.platform.xlsx.FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The period's title and column heads: period 1 and 2 the terms, 3 the year. */
  private void heading(Sheet ws, ClassBook.Book book, int period, CellStyle bold, Locale locale) {
    Row title = ws.createRow(0);
    title
        .createCell(0)
        .setCellValue(
            msg(
                    "book.heading",
                    locale,
                    book.schoolClass().name(),
                    book.schoolClass().startYear(),
                    book.schoolClass().startYear() + 1)
                + " — "
                + msg("book.period." + period, locale));
    title.getCell(0).setCellStyle(bold);
    List<String> heads = new ArrayList<>();
    heads.add(msg("gradebook.col.number", locale));
    heads.add(msg("gradebook.col.name", locale));
    book.subjects().forEach(s -> heads.add(s.name()));
    heads.add(msg("book.col.learning", locale));
    heads.add(msg("book.col.conduct", locale));
    if (period == 3) {
      heads.add(msg("book.col.absences", locale));
      heads.add(msg("book.col.outcome", locale));
      heads.add(msg("book.col.title", locale));
    }
    Row header = ws.createRow(2);
    for (int i = 0; i < heads.size(); i++) {
      header.createCell(i).setCellValue(heads.get(i));
      header.getCell(i).setCellStyle(bold);
    }
  }

  /** A student's row of the period's sheet. */
  private void line(
      Row x, int number, ClassBook.Line l, int period, CellStyle decimal, Locale locale) {
    x.createCell(0).setCellValue(number);
    x.createCell(1).setCellValue(l.student().name().full());
    int col = 2;
    for (ClassBook.SubjectValues v : l.subjects()) {
      Object value = period == 1 ? v.term1() : period == 2 ? v.term2() : v.year();
      write(x, col++, value, decimal, locale);
    }
    Level learning =
        period == 1
            ? l.learningTerm1()
            : period == 2 ? l.learningTerm2() : l.year() == null ? null : l.year().learningYear();
    text(x, col++, learning == null ? null : "assessment.value." + learning, locale);
    String conduct =
        period == 1
            ? l.conduct().get(Period.HK1.name())
            : period == 2
                ? l.conduct().get(Period.HK2.name())
                : l.year() == null ? null : l.year().conductYear().name();
    text(x, col++, conduct == null ? null : "assessment.value." + conduct, locale);
    if (period == 3) {
      x.createCell(col++).setCellValue(l.absentSessions());
      text(x, col++, l.year() == null ? null : "assessment.value." + l.year().outcome(), locale);
      text(
          x,
          col,
          l.year() == null || l.year().title() == null ? null : "book.title." + l.year().title(),
          locale);
    }
  }

  private void write(Row row, int col, Object value, CellStyle decimal, Locale locale) {
    switch (value) {
      case null -> {}
      case BigDecimal d -> {
        row.createCell(col).setCellValue(d.doubleValue());
        row.getCell(col).setCellStyle(decimal);
      }
      default -> text(row, col, "gradebook.mark." + TypedMarks.result(value), locale);
    }
  }

  private void text(Row row, int col, String key, Locale locale) {
    if (key != null) {
      row.createCell(col).setCellValue(msg(key, locale));
    }
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
