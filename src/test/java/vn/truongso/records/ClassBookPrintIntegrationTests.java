package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.PdfTests;
import vn.truongso.platform.PersonName;
import vn.truongso.support.ClassBookSteps;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The printed class book (docs/domain/official-books.md): archival PDF/A-3b that veraPDF accepts,
 * each value in its row and on its page as {@code pdftotext -layout} reads it, a draft's cover
 * marked, long names and addresses wrapped inside the page, each print audited, and nothing for a
 * user who keeps no book of the class.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClassBookPrintIntegrationTests {

  // every mark Vietnamese writes: breve, circumflex, horn, stroke and the five tones
  private static final PersonName EVERY_MARK =
      new PersonName("Đặng", "Thị Ẩn Hưởng Ngọc Ỹ Khuê Bằng Mộc Ưng", "Tuyền");

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired People people;
  @Autowired Classes classes;
  @Autowired TransactionTemplate tx;
  @Autowired java.time.Clock clock;

  TestClasses.Taught taught;
  Authentication homeroom;
  Authentication principal;
  long an;
  long binh;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(7, "toan", 2);
    homeroom = taught.homeroomTeacher().signedIn();
    principal =
        testAccounts.create(taught.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    an = taught.students().get(0);
    binh = taught.students().get(1);
  }

  @Test
  void anApprovedYearPrintsEachValueInItsRowAndPage() throws Exception {
    approvedYear();
    byte[] pdf = print(homeroom);

    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    List<String> pages = pages(pdf);
    assertThat(pages.getFirst()).contains("SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH", "Lớp: 7A1");
    assertThat(pages.getFirst()).doesNotContain("BẢN IN THỬ");

    // Toán, grade 7: 140 periods, so four regular marks, then GK, CK and the term's average
    String math1 = page(pages, "HỌC KÌ I — Môn: Toán");
    assertThat(row(math1, "Trần Thị Bình")).matches(".*Trần Thị Bình(\\s+8,5){7}\\s*");
    assertThat(row(math1, "Nguyễn Văn An")).matches(".*Nguyễn Văn An(\\s+9){6}\\s+9,0\\s*");
    assertThat(math1).contains("Giáo viên môn học", "(Ký và ghi rõ họ tên)");
    // term II adds the year's average
    String math2 = page(pages, "HỌC KÌ II — Môn: Toán");
    assertThat(row(math2, "Trần Thị Bình")).matches(".*Trần Thị Bình(\\s+8,5){8}\\s*");

    // An missed 2 excused and 1 unexcused session in term I, Bình 4 unexcused in term II
    String absences = page(pages, "TỔNG HỢP SỐ BUỔI NGHỈ HỌC");
    assertThat(row(absences, "Nguyễn Văn An"))
        .matches(".*Nguyễn Văn An\\s+2\\s+1\\s+3\\s+0\\s+0\\s+0\\s+3\\s*");
    assertThat(row(absences, "Cả lớp")).matches(".*Cả lớp\\s+2\\s+1\\s+3\\s+0\\s+4\\s+4\\s+7\\s*");
    assertThat(page(pages, "Tháng 9 năm 2026")).contains("Tổng số học sinh của lớp 7A1: 2");

    String year = page(pages, "TỔNG HỢP CẢ NĂM HỌC");
    // An: every subject 9 → Tốt; Bình: 7 with Toán 8,5 → Khá; conduct as entered (Tốt, Khá)
    assertThat(row(year, "Kết quả học tập")).matches(".*Kết quả học tập\\s+1\\s+1\\s+0\\s+0\\s*");
    assertThat(row(year, "Kết quả rèn luyện"))
        .matches(".*Kết quả rèn luyện\\s+1\\s+1\\s+0\\s+0\\s*");
    String ranking = page(pages, "XẾP LOẠI CẢ NĂM HỌC");
    assertThat(row(ranking, "Sĩ số")).matches("\\s*Sĩ số\\s+2\\s*");
    assertThat(row(ranking, "Không được lên lớp")).matches("\\s*Không được lên lớp\\s+0\\s*");
    assertThat(row(ranking, "Nguyễn Văn An")).matches(".*Nguyễn Văn An\\s+Tốt\\s+Tốt\\s+3\\s+x.*");
    assertThat(row(ranking, "Tổng số buổi nghỉ học của lớp")).matches(".*lớp\\s+7\\s*");

    String inspection = pages.getLast();
    assertThat(inspection).contains("BIÊN BẢN KIỂM TRA");
    assertThat(row(inspection, "CỘNG HOÀ")).contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assertThat(audited()).isEqualTo(1);
  }

  @Test
  void aCellCorrectedThroughARequestPrintsTheOldValueStruckInRedAndTheRequestNumber()
      throws Exception {
    approvedYear();
    // the grade book after correction request 42 was carried out: An's GK of term I, 9 → 7
    jdbc.sql(
            "UPDATE score_cell SET score = 7, version = 2 WHERE school_id = ? AND class_id = ?"
                + " AND student_id = ? AND subject_code = 'toan' AND term_no = 1 AND slot = 'GK'")
        .params(taught.school().id(), taught.classId(), an)
        .update();
    jdbc.sql(
            "INSERT INTO score_cell_version (school_id, class_id, subject_code, term_no,"
                + " student_id, slot, version, value_before, value_after, changed_at,"
                + " changed_by, changed_by_name, source, correction_request_id)"
                + " VALUES (?, ?, 'toan', 1, ?, 'GK', 2, '9', '7', ?, 0, 'Quản trị',"
                + " 'CORRECTION', 42)")
        .params(
            taught.school().id(),
            taught.classId(),
            an,
            java.sql.Timestamp.from(clock.instant().minusSeconds(60)))
        .update();
    byte[] pdf = print(homeroom);

    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    String math1 = page(pages(pdf), "HỌC KÌ I — Môn: Toán");
    // the four regular marks, then GK: 9 struck, 7 written beside it
    assertThat(row(math1, "Nguyễn Văn An")).matches(".*Nguyễn Văn An(\\s+9){4}\\s+9\\s*7\\s+9.*");
    assertThat(math1).contains("ĐN số 42");
    assertThat(page(pages(pdf), "HỌC KÌ II — Môn: Toán")).doesNotContain("ĐN số");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(redText(doc)).isEqualTo("9ĐNsố42");
    }
  }

  @Test
  void beforeTheYearIsApprovedTheCoverSaysItIsADraft() throws Exception {
    data.fillYear(taught, an, "9");
    List<String> pages = pages(print(homeroom));
    assertThat(pages.getFirst()).contains("BẢN IN THỬ — chưa duyệt kết quả");
    assertThat(row(page(pages, "HỌC KÌ I — Môn: Toán"), "Nguyễn Văn An")).contains("9,0");
    assertThat(audited()).isEqualTo(1);
  }

  @Test
  void aLongNameAndAddressWrapInsideTheirCells() throws Exception {
    data.fillYear(taught, an, "9");
    int usual = pages(print(homeroom)).size();
    String address =
        ("Số 123 ngõ 45 ngách 67 đường Nguyễn Thị Minh Khai, tổ dân phố 8, khu ").repeat(5);
    address = address.substring(0, 300);
    long student = longNamedStudent(address);

    byte[] pdf = print(homeroom);
    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains(EVERY_MARK.full(), address.strip().replaceAll("\\s+", " "));
      assertThat(doc.getNumberOfPages()).isBetween(usual, usual + 4);
      float right = doc.getPage(0).getMediaBox().getWidth() - 15 / 25.4f * 72;
      assertThat(PdfTests.rightmostGlyph(doc))
          .as("no text past the right margin")
          .isLessThan(right + 1);
    }
    assertThat(student).isPositive();
  }

  @Test
  void aSubjectTeacherGetsNoBook() throws Exception {
    data.fillYear(taught, an, "9");
    mvc.perform(
            get(base() + "/classbook.pdf").with(authentication(taught.subjectTeacher().signedIn())))
        .andExpect(status().isForbidden());
    assertThat(audited()).isZero();
  }

  private long longNamedStudent(String address) {
    return tx.execute(
        s -> {
          long id =
              people.addStudent(
                  taught.school().id(),
                  new People.NewStudent(
                      EVERY_MARK, LocalDate.of(2013, 12, 31), Sex.F, "01", null, null));
          jdbc.sql(
                  "UPDATE student SET current_address = ?, place_of_birth = ?"
                      + " WHERE school_id = ? AND id = ?")
              .params(address, "Bệnh viện Phụ sản Trung ương, Hà Nội", taught.school().id(), id)
              .update();
          people.addGuardianTo(
              taught.school().id(),
              id,
              new People.GuardianUpdate(
                  "MOTHER", "Đặng Thị Ẩn", "1985", "Giáo viên", "0912345678", "", ""));
          classes.enrol(taught.school().id(), taught.classId(), id, TestClasses.OPENING);
          return id;
        });
  }

  private void approvedYear() throws Exception {
    data.fillYear(taught, an, "9");
    data.fillYear(taught, binh, "7", "toan=8.5");
    ClassBookSteps.conduct(mvc, taught, homeroom, an, "TOT", binh, "KHA");
    absent(an, 1, 2, 1);
    absent(binh, 2, 0, 4);
    for (int period = 1; period <= 2; period++) {
      ClassBookSteps.act(mvc, taught, homeroom, "submit", period)
          .andExpect(status().is3xxRedirection());
      ClassBookSteps.act(mvc, taught, principal, "approve", period)
          .andExpect(status().is3xxRedirection());
    }
  }

  private void absent(long student, int term, int excused, int unexcused) {
    jdbc.sql(
            "INSERT INTO absence_entry (school_id, class_id, student_id, term_no, excused,"
                + " unexcused, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, now(), 0)")
        .params(taught.school().id(), taught.classId(), student, term, excused, unexcused)
        .update();
  }

  private byte[] print(Authentication who) throws Exception {
    return mvc.perform(get(base() + "/classbook.pdf").with(authentication(who)))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  /** The pages as {@code pdftotext -layout} lays them out, split at its form feeds. */
  static List<String> pages(byte[] pdf) throws IOException, InterruptedException {
    Path in = Files.createTempFile("classbook", ".pdf");
    try {
      Files.write(in, pdf);
      Process p =
          new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", in.toString(), "-")
              .redirectErrorStream(false)
              .start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).isZero();
      List<String> pages = List.of(text.split("\f"));
      return pages.getLast().isBlank() ? pages.subList(0, pages.size() - 1) : pages;
    } finally {
      Files.delete(in);
    }
  }

  private static String page(List<String> pages, String heading) {
    return pages.stream()
        .filter(p -> p.contains(heading))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no page headed " + heading));
  }

  /** The first line of a page that holds {@code text}. */
  private static String row(String page, String text) {
    Matcher m = Pattern.compile("(?m)^.*" + Pattern.quote(text) + ".*$").matcher(page);
    assertThat(m.find()).as("a line with " + text).isTrue();
    return m.group();
  }

  /** The text drawn in red, in order: what a correction strikes and its request's number. */
  private static String redText(PDDocument doc) throws IOException {
    StringBuilder red = new StringBuilder();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          {
            addOperator(
                new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor(this));
            addOperator(
                new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(
                    this));
          }

          @Override
          protected void processTextPosition(TextPosition text) {
            float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
            if (rgb.length == 3 && rgb[0] > 0.7f && rgb[1] < 0.1f && rgb[2] < 0.1f) {
              red.append(text.getUnicode());
            }
            super.processTextPosition(text);
          }
        };
    stripper.getText(doc);
    return red.toString().replace(" ", "");
  }

  private String base() {
    return "/schools/" + taught.school().id() + "/classes/" + taught.classId();
  }

  private int audited() {
    return jdbc.sql(
            "SELECT count(*) FROM audit_log WHERE school_id = ?"
                + " AND action = 'records.classbook.printed'")
        .param(taught.school().id())
        .query(Integer.class)
        .single();
  }
}
