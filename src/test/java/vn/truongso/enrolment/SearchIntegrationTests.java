package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** Search without diacritics or case, by personal ID, limited to what the user may see. */
@SpringBootTest
@AutoConfigureMockMvc
class SearchIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired People people;
  @Autowired Classes classes;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;

  static final java.util.concurrent.atomic.AtomicInteger IDS =
      new java.util.concurrent.atomic.AtomicInteger();
  School school;
  String personalId;
  long classA;
  long classB;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          classA =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 6, "6A1", null, null, null));
          classB =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 6, "6A2", null, null, null));
          personalId = "0312150" + String.format("%05d", IDS.incrementAndGet());
          enrol(classA, "Nguyễn Văn An", personalId);
          enrol(classA, "Trần Thị Hoà", null);
          enrol(classB, "Lê Văn Hòa", null);
          enrol(classB, "Phạm Quang Ánh", null);
        });
  }

  @Test
  void findsNamesWithoutDiacriticsOrCase() throws Exception {
    Authentication principal =
        as(accounts.create(school, Role.PRINCIPAL, "HT", "Mat-Khau-Hieu-Truong", false));
    assertThat(search(principal, "nguyen van an"))
        .contains("Nguyễn Văn An")
        .doesNotContain("Phạm Quang Ánh");
    // Both placements of the tone mark (Hoà, Hòa) are found by the plain letters.
    assertThat(search(principal, "HOA")).contains("Trần Thị Hoà").contains("Lê Văn Hòa");
    assertThat(search(principal, personalId)).contains("Nguyễn Văn An");
    assertThat(search(principal, "100%_")).doesNotContain("Nguyễn");
    // Words match from their start; two letters match a given name exactly.
    assertThat(search(principal, "uyen")).doesNotContain("Nguyễn Văn An");
    assertThat(search(principal, "an")).contains("Nguyễn Văn An").doesNotContain("Phạm Quang Ánh");
    assertThat(search(principal, "anh")).contains("Phạm Quang Ánh").doesNotContain("Nguyễn Văn An");
  }

  @Test
  void theClerkWhoOpensProfilesFindsStudentsByNameAndIdNumber() throws Exception {
    Authentication clerk = as(accounts.create(school, Role.CLERK, "VT", "Mat-Khau-Van-Thu", false));
    assertThat(search(clerk, "Nguyễn Văn An")).contains("Nguyễn Văn An");
    assertThat(search(clerk, personalId)).contains("Nguyễn Văn An");
  }

  @Test
  void aTeacherFindsOnlyTheStudentsOfTheirClasses() throws Exception {
    // A librarian (no student data) who also teaches maths in 6A1.
    TestAccounts.Created onlyTeacher =
        accounts.create(school, Role.LIBRARIAN, "GV2", "Mat-Khau-Giao-Vien", false);
    tx.executeWithoutResult(
        s ->
            provisioning.grant(
                onlyTeacher.id(),
                Role.SUBJECT_TEACHER,
                school.id(),
                new Scope(school.id(), classA, "toan", 2026, null)));
    String page = search(as(onlyTeacher), "hoa");
    assertThat(page).contains("Trần Thị Hoà").doesNotContain("Lê Văn Hòa");
    // A subject teacher sees names, not links to full profiles.
    assertThat(page).doesNotContain("/students/");
  }

  @Test
  void anotherSchoolsStudentsAreNotFound() throws Exception {
    School other = testOrg.school();
    Authentication principal =
        as(accounts.create(other, Role.PRINCIPAL, "HT2", "Mat-Khau-Hieu-Truong", false));
    assertThat(search(principal, "nguyen van an")).doesNotContain("Nguyễn Văn An");
  }

  private void enrol(long classId, String name, String personalId) {
    PersonName n = PersonName.parse(name);
    long id =
        people.addStudent(
            school.id(),
            new People.NewStudent(
                n,
                LocalDate.of(2015, 3, 1),
                n.middle().equals("Thị") ? Sex.F : Sex.M,
                "01",
                PersonalId.ofNullable(personalId),
                null));
    classes.enrol(school.id(), classId, id, LocalDate.of(2026, 9, 5));
  }

  private String search(Authentication principal, String q) throws Exception {
    return mvc.perform(get("/search").param("q", q).with(authentication(principal)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static Authentication as(TestAccounts.Created account) {
    return account.signedIn();
  }
}
