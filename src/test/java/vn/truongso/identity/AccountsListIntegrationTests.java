package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.curriculum.Teaching;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/** The accounts list names a subject teacher's role, which comes from the teaching assignments. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountsListIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired Teaching teaching;
  @Autowired TransactionTemplate tx;

  @Test
  void aTeacherAssignedToTeachShowsAsSubjectTeacher() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    var staff = testClasses.staffTeacher(t.school(), "Phạm", "Thị", "Hoa");
    tx.executeWithoutResult(
        s -> teaching.assign(t.school().id(), t.classId(), "toan", 1, staff.staffId()));
    String page =
        mvc.perform(
                get("/admin/accounts")
                    .param("school", Long.toString(t.school().id()))
                    .param("q", "Phạm Thị Hoa")
                    .with(authentication(principal.signedIn())))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Phạm Thị Hoa");
    String body = page.substring(page.indexOf("<tbody"));
    String row = body.substring(body.indexOf("Phạm Thị Hoa"));
    assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Giáo viên bộ môn");
  }
}
