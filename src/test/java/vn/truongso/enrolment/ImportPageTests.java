package vn.truongso.enrolment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.Sex;
import vn.truongso.support.Browsers;
import vn.truongso.support.ClassListFiles;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** The data administrator imports a class list with two bad rows and keeps the good ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportPageTests {

  @LocalServerPort int port;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired Classes classes;
  @Autowired TransactionTemplate tx;
  BrowserContext context;
  Page page;

  @BeforeEach
  void open() {
    context = Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    page = context.newPage();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void theDataAdministratorSeesBothBadRowsAndImportsTheRest() {
    School school = testOrg.school();
    long classId =
        tx.execute(
            s ->
                classes.createClass(
                    school.id(), new Classes.NewClass(2026, 6, "6A3", null, null, null)));
    String username =
        accounts
            .create(school, Role.DATA_ADMIN, "Đỗ Minh Quân", "Quan-Tri-CSDL-2026", false)
            .username();
    Browsers.signInWithNewTwoFactor(page, port, username, "Quan-Tri-CSDL-2026");

    page.navigate("http://localhost:" + port + "/schools/" + school.id() + "/classes/" + classId);
    page.locator("#import-link").click();
    assertThat(page.locator("#template-link")).isVisible();
    LocalDate birth = LocalDate.of(2014, 4, 10);
    byte[] file =
        ClassListFiles.xlsx(
            ClassListFiles.TEMPLATE_HEADERS,
            List.of(
                row(
                    "Phạm Minh Khang",
                    "10/04/2014",
                    "Nam",
                    "Kinh",
                    ClassListFiles.personalId(birth, Sex.M)),
                row("Vũ Thị Lan", "30/02/2014", "Nữ", "Kinh", ""),
                row("Hoàng Văn Nam", "21/07/2014", "Nam", "Tày", ""),
                row("Đinh Thị Oanh", "03/12/2014", "Nữ", "Kinh", "031214999999"),
                row("Bùi Quốc Phong", "09/09/2014", "Nam", "Mường", "")));
    page.locator("#file")
        .setInputFiles(
            new FilePayload(
                "lop-6a3.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                file));
    page.getByText("Tải lên và kiểm tra").click();

    assertThat(page.locator("#import-summary"))
        .hasText("5 dòng: 3 dòng hợp lệ, 2 dòng có lỗi hoặc trùng (không được nhập).");
    assertThat(page.locator("tr[data-row='3'] .import-errors"))
        .containsText("Ô B3 (Ngày sinh (dd/mm/yyyy)): Ngày không tồn tại");
    assertThat(page.locator("tr[data-row='5'] .import-errors"))
        .containsText("Ô E5 (Số định danh cá nhân): Chữ số thứ tư");
    assertThat(page.locator("tr.table-danger")).hasCount(2);

    page.locator("#import-valid").click();
    assertThat(page.locator("#imported")).hasText("Đã nhập 3 học sinh vào lớp.");
    assertThat(page.locator("#roster-table tbody tr")).hasCount(3);
    assertThat(page.locator("#roster-table")).containsText("Phạm Minh Khang");
    assertThat(page.locator("#roster-table")).not().containsText("Vũ Thị Lan");
    // The data administrator holds no export permission unless the principal grants it.
    assertThat(page.locator("#export-link")).hasCount(0);
  }

  private static List<String> row(
      String name, String birth, String sex, String ethnicity, String id) {
    return List.of(name, birth, sex, ethnicity, id);
  }
}
