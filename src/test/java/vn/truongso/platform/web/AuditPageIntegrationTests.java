package vn.truongso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.support.ClassListFiles;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** The principal reads the audit log in words, with personal ID numbers masked. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired People people;
  @Autowired TransactionTemplate tx;

  @Test
  void actionsAreNamedInVietnameseAndPersonalIdsAreMasked() throws Exception {
    School school = testOrg.school();
    LocalDate birth = LocalDate.of(2014, 3, 2);
    String id = ClassListFiles.personalId(birth, Sex.M);
    tx.executeWithoutResult(
        s ->
            people.addStudent(
                school.id(),
                new People.NewStudent(
                    PersonName.parse("Nguyễn Văn An"),
                    birth,
                    Sex.M,
                    "01",
                    PersonalId.of(id),
                    null)));
    var principal = accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    String page =
        mvc.perform(
                get("/audit")
                    .param("school", Long.toString(school.id()))
                    .with(authentication(principal.signedIn())))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("Thêm học sinh")
        .contains("Cấp vai trò")
        .contains("*********" + id.substring(9))
        .doesNotContain(id)
        .doesNotContain(">people.student.create<");
  }
}
