package vn.truongso.platform.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.truongso.platform.UserInputException;

class XlsxRowsTests {

  @Test
  void readsTextNumbersAndDatesAsTheyLook() throws IOException {
    byte[] file =
        workbook(
            sheet -> {
              var header = sheet.createRow(0);
              header.createCell(0).setCellValue("Họ và tên");
              header.createCell(1).setCellValue("Ngày sinh");
              header.createCell(3).setCellValue("Số định danh");
              var row = sheet.createRow(1);
              row.createCell(0).setCellValue("  Nguyễn Văn An ");
              var date = row.createCell(1);
              var style = sheet.getWorkbook().createCellStyle();
              style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("dd/mm/yyyy"));
              date.setCellStyle(style);
              date.setCellValue(LocalDate.of(2013, 1, 25));
              row.createCell(3).setCellValue(31213004567d); // 031213004567 typed as a number
              row.createCell(4).setCellValue(6.5);
              sheet.createRow(2); // an empty row is skipped
            });
    List<XlsxRows.Row> rows = XlsxRows.read(file, 10);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).cells()).containsExactly("Họ và tên", "Ngày sinh", "", "Số định danh");
    assertThat(rows.get(1).number()).isEqualTo(2);
    assertThat(rows.get(1).cells())
        .containsExactly("Nguyễn Văn An", "25/01/2013", "", "31213004567", "6.5");
    assertThat(rows.get(1).cell(9)).isEmpty();
  }

  @Test
  void refusesAFormulaNamingItsCell() throws IOException {
    byte[] file =
        workbook(
            sheet -> {
              sheet.createRow(0).createCell(0).setCellValue("Điểm");
              sheet.createRow(1).createCell(0).setCellValue(5);
              sheet.createRow(2).createCell(2).setCellFormula("A2*2");
            });
    assertThatThrownBy(() -> XlsxRows.read(file, 10))
        .isInstanceOfSatisfying(
            UserInputException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("xlsx.formula");
              assertThat(e.args()).containsExactly("C3");
            });
  }

  @Test
  void refusesMergedCells() throws IOException {
    byte[] file =
        workbook(
            sheet -> {
              sheet.createRow(0).createCell(0).setCellValue("Danh sách lớp 6A1");
              sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            });
    assertThatThrownBy(() -> XlsxRows.read(file, 10))
        .isInstanceOfSatisfying(
            UserInputException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("xlsx.merged");
              assertThat(e.args()).containsExactly("A1:E1");
            });
  }

  @Test
  void refusesAHundredThousandRowsWithoutReadingThemAll() throws IOException {
    byte[] file;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("x");
      for (int i = 0; i < 100_000; i++) {
        sheet.createRow(i).createCell(0).setCellValue("Học sinh " + i);
      }
      wb.write(out);
      file = out.toByteArray();
    }
    assertThatThrownBy(() -> XlsxRows.read(file, 5_001))
        .isInstanceOfSatisfying(
            UserInputException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("xlsx.tooManyRows");
              assertThat(e.args()).containsExactly(5_000);
            });
  }

  @Test
  void tellsAnOldXlsFromSomethingElse() {
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0, 0};
    assertThatThrownBy(() -> XlsxRows.read(xls, 10))
        .hasFieldOrPropertyWithValue("messageKey", "xlsx.oldFormat");
    assertThatThrownBy(() -> XlsxRows.read("Họ và tên,Ngày sinh\n".getBytes(), 10))
        .hasFieldOrPropertyWithValue("messageKey", "xlsx.notXlsx");
    byte[] brokenZip = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3};
    assertThatThrownBy(() -> XlsxRows.read(brokenZip, 10))
        .hasFieldOrPropertyWithValue("messageKey", "xlsx.notXlsx");
    assertThatThrownBy(() -> XlsxRows.read(new byte[0], 10))
        .hasFieldOrPropertyWithValue("messageKey", "xlsx.empty");
  }

  @Test
  void namesCellsTheWayExcelDoes() {
    assertThat(XlsxRows.cellName(0, 1)).isEqualTo("A1");
    assertThat(XlsxRows.cellName(3, 7)).isEqualTo("D7");
    assertThat(XlsxRows.cellName(27, 100)).isEqualTo("AB100");
  }

  static byte[] workbook(Consumer<Sheet> fill) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(wb.createSheet("Danh sách"));
      wb.write(out);
      return out.toByteArray();
    }
  }
}
