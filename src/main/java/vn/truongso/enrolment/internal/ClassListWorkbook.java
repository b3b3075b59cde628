package vn.truongso.enrolment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.truongso.platform.xlsx.XlsxStyles;

/**
 * A class list as an .xlsx workbook in the template's columns: Vietnamese headers, text cells for
 * IDs and phone numbers (so that leading zeros stay), and drop-down lists for sex, ethnicity and
 * policy status fed from a hidden sheet. The same layout serves as the empty template and the
 * export, so an exported list can be imported again.
 */
final class ClassListWorkbook {

  /** Rows of the template that carry the drop-downs. */
  private static final int VALIDATED_ROWS = 1_000;

  private ClassListWorkbook() {}

  /** Labels in the user's language, and the lists for the drop-downs. */
  record Labels(
      String sheetName,
      Function<ImportColumn, String> header,
      List<String> sexes,
      List<String> ethnicGroups,
      List<String> policies) {}

  static byte[] write(Labels labels, List<List<String>> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet(labels.sheetName());
      List<ImportColumn> columns = ImportColumn.template();
      CellStyle headerStyle = headerStyle(wb);
      CellStyle text = XlsxStyles.format(wb, "@");
      writeHeader(sheet, columns, labels, headerStyle, text);
      writeRows(sheet, columns, rows, text);
      addDropDowns(wb, sheet, columns, labels, rows.size());
      vn.truongso.platform.xlsx.FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CellStyle headerStyle(XSSFWorkbook wb) {
    CellStyle style = XlsxStyles.bold(wb);
    style.setWrapText(true);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setBorderBottom(BorderStyle.THIN);
    return style;
  }

  /** The header row, frozen; every column is text so that typed IDs keep their leading zeros. */
  private static void writeHeader(
      Sheet sheet,
      List<ImportColumn> columns,
      Labels labels,
      CellStyle headerStyle,
      CellStyle text) {
    Row header = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      var cell = header.createCell(i);
      cell.setCellValue(labels.header().apply(columns.get(i)));
      cell.setCellStyle(headerStyle);
      sheet.setColumnWidth(i, width(columns.get(i)) * 256);
      sheet.setDefaultColumnStyle(i, text);
    }
    sheet.createFreezePane(0, 1);
  }

  private static void writeRows(
      Sheet sheet, List<ImportColumn> columns, List<List<String>> rows, CellStyle text) {
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      List<String> values = rows.get(r);
      for (int i = 0; i < values.size() && i < columns.size(); i++) {
        var cell = row.createCell(i);
        cell.setCellStyle(text);
        if (values.get(i) != null && !values.get(i).isEmpty()) {
          cell.setCellValue(values.get(i));
        }
      }
    }
  }

  /** The lists for sex, ethnicity and policy status on a hidden sheet, offered as drop-downs. */
  private static void addDropDowns(
      XSSFWorkbook wb, Sheet sheet, List<ImportColumn> columns, Labels labels, int rowCount) {
    Sheet lists = wb.createSheet("lists");
    fill(lists, 0, labels.sexes());
    fill(lists, 1, labels.ethnicGroups());
    fill(lists, 2, labels.policies());
    wb.setSheetHidden(wb.getSheetIndex(lists), true);

    DataValidationHelper dv = sheet.getDataValidationHelper();
    int last = Math.max(VALIDATED_ROWS, rowCount + 1);
    validate(
        sheet,
        dv,
        columns.indexOf(ImportColumn.SEX),
        "lists!$A$1:$A$" + labels.sexes().size(),
        last);
    validate(
        sheet,
        dv,
        columns.indexOf(ImportColumn.ETHNICITY),
        "lists!$B$1:$B$" + labels.ethnicGroups().size(),
        last);
    validate(
        sheet,
        dv,
        columns.indexOf(ImportColumn.POLICY_STATUS),
        "lists!$C$1:$C$" + labels.policies().size(),
        last);
  }

  private static void fill(Sheet lists, int column, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
      row.createCell(column).setCellValue(values.get(i));
    }
  }

  private static void validate(
      Sheet sheet, DataValidationHelper dv, int column, String range, int lastRow) {
    DataValidationConstraint constraint = dv.createFormulaListConstraint(range);
    DataValidation validation =
        dv.createValidation(constraint, new CellRangeAddressList(1, lastRow, column, column));
    validation.setShowErrorBox(true);
    validation.setSuppressDropDownArrow(true);
    sheet.addValidationData(validation);
  }

  private static int width(ImportColumn c) {
    return switch (c) {
      case FULL_NAME, FATHER_NAME, MOTHER_NAME -> 26;
      case CURRENT_ADDRESS, PLACE_OF_BIRTH, HOME_TOWN, POLICY_STATUS -> 30;
      case SEX -> 10;
      default -> 16;
    };
  }
}
