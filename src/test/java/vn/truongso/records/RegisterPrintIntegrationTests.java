package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.PdfTests;
import vn.truongso.platform.PersonName;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The printed enrolment register of a cohort (docs/domain/official-books.md): archival PDF/A-3b
 * that veraPDF accepts, one line per student admitted that year by register number as {@code
 * pdftotext -layout} reads it, with how they came and every movement after, long text wrapped
 * inside the page, each print audited, and nothing for a user who does not print the school's
 * books.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegisterPrintIntegrationTests {

  // every mark Vietnamese writes: breve, circumflex, horn, stroke and the five tones
  private static final PersonName EVERY_MARK =
      new PersonName("Đặng", "Thị Ẩn Hưởng Ngọc Ỹ Khuê Bằng Mộc Ưng", "Tuyền");

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcClient jdbc;
  @Autowired People people;
  @Autowired Classes classes;
  @Autowired TransactionTemplate tx;

  School school;
  TestClasses.Taught taught;
  Authentication principal;
  long an;
  long binh;
  long chau;
  long dung;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    taught = testClasses.taughtIn(school, 6, "toan", 4);
    principal = testAccounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    an = taught.students().get(0);
    binh = taught.students().get(1);
    chau = taught.students().get(2);
    dung = taught.students().get(3);
  }

  @Test
  void eachStudentAdmittedThatYearHasTheirLineWithEveryMovement() throws Exception {
    long earlier = movements();

    byte[] pdf = print(principal, "?year=2026");
    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    List<String> pages = ClassBookPrintIntegrationTests.pages(pdf);
    assertThat(pages.getFirst())
        .contains("SỔ ĐĂNG BỘ", "HỌC SINH VÀO TRƯỜNG NĂM HỌC 2026-2027", "Số học sinh: 5")
        .contains("Số đăng bộ từ 1 đến 6")
        .doesNotContain("CỘNG HOÀ");
    String text = String.join("\n", pages.subList(1, pages.size()));
    // TestClasses: the i-th student was born on the 10th of month i+1, 2014 (grade 6 in 2026)
    assertThat(row(text, "Nguyễn Văn An"))
        .matches("\\s*1\\s+Nguyễn Văn An\\s+10/01/2014\\s+Nam\\s+Kinh\\s+05/09/2026\\s*");
    assertThat(cell(block(text, "Nguyễn Văn An", "Trần Thị Bình"), "05/09/2026"))
        .isEqualTo("05/09/2026 Vào lớp 6A1");

    String binhRow = block(text, "Trần Thị Bình", "Lê Minh Châu");
    assertThat(row(binhRow, "Trần Thị Bình"))
        .matches("\\s*2\\s+Trần Thị Bình\\s+10/02/2014\\s+Nữ.*20/11/2026\\s*");
    assertThat(cell(binhRow, "20/11/2026"))
        .isEqualTo("20/11/2026 Chuyển đi Đến: THCS Lê Lợi Lý do: Chuyển nơi ở");

    String chauRow = block(text, "Lê Minh Châu", "Phạm Quốc Dũng");
    assertThat(row(chauRow, "Lê Minh Châu")).matches("\\s*3\\s+Lê Minh Châu\\s+10/03/2014.*");
    assertThat(cell(chauRow, "02/11/2026")).isEqualTo("02/11/2026: chuyển sang lớp 6A2 (Cân đối)");

    String dungRow = block(text, "Phạm Quốc Dũng", "Lý Văn Đến");
    assertThat(row(dungRow, "Phạm Quốc Dũng")).matches("\\s*4\\s+Phạm Quốc Dũng\\s+10/04/2014.*");
    assertThat(cell(dungRow, "15/10/2026"))
        .isEqualTo("15/10/2026: bỏ học (lớp 6A1) 16/11/2026: trở lại học, vào lớp 6A1");

    // numbers follow admission: the student admitted in 2025 took number 5
    String denRow = block(text, "Lý Văn Đến", "Sổ đăng bộ này");
    assertThat(row(denRow, "Lý Văn Đến")).matches("\\s*6\\s+Lý Văn Đến\\s+01/06/2014.*");
    assertThat(cell(denRow, "01/10/2026"))
        .isEqualTo("01/10/2026 Vào lớp 6A2 Từ: Trường THCS Trần Phú");
    assertThat(text).doesNotContain("Võ Thị Trước");
    assertThat(text).contains("Sổ đăng bộ này ghi 5 học sinh", "HIỆU TRƯỞNG");
    assertThat(audited()).isEqualTo(1);

    String before =
        String.join("\n", ClassBookPrintIntegrationTests.pages(print(principal, "?year=2025")));
    assertThat(row(before, "Võ Thị Trước")).matches("\\s*5\\s+Võ Thị Trước\\s+03/03/2013.*");
    assertThat(before).doesNotContain("Nguyễn Văn An");
    assertThat(earlier).isPositive();
  }

  @Test
  void afterTheRollOverEachYearsClassAndTheCompletedLevelShow() throws Exception {
    tx.executeWithoutResult(
        s -> {
          long a9 = newClass(2026, 9, "9A1");
          long k = student(new PersonName("Hồ", "Văn", "Khoá"), LocalDate.of(2011, 2, 2));
          classes.enrol(school.id(), a9, k, TestClasses.OPENING);
          classes.rollOver(school.id(), 2026, java.util.Set.of(dung));
        });
    String text =
        String.join("\n", ClassBookPrintIntegrationTests.pages(print(principal, "?year=2026")));
    assertThat(cell(block(text, "Nguyễn Văn An", "Trần Thị Bình"), "05/09/2027"))
        .isEqualTo("05/09/2027: lên lớp, học lớp 7A1 năm học 2027-2028");
    assertThat(cell(block(text, "Phạm Quốc Dũng", "Hồ Văn Khoá"), "05/09/2027"))
        .isEqualTo("05/09/2027: ở lại lớp, học lớp 6A1 năm học 2027-2028");
    assertThat(cell(block(text, "Hồ Văn Khoá", "Sổ đăng bộ này"), "31/05/2027"))
        .isEqualTo("31/05/2027 Hoàn thành chương trình cấp học");
  }

  @Test
  void withoutAYearItPrintsTheSchoolYearTheClockIsIn() throws Exception {
    // the test clock stands on 1 December 2026
    mvc.perform(get(base()).with(authentication(principal)))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string("Content-Disposition", org.hamcrest.Matchers.containsString("2026-2027")));
    assertThat(audited()).isEqualTo(1);
  }

  @Test
  void aLongNameAndAddressWrapInsideTheirCells() throws Exception {
    String address =
        ("Số 123 ngõ 45 ngách 67 đường Nguyễn Thị Minh Khai, tổ dân phố 8, khu ").repeat(5);
    address = address.substring(0, 300);
    String id = longNamedStudent(address);

    byte[] pdf = print(principal, "?year=2026");
    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains(EVERY_MARK.full(), address.strip().replaceAll("\\s+", " "));
      assertThat(text).contains("Số ĐDCN: " + id, "Mẹ: Đặng Thị Ẩn, Giáo viên");
      float width = doc.getPage(1).getMediaBox().getWidth();
      assertThat(width).as("landscape").isGreaterThan(doc.getPage(1).getMediaBox().getHeight());
      float right = width - 12 / 25.4f * 72;
      assertThat(PdfTests.rightmostGlyph(doc))
          .as("no text past the right margin")
          .isLessThan(right + 1);
    }
    // the address takes many lines of its row
    String text = String.join("\n", ClassBookPrintIntegrationTests.pages(pdf).subList(1, 2));
    assertThat(block(text, "Đặng Thị Ẩn", "HIỆU TRƯỞNG").lines().filter(l -> l.contains("ngõ 45")))
        .hasSizeGreaterThan(3);
  }

  @Test
  void aTeacherWhoDoesNotPrintTheBooksGetsNothing() throws Exception {
    mvc.perform(
            get(base() + "?year=2026").with(authentication(taught.homeroomTeacher().signedIn())))
        .andExpect(status().isForbidden());
    mvc.perform(get(base() + "?year=2026").with(authentication(taught.subjectTeacher().signedIn())))
        .andExpect(status().isForbidden());
    assertThat(audited()).isZero();
  }

  @Test
  void theEnrolmentModuleGivesTheCohortsLinesToWhoeverPrintsTheBooks() {
    SecurityContextHolder.getContext().setAuthentication(principal);
    try {
      assertThat(classes.registerOfCohort(school.id(), 2026))
          .extracting(Classes.RegisterEntry::registerNo)
          .containsExactly(1, 2, 3, 4);
      assertThat(classes.registerOfCohort(school.id(), 2027)).isEmpty();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void theEnrolmentModuleRefusesTheCohortsLinesToATeacher() {
    // grants are read once per request: one user per test
    SecurityContextHolder.getContext().setAuthentication(taught.homeroomTeacher().signedIn());
    try {
      assertThatThrownBy(() -> classes.registerOfCohort(school.id(), 2026))
          .isInstanceOf(AccessDeniedException.class);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void theSchoolPageOffersEachYearsRegister() throws Exception {
    String page =
        mvc.perform(get("/schools/" + school.id()).with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(base() + "?year=2026", "In sổ đăng bộ năm học 2026–2027 (PDF)");
  }

  @Test
  void aYearTheSchoolDoesNotHaveIsNotFound() throws Exception {
    mvc.perform(get(base() + "?year=1999").with(authentication(principal)))
        .andExpect(status().isNotFound());
    mvc.perform(get(base() + "?year=abc").with(authentication(principal)))
        .andExpect(status().isBadRequest());
    assertThat(audited()).isZero();
  }

  /**
   * A student admitted in 2025, one transferred in, a class change, a drop-out and return, a
   * transfer out; returns the 2025 student.
   */
  private long movements() {
    testOrg.addYear(school, 2025);
    return tx.execute(
        s -> {
          long a2 = newClass(2026, 6, "6A2");
          long old = newClass(2025, 6, "6A9");
          long v = student(new PersonName("Võ", "Thị", "Trước"), LocalDate.of(2013, 3, 3));
          classes.enrol(school.id(), old, v, LocalDate.of(2025, 9, 5));
          long e = student(new PersonName("Lý", "Văn", "Đến"), LocalDate.of(2014, 6, 1));
          classes.enrolTransferIn(
              school.id(), a2, e, LocalDate.of(2026, 10, 1), "Trường THCS Trần Phú");
          classes.changeClass(school.id(), chau, a2, LocalDate.of(2026, 11, 2), "Cân đối");
          classes.dropOut(school.id(), dung, LocalDate.of(2026, 10, 15), "Ốm dài ngày");
          classes.returnAfterDropOut(
              school.id(), dung, taught.classId(), LocalDate.of(2026, 11, 16));
          classes.transferOut(
              school.id(), binh, LocalDate.of(2026, 11, 20), "THCS Lê Lợi", "Chuyển nơi ở");
          return v;
        });
  }

  private long newClass(int year, int grade, String name) {
    return classes.createClass(
        school.id(), new Classes.NewClass(year, grade, name, null, null, null));
  }

  private long student(PersonName name, LocalDate born) {
    return people.addStudent(
        school.id(), new People.NewStudent(name, born, Sex.M, "01", null, null));
  }

  /** A student with every mark in the name, a personal ID, a long address and a mother. */
  private String longNamedStudent(String address) {
    // born 2013, female: century-and-sex digit 3 (TT 07/2016 art. 7); the rest unique to the run
    String id =
        "031313" + String.format(Locale.ROOT, "%06d", Math.floorMod(System.nanoTime(), 1_000_000));
    tx.executeWithoutResult(
        s -> {
          long student =
              people.addStudent(
                  school.id(),
                  new People.NewStudent(
                      EVERY_MARK,
                      LocalDate.of(2013, 12, 31),
                      Sex.F,
                      "01",
                      PersonalId.of(id),
                      null));
          jdbc.sql(
                  "UPDATE student SET current_address = ?, place_of_birth = ?"
                      + " WHERE school_id = ? AND id = ?")
              .params(address, "Bệnh viện Phụ sản Trung ương, Hà Nội", school.id(), student)
              .update();
          people.addGuardianTo(
              school.id(),
              student,
              new People.GuardianUpdate(
                  "MOTHER", "Đặng Thị Ẩn", "1985", "Giáo viên", "0912345678", "", ""));
          classes.enrol(school.id(), taught.classId(), student, TestClasses.OPENING);
        });
    return id;
  }

  private byte[] print(Authentication who, String query) throws Exception {
    return mvc.perform(get(base() + query).with(authentication(who)))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  /** The first line that holds {@code text}. */
  private static String row(String page, String text) {
    Matcher m = Pattern.compile("(?m)^.*" + Pattern.quote(text) + ".*$").matcher(page);
    assertThat(m.find()).as("a line with " + text).isTrue();
    return m.group();
  }

  /** The lines of a student's row: from the line with {@code from} to the one with {@code to}. */
  private static String block(String text, String from, String to) {
    int start = text.lastIndexOf('\n', text.indexOf(from)) + 1;
    int end = text.indexOf(to, start);
    assertThat(end).as(to + " after " + from).isPositive();
    return text.substring(start, text.lastIndexOf('\n', end));
  }

  /**
   * A cell's text as one line: its wrapped lines start where {@code anchor} starts on the row's
   * first line holding it, and end at the next column's gap.
   */
  private static String cell(String block, String anchor) {
    List<String> lines = block.lines().toList();
    int i = 0;
    while (!lines.get(i).contains(anchor)) {
      i++;
    }
    int at = lines.get(i).indexOf(anchor);
    StringBuilder out = new StringBuilder();
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.length() <= at || line.charAt(at) == ' ' || line.charAt(at - 1) != ' ') {
        break;
      }
      out.append(' ').append(line.substring(at).split("\\s{2,}")[0]);
    }
    return out.toString().strip();
  }

  private String base() {
    return "/schools/" + school.id() + "/register.pdf";
  }

  private int audited() {
    return jdbc.sql(
            "SELECT count(*) FROM audit_log WHERE school_id = ? AND action = 'records.register.printed'")
        .param(school.id())
        .query(Integer.class)
        .single();
  }
}
