package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.support.TestClasses;

/**
 * A sheet goes to Excel with the page's columns and comes back: every cell checked, errors named by
 * cell, nothing written unless all are right, and a cell typed in TruongSo after the download is
 * never overwritten by the file.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SheetFilesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught taught;
  Authentication teacher;
  long an;
  long binh;

  @BeforeEach
  void setUp() throws Exception {
    taught = testClasses.taught(7, "toan", 3);
    teacher = taught.subjectTeacher().signedIn();
    an = taught.students().get(0);
    binh = taught.students().get(1);
    cell("TX1", an, "8,5", 0).andExpect(status().isOk());
  }

  @Test
  void theFileHasThePagesColumnsAndScoresAsNumbers() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export()))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue())
          .contains("Toán", "7A1", "học kì I ", "2026–2027");
      var header = s.getRow(3);
      // The circular's abbreviations (TT22: ĐĐGtx, ĐĐGgk, ĐĐGck), as on every page.
      assertThat(header.getCell(4).getStringCellValue()).isEqualTo("ĐĐGtx 1");
      assertThat(header.getCell(8).getStringCellValue()).isEqualTo("ĐĐGgk");
      assertThat(header.getCell(9).getStringCellValue()).isEqualTo("ĐĐGck");
      assertThat(s.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Nguyễn Văn An");
      assertThat(s.getRow(4).getCell(1).getStringCellValue()).isEqualTo(Long.toString(an));
      assertThat(s.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(8.5);
      assertThat(s.getRow(5).getCell(2).getStringCellValue()).isEqualTo("Trần Thị Bình");
    }
  }

  @Test
  void aFileWithOneBadCellWritesNothingAndNamesTheCell() throws Exception {
    byte[] file =
        edit(
            export(),
            s -> {
              s.getRow(4).getCell(4).setCellValue(9); // E5: An TX1 9
              // A sheet exported before the labels changed: its headers say TX1 … CK.
              String[] old = {"TX1", "TX2", "TX3", "TX4", "GK", "CK"};
              for (int c = 0; c < old.length; c++) {
                s.getRow(3).getCell(4 + c).setCellValue(old[c]);
              }
              s.getRow(5).createCell(5).setCellValue("Đ"); // F6: Bình TX2, a comment in Toán
              s.getRow(5).createCell(9).setCellValue(10.5); // J6: Bình CK out of range
            });
    String page =
        importFile(file).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"import-problems\"", "Ô F6:", "Ô J6:").doesNotContain("Ô E5:");
    assertThat(stored(an, "TX1")).isEqualByComparingTo("8.5");
    assertThat(cells()).isEqualTo(1);

    byte[] fixed =
        edit(
            file,
            s -> {
              s.getRow(5).getCell(5).setCellValue(7);
              s.getRow(5).getCell(9).setCellValue(6.5);
            });
    importFile(fixed).andExpect(flash().attribute("imported", 3));
    assertThat(stored(an, "TX1")).isEqualByComparingTo("9");
    assertThat(stored(binh, "TX2")).isEqualByComparingTo("7");
    assertThat(stored(binh, "CK")).isEqualByComparingTo("6.5");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE school_id = ? AND action = 'gradebook.score.set'"
                        + " AND reason = 'xlsx'")
                .param(taught.school().id())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aCellTypedOnThePageAfterTheDownloadIsNotOverwritten() throws Exception {
    byte[] file =
        edit(
            export(),
            s -> {
              s.getRow(4).getCell(4).setCellValue(5);
              s.getRow(5).createCell(4).setCellValue(6);
            });
    cell("TX1", an, "9,5", 1).andExpect(status().isOk());
    String page = importFile(file).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Ô E5:", "9,5");
    assertThat(stored(an, "TX1")).isEqualByComparingTo("9.5");
    assertThat(cells()).isEqualTo(1);
  }

  @Test
  void aFileOfAnotherSubjectOrNotFromTruongSoIsRefused() throws Exception {
    byte[] ours = export();
    byte[] other =
        edit(
            ours,
            s ->
                s.getRow(1)
                    .getCell(0)
                    .setCellValue(
                        s.getRow(1)
                            .getCell(0)
                            .getStringCellValue()
                            .replace("|toan|", "|ngu_van|")));
    assertThat(importFile(other).andReturn().getResponse().getContentAsString())
        .contains("sổ điểm của lớp, môn hoặc học kì khác");
    byte[] foreign = edit(ours, s -> s.removeRow(s.getRow(1)));
    assertThat(importFile(foreign).andReturn().getResponse().getContentAsString())
        .contains("không phải sổ điểm tải từ TruongSo");
    // another teacher's class is refused outright
    mvc.perform(
            multipart(
                    "/schools/{s}/classes/{c}/scores/ngu_van/import",
                    taught.school().id(),
                    taught.classId())
                .file(new MockMultipartFile("file", "x.xlsx", null, ours))
                .param("term", "1")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(status().isForbidden());
  }

  private byte[] export() throws Exception {
    return mvc.perform(
            get(
                    "/schools/{s}/classes/{c}/scores/toan/export.xlsx",
                    taught.school().id(),
                    taught.classId())
                .param("term", "1")
                .with(authentication(teacher)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static byte[] edit(byte[] file, Consumer<Sheet> change) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      change.accept(wb.getSheetAt(0));
      wb.write(out);
      return out.toByteArray();
    }
  }

  private ResultActions importFile(byte[] file) throws Exception {
    return mvc.perform(
        multipart(
                "/schools/{s}/classes/{c}/scores/toan/import",
                taught.school().id(),
                taught.classId())
            .file(new MockMultipartFile("file", "so-diem.xlsx", null, file))
            .param("term", "1")
            .with(csrf())
            .with(authentication(teacher)));
  }

  private ResultActions cell(String slot, long student, String value, int version)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/scores/toan/cell", taught.school().id(), taught.classId())
            .param("term", "1")
            .param("student", String.valueOf(student))
            .param("slot", slot)
            .param("value", value)
            .param("version", String.valueOf(version))
            .with(csrf())
            .with(authentication(teacher)));
  }

  private BigDecimal stored(long student, String slot) {
    return jdbc.sql(
            "SELECT score FROM score_cell WHERE school_id = ? AND student_id = ? AND slot = ?"
                + " AND term_no = 1")
        .params(taught.school().id(), student, slot)
        .query(BigDecimal.class)
        .single();
  }

  private long cells() {
    return jdbc.sql("SELECT count(*) FROM score_cell WHERE school_id = ?")
        .param(taught.school().id())
        .query(Long.class)
        .single();
  }
}
