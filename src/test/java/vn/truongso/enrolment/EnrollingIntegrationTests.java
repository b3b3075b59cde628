package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** Opening a class and enrolling a student one by one, with precise messages for bad input. */
@SpringBootTest
@AutoConfigureMockMvc
class EnrollingIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired Classes classes;

  School school;
  Authentication principal;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    principal = as(accounts.create(school, Role.PRINCIPAL, "HT", "Hieu-Truong-2026-en", false));
  }

  @Test
  void opensAClassAndRefusesAGradeOfAnotherLevelOrATakenName() throws Exception {
    String location =
        mvc.perform(newClass("7", "7A2"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(classes.classes(school.id(), 2026))
        .extracting(Classes.SchoolClass::name, Classes.SchoolClass::grade)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("7A2", 7));
    assertThat(location).startsWith("/schools/" + school.id() + "/classes/");

    assertThat(body(newClass("3", "3A"))).contains("Khối lớp không thuộc cấp học của trường.");
    assertThat(body(newClass("7", "7A2"))).contains("Năm học này trường đã có lớp 7A2.");
    assertThat(classes.classes(school.id(), 2026)).hasSize(1);
  }

  @Test
  void kindergartenGroupsNeedAnAgeBandAndSortByAgeNotByName() throws Exception {
    school = testOrg.school(vn.truongso.org.SchoolLevel.KINDERGARTEN);
    principal = as(accounts.create(school, Role.PRINCIPAL, "HT", "Hieu-Truong-2026-mn", false));
    assertThat(body(newClass("0", "Lá"))).contains("Hãy chọn độ tuổi của nhóm/lớp mầm non.");
    assertThat(body(newClass("0", "Lá").param("ageFrom", "MG_5_6").param("ageTo", "MG_3_4")))
        .contains("Độ tuổi không hợp lệ");
    assertThat(body(newClass("0", "Lá").param("ageFrom", "XX"))).contains("Hãy chọn độ tuổi");
    assertThat(classes.classes(school.id(), 2026)).isEmpty();
    // opened in alphabetical order, which is not the order of age
    for (String[] g :
        new String[][] {
          {"Chồi", "MG_4_5", ""},
          {"Ghép 3-5 tuổi", "MG_3_4", "MG_4_5"},
          {"Lá", "MG_5_6", ""},
          {"Mầm", "MG_3_4", ""},
          {"Nhà trẻ D1", "NT_12_24", ""},
          {"Nhà trẻ D2", "NT_24_36", ""}
        }) {
      mvc.perform(newClass("0", g[0]).param("ageFrom", g[1]).param("ageTo", g[2]))
          .andExpect(status().is3xxRedirection());
    }
    assertThat(classes.classes(school.id(), 2026))
        .extracting(Classes.SchoolClass::name)
        .containsExactly("Nhà trẻ D1", "Nhà trẻ D2", "Mầm", "Ghép 3-5 tuổi", "Chồi", "Lá");
    assertThat(classes.classes(school.id(), 2026).get(3).ageBands())
        .containsExactly(AgeBand.MG_3_4, AgeBand.MG_4_5);
    assertThat(
            body(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/schools/{s}/classes", school.id())
                    .with(authentication(principal))))
        .contains("Nhà trẻ 12–24 tháng", "Ghép Mẫu giáo 3–4 tuổi (bé) – Mẫu giáo 4–5 tuổi (nhỡ)");
  }

  @Test
  void enrolsATransferFromOutsideWithARegisterNumber() throws Exception {
    mvc.perform(newClass("6", "6A1")).andExpect(status().is3xxRedirection());
    long classId = classes.classes(school.id(), 2026).getFirst().id();
    String bad = body(enrol(classId).param("birthDate", "30/02/2014").param("from", "10/11/2026"));
    assertThat(bad).contains("Ngày không tồn tại");
    assertThat(classes.roster(school.id(), classId, LocalDate.of(2026, 11, 10))).isEmpty();

    String location =
        mvc.perform(enrol(classId).param("birthDate", "14/02/2014").param("from", "10/11/2026"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(classes.history(school.id(), id))
        .extracting(Classes.Movement::startReason, Classes.Movement::note)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TRANSFER_IN", "Trường THCS Lê Lợi"));
    assertThat(classes.registerEntry(school.id(), id)).isPresent();
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newClass(
      String grade, String name) {
    return post("/schools/{s}/classes/new", school.id())
        .param("grade", grade)
        .param("name", name)
        .param("room", "P.201")
        .param("shift", "MORNING")
        .with(csrf())
        .with(authentication(principal));
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder enrol(
      long classId) {
    return post("/schools/{s}/classes/{c}/students/new", school.id(), classId)
        .param("familyName", "Vương")
        .param("middleName", "Thị")
        .param("givenName", "Ngân")
        .param("sex", "F")
        .param("ethnicityCode", "01")
        .param("fromSchool", "Trường THCS Lê Lợi")
        .with(csrf())
        .with(authentication(principal));
  }

  private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
      throws Exception {
    return mvc.perform(r).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private static Authentication as(TestAccounts.Created account) {
    return account.signedIn();
  }
}
