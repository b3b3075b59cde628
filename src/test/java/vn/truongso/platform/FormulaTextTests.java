package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.platform.xlsx.FormulaText;

/** A typed name or note that looks like a formula is written as literal text. */
class FormulaTextTests {

  @ParameterizedTest(name = "{0} → quoted {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "=HYPERLINK(\"http://x\",\"Bấm\")|true",
        "@SUM(A1:A9)|true",
        "+84912345678|true",
        "-1+1|true",
        "Nguyễn Văn An|false",
        "8,5|false"
      })
  void formulaLookingTextIsQuotePrefixedAfterWriting(String text, boolean quoted) throws Exception {
    byte[] bytes;
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Row row = wb.createSheet("Lớp").createRow(0);
      row.createCell(0).setCellValue(text);
      FormulaText.quoteAll(wb);
      wb.write(out);
      bytes = out.toByteArray();
    }
    try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      var cell = read.getSheetAt(0).getRow(0).getCell(0);
      assertThat(cell.getStringCellValue()).isEqualTo(text);
      assertThat(cell.getCellStyle().getQuotePrefixed()).isEqualTo(quoted);
    }
  }
}
