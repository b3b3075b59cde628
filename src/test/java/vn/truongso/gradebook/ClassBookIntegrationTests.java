package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestClasses;

/**
 * The homeroom teacher's class book: conduct and absences checked and saved together, the year's
 * results and lists computed under TT22, what is missing named.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClassBookIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught taught;
  Authentication homeroom;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(7, "toan", 3);
    homeroom = taught.homeroomTeacher().signedIn();
  }

  @Test
  void namesWhatIsMissingUntilEverySubjectAndTermHasItsResult() throws Exception {
    String page = book();
    assertThat(page).contains("Còn thiếu", "Toán học kì I", "rèn luyện học kì II");
    assertThat(page).doesNotContain("Đã đủ điểm");
  }

  @Test
  void withEveryMarkAndConductTheYearsListsFollowTheCircular() throws Exception {
    long an = taught.students().get(0);
    long binh = taught.students().get(1);
    long chau = taught.students().get(2);
    // An: every subject 9 → Tốt; Bình: three subjects at 4 → Chưa đạt → re-assessment;
    // Châu: all 6.5 → Khá but conduct Chưa đạt in term II → summer training.
    data.fillYear(taught, an, "9");
    data.fillYear(taught, binh, "6", "toan=4", "ngu_van=4", "tin_hoc=4");
    data.fillYear(taught, chau, "6.5");

    mvc.perform(
            conduct()
                .param("HK1-" + an, "TOT")
                .param("HK2-" + an, "TOT")
                .param("HK1-" + binh, "KHA")
                .param("HK2-" + binh, "KHA")
                .param("HK1-" + chau, "DAT")
                .param("HK2-" + chau, "CHUA_DAT")
                .param("absent1e-" + chau, "3")
                .param("absent2u-" + chau, "2"))
        .andExpect(status().is3xxRedirection());

    String page = book();
    assertThat(page).contains("Đã đủ điểm, nhận xét và kết quả rèn luyện");
    assertThat(section(page, "PROMOTED")).contains("Nguyễn Văn An").doesNotContain("Bình");
    assertThat(section(page, "RETEST")).contains("Trần Thị Bình");
    assertThat(section(page, "SUMMER_TRAINING")).contains("Lê Minh Châu");
    assertThat(section(page, "XUAT_SAC")).contains("Nguyễn Văn An");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE school_id = ?"
                        + " AND action IN ('gradebook.conduct.set', 'gradebook.absence.set')")
                .param(taught.school().id())
                .query(Long.class)
                .single())
        .isEqualTo(8);

    // the same book as a workbook: the year sheet lists outcome and title per student
    byte[] file =
        mvc.perform(
                get(
                        "/schools/{s}/classes/{c}/book/export.xlsx",
                        taught.school().id(),
                        taught.classId())
                    .with(authentication(homeroom)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(3);
      var year = wb.getSheet("Cả năm");
      var header = year.getRow(2);
      int last = header.getLastCellNum() - 1;
      assertThat(header.getCell(last).getStringCellValue()).isEqualTo("Khen thưởng");
      assertThat(year.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Nguyễn Văn An");
      assertThat(year.getRow(3).getCell(last).getStringCellValue()).isEqualTo("Học sinh Xuất sắc");
      assertThat(year.getRow(4).getCell(last - 1).getStringCellValue())
          .isEqualTo(messageOf("RETEST"));
      assertThat(year.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(9.0);
    }
  }

  private static String messageOf(String outcome) throws java.io.IOException {
    var p = new java.util.Properties();
    try (var in =
        ClassBookIntegrationTests.class.getResourceAsStream(
            "/i18n/gradebook/messages_vi.properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p.getProperty("assessment.value." + outcome);
  }

  @Test
  void aWrongLevelOrCountSavesNothing() throws Exception {
    long an = taught.students().get(0);
    long binh = taught.students().get(1);
    String page =
        mvc.perform(
                conduct()
                    .param("HK1-" + an, "TOT")
                    .param("HK1-" + binh, "GIOI")
                    .param("absent1e-" + an, "muoi"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "Chưa có gì được lưu",
            "Chọn một mức trong danh sách.",
            "Số buổi nghỉ là số nguyên từ 0 đến 200.");
    assertThat(
            jdbc.sql("SELECT count(*) FROM conduct_entry WHERE school_id = ?")
                .param(taught.school().id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aSubjectTeacherMayNeitherOpenNorWriteTheBook() throws Exception {
    Authentication teacher = taught.subjectTeacher().signedIn();
    mvc.perform(
            get("/schools/{s}/classes/{c}/book", taught.school().id(), taught.classId())
                .with(authentication(teacher)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/conduct", taught.school().id(), taught.classId())
                .param("student-" + taught.students().getFirst(), "1")
                .param("HK1-" + taught.students().getFirst(), "TOT")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(status().isForbidden());
  }

  private MockHttpServletRequestBuilder conduct() {
    MockHttpServletRequestBuilder b =
        post("/schools/{s}/classes/{c}/book/conduct", taught.school().id(), taught.classId())
            .with(csrf())
            .with(authentication(homeroom));
    for (long id : taught.students()) {
      b = b.param("student-" + id, "1");
    }
    return b;
  }

  private String book() throws Exception {
    return mvc.perform(
            get("/schools/{s}/classes/{c}/book", taught.school().id(), taught.classId())
                .with(authentication(homeroom)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The text of one year-end list on the page. */
  static String section(String page, String list) {
    int start = page.indexOf("data-list=\"" + list + "\"");
    int end = page.indexOf("</div>", start);
    return page.substring(start, end);
  }
}
