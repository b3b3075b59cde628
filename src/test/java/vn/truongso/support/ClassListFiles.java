package vn.truongso.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;

/** Class lists as a school would upload them, and personal IDs no other test uses. */
public final class ClassListFiles {

  public static final List<String> TEMPLATE_HEADERS =
      List.of(
          "Họ và tên",
          "Ngày sinh (dd/mm/yyyy)",
          "Giới tính",
          "Dân tộc",
          "Số định danh cá nhân",
          "Mã học sinh",
          "Nơi sinh",
          "Quê quán",
          "Chỗ ở hiện nay",
          "Diện chính sách",
          "Họ tên cha",
          "Số điện thoại cha",
          "Họ tên mẹ",
          "Số điện thoại mẹ");

  private static final AtomicInteger SEQ = new AtomicInteger(100);

  private ClassListFiles() {}

  /** A valid 12-digit ID for a child born in Hải Phòng (031) on that day. */
  public static String personalId(LocalDate birth, Sex sex) {
    return PersonalId.prefix("031", birth, sex) + String.format("%06d", SEQ.incrementAndGet());
  }

  public static byte[] xlsx(List<String> headers, List<List<String>> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Danh sách");
      var header = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r + 1);
        for (int i = 0; i < rows.get(r).size(); i++) {
          row.createCell(i).setCellValue(rows.get(r).get(i));
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
