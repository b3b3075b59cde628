package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * A primary class and a kindergarten group keep no secondary grade book: its pages answer that the
 * level's book is not available yet, writes are refused with nothing stored, and their schools'
 * staff are offered no grade-book menu entries.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OtherLevelsIntegrationTests {

  /** Column labels only the secondary book shows (KQHT, KQRL, Lên lớp, the mid-term column). */
  private static final List<String> SECONDARY_COLUMNS =
      List.of("KQHT", "KQRL", "Lên lớp", "ĐĐGgk", "ĐĐGck");

  /** The main navigation's grade-book entries (monitoring, corrections, deadlines and locks). */
  private static final List<String> GRADE_BOOK_MENU =
      List.of("Kiểm tra sổ điểm", "Sửa điểm", "Hạn nhập điểm", "Thời hạn và khóa sổ");

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aPrimaryClassShowsTheNotAvailablePageInsteadOfTheSecondaryBook() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(testOrg.school(SchoolLevel.PRIMARY), 3, "toan", 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();

    for (String page : List.of("/book", "/book?period=1", "/book/arrangements")) {
      assertNotAvailable(open(t, page, homeroom, status().isOk()), "3A1 (tiểu học)");
    }
    String sheet = open(t, "/scores/toan?term=1", t.subjectTeacher().signedIn(), status().isOk());
    assertNotAvailable(sheet, "3A1 (tiểu học)");
    assertThat(sheet).contains("Thông tư 27/2020");
    // The export is not a workbook of secondary columns either.
    assertNotAvailable(
        open(t, "/scores/toan/export.xlsx?term=1", homeroom, status().isOk()), "3A1");

    // Whoever may not open the class is refused as before, and learns nothing of it.
    Authentication stranger = testClasses.taught(7, "toan", 1).homeroomTeacher().signedIn();
    assertThat(open(t, "/book", stranger, status().is4xxClientError())).doesNotContain("3A1");
  }

  @Test
  void onlyASecondaryClassRosterLinksToTheClassBook() throws Exception {
    TestClasses.Taught primary =
        testClasses.taughtIn(testOrg.school(SchoolLevel.PRIMARY), 3, "toan", 2);
    TestClasses.Taught secondary = testClasses.taught(7, "toan", 1);
    assertThat(open(primary, "", primary.homeroomTeacher().signedIn(), status().isOk()))
        .doesNotContain("class-book-link");
    assertThat(open(secondary, "", secondary.homeroomTeacher().signedIn(), status().isOk()))
        .contains("class-book-link");
  }

  @Test
  void aKindergartenGroupShowsTheNotAvailablePageInsteadOfTheSecondaryBook() throws Exception {
    TestClasses.Taught t =
        testClasses.taughtIn(testOrg.school(SchoolLevel.KINDERGARTEN), 0, null, 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();

    for (String page : List.of("/book", "/scores/toan?term=2", "/book/export.xlsx")) {
      String body = open(t, page, homeroom, status().isOk());
      assertNotAvailable(body, "0A1 (mầm non)");
      assertThat(body).contains("Sổ theo dõi trẻ cấp mầm non chưa có");
    }
  }

  @Test
  void marksAndConductPostedForAPrimaryClassAreRefusedAndNothingIsWritten() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(testOrg.school(SchoolLevel.PRIMARY), 4, "toan", 2);
    long student = t.students().getFirst();

    String refused =
        mvc.perform(
                post("/schools/{s}/classes/{c}/scores/toan/cell", t.school().id(), t.classId())
                    .param("term", "1")
                    .param("student", String.valueOf(student))
                    .param("slot", "TX1")
                    .param("value", "8")
                    .param("version", "0")
                    .with(csrf())
                    .with(authentication(t.subjectTeacher().signedIn())))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertNotAvailable(refused, "4A1 (tiểu học)");
    assertThat(refused).contains("Không có gì được lưu.");

    mvc.perform(
            post("/schools/{s}/classes/{c}/book/conduct", t.school().id(), t.classId())
                .param("student-" + student, "")
                .param("HK1-" + student, "TOT")
                .param("absent1e-" + student, "2")
                .with(csrf())
                .with(authentication(t.homeroomTeacher().signedIn())))
        .andExpect(status().isConflict());

    assertThat(rows("score_cell", t.school())).isZero();
    assertThat(rows("conduct_entry", t.school())).isZero();
    assertThat(rows("absence_entry", t.school())).isZero();
  }

  @Test
  void onlyASecondarySchoolsStaffAreOfferedTheGradeBookMenu() throws Exception {
    for (SchoolLevel level : List.of(SchoolLevel.KINDERGARTEN, SchoolLevel.PRIMARY)) {
      School school = testOrg.school(level);
      Authentication principal =
          testAccounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
      assertThat(menu(principal)).as(level.name()).doesNotContain(GRADE_BOOK_MENU);
    }
    TestClasses.Taught primary =
        testClasses.taughtIn(testOrg.school(SchoolLevel.PRIMARY), 5, "toan", 1);
    assertThat(menu(primary.homeroomTeacher().signedIn())).doesNotContain(GRADE_BOOK_MENU);
    assertThat(menu(primary.subjectTeacher().signedIn())).doesNotContain(GRADE_BOOK_MENU);

    School secondary = testOrg.school();
    Authentication principal =
        testAccounts.create(secondary, Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    assertThat(menu(principal)).contains("Kiểm tra sổ điểm", "Sửa điểm", "Thời hạn và khóa sổ");
    TestClasses.Taught seventh = testClasses.taught(7, "toan", 1);
    assertThat(menu(seventh.subjectTeacher().signedIn())).contains("Hạn nhập điểm", "Sửa điểm");
  }

  private String open(TestClasses.Taught t, String page, Authentication who, ResultMatcher expected)
      throws Exception {
    return mvc.perform(
            get("/schools/" + t.school().id() + "/classes/" + t.classId() + page)
                .with(authentication(who)))
        .andExpect(expected)
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static void assertNotAvailable(String page, String names) {
    assertThat(page)
        .contains("id=\"not-for-level\"", names, "Sổ điểm trung học (THCS, THPT) không dùng");
    assertThat(page).doesNotContain(SECONDARY_COLUMNS);
  }

  /** The main navigation of the home page (panels below it may link elsewhere). */
  private String menu(Authentication who) throws Exception {
    String home =
        mvc.perform(get("/").with(authentication(who)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    int start = home.indexOf("id=\"mainNav\"");
    return home.substring(start, home.indexOf("</nav>", start));
  }

  private long rows(String table, School school) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE school_id = ?")
        .param(school.id())
        .query(Long.class)
        .single();
  }
}
