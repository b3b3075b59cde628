package vn.truongso.platform.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles the exported workbooks share. */
public final class XlsxStyles {

  private XlsxStyles() {}

  /** Bold text: titles and column headers. */
  public static CellStyle bold(Workbook wb) {
    CellStyle style = wb.createCellStyle();
    Font font = wb.createFont();
    font.setBold(true);
    style.setFont(font);
    return style;
  }

  /**
   * Cells shown with an Excel data format: {@code 0.0} for averages, {@code @} for text as typed.
   */
  public static CellStyle format(Workbook wb, String format) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat(format));
    return style;
  }
}
