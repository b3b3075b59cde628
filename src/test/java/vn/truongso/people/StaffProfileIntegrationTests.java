package vn.truongso.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.platform.PersonName;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** The office keeps staff records: qualification, kind of employment, start date; checked. */
@SpringBootTest
@AutoConfigureMockMvc
class StaffProfileIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired People people;
  @Autowired TransactionTemplate tx;

  School school;
  long teacherId;
  Authentication clerk;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    teacherId =
        tx.execute(
            s ->
                people.addStaff(
                    school.id(),
                    new People.NewStaff(
                        PersonName.parse("Đặng Thu Hương"),
                        LocalDate.of(1988, 6, 12),
                        Sex.F,
                        "01",
                        null,
                        null,
                        null,
                        "TEACHER",
                        "TU_NHIEN",
                        "Toán")));
    clerk = as(accounts.create(school, Role.CLERK, "Văn thư", "Van-Thu-2026-cd", false));
  }

  @Test
  void theOfficeKeepsAStaffRecordAndBadDatesAreRefused() throws Exception {
    String page =
        mvc.perform(get(url()).with(authentication(clerk)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Đặng").contains("12/06/1988");

    String refused =
        mvc.perform(save("01/01/2030"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("Ngày bắt đầu công tác không được ở tương lai.");
    assertThat(people.staff(school.id(), teacherId).orElseThrow().qualification()).isNull();

    mvc.perform(save("15/08/2010")).andExpect(status().is3xxRedirection());
    People.StaffMember s = people.staff(school.id(), teacherId).orElseThrow();
    assertThat(s.qualification()).isEqualTo("MASTER");
    assertThat(s.employmentType()).isEqualTo("PUBLIC_EMPLOYEE");
    assertThat(s.startDate()).isEqualTo(LocalDate.of(2010, 8, 15));
    assertThat(s.phone()).isEqualTo("0913222333");
  }

  @Test
  void aTeacherCannotOpenAColleaguesRecord() throws Exception {
    Authentication nurse = as(accounts.create(school, Role.NURSE, "Y tế", "Y-Te-2026-cd", false));
    mvc.perform(get(url()).with(authentication(nurse))).andExpect(status().isNotFound());
  }

  private String url() {
    return "/schools/" + school.id() + "/staff/" + teacherId;
  }

  private MockHttpServletRequestBuilder save(String startDate) {
    return post(url())
        .param("familyName", "Đặng")
        .param("middleName", "Thu")
        .param("givenName", "Hương")
        .param("birthDate", "12/06/1988")
        .param("sex", "F")
        .param("ethnicityCode", "01")
        .param("phone", "0913 222 333")
        .param("position", "TEACHER")
        .param("subjectGroup", "TU_NHIEN")
        .param("mainSubject", "Toán")
        .param("qualification", "MASTER")
        .param("employmentType", "PUBLIC_EMPLOYEE")
        .param("startDate", startDate)
        .with(csrf())
        .with(authentication(clerk));
  }

  private static Authentication as(TestAccounts.Created account) {
    return account.signedIn();
  }
}
