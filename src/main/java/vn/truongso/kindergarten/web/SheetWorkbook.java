package vn.truongso.kindergarten.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.truongso.kindergarten.internal.kitchen.KitchenSheets;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.org.School;
import vn.truongso.platform.xlsx.FormulaText;
import vn.truongso.platform.xlsx.XlsxStyles;

/**
 * The day's kitchen sheets as a workbook, for kitchens that keep their books in Excel: the portion
 * sheet (one row per food, grams per child of each band, kilograms for all) and the market list by
 * supplier with prices and the day's balance.
 */
@Component
class SheetWorkbook {

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final MessageSource messages;

  SheetWorkbook(MessageSource messages) {
    this.messages = messages;
  }

  byte[] write(School school, KitchenSheets.Sheet s) {
    Locale locale = LocaleContextHolder.getLocale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = XlsxStyles.bold(wb);
      CellStyle grams = XlsxStyles.format(wb, "0.0");
      CellStyle kg = XlsxStyles.format(wb, "0.000");
      Sheet portions = wb.createSheet(msg("kindergarten.sheet.portions", locale));
      row(
          portions,
          0,
          bold,
          school.name(),
          msg("kindergarten.sheet.title", locale, DAY.format(s.day())));
      row(
          portions,
          2,
          bold,
          msg("kindergarten.sheet.food", locale),
          msg("kindergarten.sheet.perChild.NHA_TRE", locale),
          msg("kindergarten.sheet.perChild.MAU_GIAO", locale),
          msg("kindergarten.sheet.grossKg", locale),
          msg("kindergarten.sheet.edibleKg", locale));
      int r = 3;
      for (KitchenSheets.FoodLine l : s.foods()) {
        Row row = portions.createRow(r++);
        row.createCell(0).setCellValue(l.food().code() + " " + l.food().name());
        cell(row, 1, l.grossPerChild().getOrDefault(Norms.Band.NHA_TRE, 0.0), grams);
        cell(row, 2, l.grossPerChild().getOrDefault(Norms.Band.MAU_GIAO, 0.0), grams);
        cell(row, 3, l.grossKg(), kg);
        cell(row, 4, l.edibleKg(), kg);
      }
      market(wb, school, s, bold, kg, locale);
      FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void market(
      XSSFWorkbook wb,
      School school,
      KitchenSheets.Sheet s,
      CellStyle bold,
      CellStyle kg,
      Locale locale) {
    Sheet market = wb.createSheet(msg("kindergarten.sheet.market", locale));
    row(
        market,
        0,
        bold,
        school.name(),
        msg("kindergarten.sheet.marketTitle", locale, DAY.format(s.day())));
    row(
        market,
        2,
        bold,
        msg("kindergarten.sheet.supplier", locale),
        msg("kindergarten.sheet.food", locale),
        msg("kindergarten.sheet.grossKg", locale),
        msg("kindergarten.sheet.price", locale),
        msg("kindergarten.sheet.amount", locale));
    int r = 3;
    for (var e : s.market().entrySet()) {
      for (KitchenSheets.FoodLine l : e.getValue()) {
        Row row = market.createRow(r++);
        row.createCell(0).setCellValue(e.getKey());
        row.createCell(1).setCellValue(l.food().code() + " " + l.food().name());
        cell(row, 2, l.grossKg(), kg);
        row.createCell(3).setCellValue(l.pricePerKg());
        row.createCell(4).setCellValue(l.cost());
      }
    }
    r++;
    for (Object[] total :
        List.of(
            new Object[] {"kindergarten.sheet.revenue", s.revenue()},
            new Object[] {"kindergarten.sheet.cost", s.cost()},
            new Object[] {"kindergarten.sheet.balance", s.balance()},
            new Object[] {"kindergarten.sheet.carriedIn", s.carriedIn()},
            new Object[] {"kindergarten.sheet.carriedOut", s.carriedOut()})) {
      Row row = market.createRow(r++);
      row.createCell(3).setCellValue(msg((String) total[0], locale));
      row.createCell(4).setCellValue((Long) total[1]);
    }
  }

  private static void row(Sheet sheet, int at, CellStyle style, String... cells) {
    Row row = sheet.createRow(at);
    for (int i = 0; i < cells.length; i++) {
      row.createCell(i).setCellValue(cells[i]);
      row.getCell(i).setCellStyle(style);
    }
  }

  private static void cell(Row row, int col, double value, CellStyle style) {
    row.createCell(col).setCellValue(value);
    row.getCell(col).setCellStyle(style);
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
