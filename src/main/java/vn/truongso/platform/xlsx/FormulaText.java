package vn.truongso.platform.xlsx;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Text that looks like a formula ({@code =HYPERLINK(…)}, {@code @SUM(…)}, {@code +…}, {@code -…})
 * gets the quote-prefix style before a workbook is written, so that no spreadsheet program
 * evaluates a name or a note someone typed (CSV/formula injection).
 */
public final class FormulaText {

  private FormulaText() {}

  /** Marks every formula-looking text cell of the workbook as literal text. */
  public static void quoteAll(Workbook wb) {
    Map<Short, CellStyle> quoted = new HashMap<>();
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.STRING
              && looksLikeFormula(cell.getStringCellValue())) {
            CellStyle original = cell.getCellStyle();
            cell.setCellStyle(
                quoted.computeIfAbsent(
                    original.getIndex(),
                    i -> {
                      CellStyle s = wb.createCellStyle();
                      s.cloneStyleFrom(original);
                      s.setQuotePrefixed(true);
                      return s;
                    }));
          }
        }
      }
    }
  }

  static boolean looksLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
