package vn.truongso.enrolment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.xlsx.XlsxStyles;

/** Biến động sĩ số as a workbook: one row per class and a total, four counts per figure. */
public final class SizeChangesWorkbook {

  private SizeChangesWorkbook() {}

  /**
   * @param title the sheet's first line (school, month)
   * @param headers "Lớp", then the 20 count columns in the order start, in, out, dropped, end ×
   *     total, female, minority, female minority
   * @param totalLabel the label of the last row
   */
  public static byte[] write(
      String sheetName,
      String title,
      List<String> headers,
      List<Classes.SizeChange> rows,
      String totalLabel) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet(sheetName);
      CellStyle bold = XlsxStyles.bold(wb);
      bold.setWrapText(true);
      Row titleRow = sheet.createRow(0);
      titleRow.createCell(0).setCellValue(title);
      titleRow.getCell(0).setCellStyle(bold);
      Row header = sheet.createRow(2);
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
        header.getCell(i).setCellStyle(bold);
        sheet.setColumnWidth(i, (i == 0 ? 12 : 9) * 256);
      }
      int r = 3;
      Classes.SizeCounts[] totals = new Classes.SizeCounts[5];
      java.util.Arrays.fill(totals, new Classes.SizeCounts(0, 0, 0, 0));
      for (Classes.SizeChange c : rows) {
        Classes.SizeCounts[] counts = counts(c);
        write(sheet.createRow(r++), c.className(), counts, null);
        for (int i = 0; i < 5; i++) {
          totals[i] = totals[i].plus(counts[i]);
        }
      }
      write(sheet.createRow(r), totalLabel, totals, bold);
      sheet.createFreezePane(1, 3);
      vn.truongso.platform.xlsx.FormulaText.quoteAll(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Classes.SizeCounts[] counts(Classes.SizeChange c) {
    return new Classes.SizeCounts[] {c.start(), c.in(), c.out(), c.droppedOut(), c.end()};
  }

  private static void write(Row row, String label, Classes.SizeCounts[] counts, CellStyle style) {
    row.createCell(0).setCellValue(label);
    int col = 1;
    for (Classes.SizeCounts n : counts) {
      for (int v : new int[] {n.total(), n.female(), n.minority(), n.femaleMinority()}) {
        row.createCell(col++).setCellValue(v);
      }
    }
    if (style != null) {
      row.forEach(cell -> cell.setCellStyle(style));
    }
  }
}
