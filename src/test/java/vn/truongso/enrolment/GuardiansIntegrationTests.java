package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** Two siblings share one father record and one parent account that sees them both. */
@SpringBootTest
@AutoConfigureMockMvc
class GuardiansIntegrationTests {

  static final java.util.concurrent.atomic.AtomicInteger PHONES =
      new java.util.concurrent.atomic.AtomicInteger(1000);

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired Classes classes;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  School school;
  long older;
  long younger;
  Authentication clerk;
  String phone;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    // Unique per run and test: usernames stay unique in the test database.
    phone =
        "0987"
            + String.format(
                "%06d",
                ProcessHandle.current().pid() % 900 * 1000 + PHONES.incrementAndGet() % 1000);
    tx.executeWithoutResult(
        s -> {
          long c7 =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 7, "7A1", null, null, null));
          long c6 =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 6, "6A1", null, null, null));
          older = student("Ngô Văn Khải", 2013);
          younger = student("Ngô Thị Linh", 2014);
          classes.enrol(school.id(), c7, older, LocalDate.of(2026, 9, 5));
          classes.enrol(school.id(), c6, younger, LocalDate.of(2026, 9, 5));
        });
    clerk = as(accounts.create(school, Role.CLERK, "Văn thư", "Van-Thu-2026-ab", false));
  }

  @Test
  void siblingsShareOneFatherAndOneAccount() throws Exception {
    mvc.perform(father(older)).andExpect(status().is3xxRedirection());
    mvc.perform(father(younger)).andExpect(status().is3xxRedirection());
    long fatherId = people.guardiansOf(school.id(), older).getFirst().id();
    assertThat(people.guardiansOf(school.id(), younger))
        .extracting(People.Guardian::id, People.Guardian::relation)
        .containsExactly(tuple(fatherId, People.Relation.FATHER));
    assertThat(people.childrenOf(school.id(), fatherId))
        .extracting(s -> s.name().given())
        .containsExactly("Khải", "Linh");

    // The clerk may not create accounts; the principal may.
    mvc.perform(account(fatherId).with(authentication(clerk))).andExpect(status().isNotFound());
    Authentication principal =
        as(accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-2026-ab", false));
    var flash =
        mvc.perform(account(fatherId).with(authentication(principal)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getFlashMap();
    assertThat(flash.get("guardianAccount")).isEqualTo(phone);
    assertThat((String) flash.get("guardianPassword")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(guardianGrants()).containsExactlyInAnyOrder(older, younger);

    // Pressing again adds nothing and shows no new password.
    var again =
        mvc.perform(account(fatherId).with(authentication(principal))).andReturn().getFlashMap();
    assertThat(again.get("guardianPassword")).isNull();
    assertThat(guardianGrants()).hasSize(2);
  }

  @Test
  void anotherSchoolWithTheSameParentGetsItsOwnRecordAndNeverTheFirstSchoolsAccount()
      throws Exception {
    mvc.perform(father(older)).andExpect(status().is3xxRedirection());
    long thcsRecord = people.guardiansOf(school.id(), older).getFirst().id();
    Authentication principal =
        as(accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-2026-ab", false));
    mvc.perform(account(thcsRecord).with(authentication(principal)))
        .andExpect(status().is3xxRedirection());

    // A primary school enters the same father (same name, same phone) for a child of its own.
    School primary = testOrg.school();
    long child =
        tx.execute(
            s ->
                people.addStudent(
                    primary.id(),
                    new People.NewStudent(
                        PersonName.parse("Ngô Văn Minh"),
                        LocalDate.of(2019, 4, 1),
                        Sex.M,
                        "01",
                        null,
                        null)));
    Authentication primaryClerk =
        as(accounts.create(primary, Role.CLERK, "Văn thư TH", "Van-Thu-TH-2026", false));
    mvc.perform(
            post("/schools/{s}/students/{id}/guardians/new", primary.id(), child)
                .param("relation", "FATHER")
                .param("fullName", "Ngô Văn Hải")
                .param("occupation", "Ghi đè nghề")
                .param("phone", phone)
                .with(csrf())
                .with(authentication(primaryClerk)))
        .andExpect(status().is3xxRedirection());
    long primaryRecord = people.guardiansOf(primary.id(), child).getFirst().id();
    assertThat(primaryRecord).isNotEqualTo(thcsRecord);
    // The first school's record (birth year, occupation) is neither read nor changed.
    People.Guardian thcs = people.guardianOf(school.id(), older, thcsRecord).orElseThrow();
    assertThat(thcs.birthYear()).isEqualTo(1982);
    assertThat(thcs.occupation()).isEqualTo("Kỹ sư");
    assertThat(people.guardiansOf(primary.id(), child).getFirst().birthYear()).isNull();
    assertThat(people.guardianOf(primary.id(), child, thcsRecord)).isEmpty();

    // Nor is the first school's parent account extended to the primary school by its staff:
    // the primary school asks, and only the parent, signed in, joins the child to the account.
    Authentication primaryPrincipal =
        as(accounts.create(primary, Role.PRINCIPAL, "Hiệu trưởng TH", "Hieu-Truong-TH-26", false));
    var asked =
        mvc.perform(
                post("/schools/{s}/guardians/{g}/account", primary.id(), primaryRecord)
                    .param("studentId", Long.toString(child))
                    .with(csrf())
                    .with(authentication(primaryPrincipal)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getFlashMap();
    assertThat(asked.get("guardianLinkRequested")).isEqualTo(phone);
    assertThat(guardianGrants()).containsExactly(older);

    long parent =
        jdbc.sql("SELECT id FROM account WHERE username = ?")
            .param(phone)
            .query(Long.class)
            .single();
    Authentication signedInParent = new TestAccounts.Created(parent, phone).signedIn();
    String accountPage =
        mvc.perform(get("/account").with(authentication(signedInParent)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(accountPage).contains("Ngô Văn Minh").contains(primary.name());
    long request =
        jdbc.sql("SELECT id FROM guardian_link_request WHERE account_id = ?")
            .param(parent)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/account/guardian-links/{id}", request)
                .param("accept", "true")
                .with(csrf())
                .with(authentication(signedInParent)))
        .andExpect(status().is3xxRedirection());
    assertThat(guardianGrants()).containsExactlyInAnyOrder(older, child);
    // Someone else's request cannot be answered by another account.
    mvc.perform(
            post("/account/guardian-links/{id}", request)
                .param("accept", "true")
                .with(csrf())
                .with(authentication(primaryPrincipal)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aBadPhoneIsRefusedAndNothingIsSaved() throws Exception {
    String html =
        mvc.perform(
                post("/schools/{s}/students/{id}/guardians/new", school.id(), older)
                    .param("relation", "MOTHER")
                    .param("fullName", "Phan Thị Nga")
                    .param("phone", "12345")
                    .with(csrf())
                    .with(authentication(clerk)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.");
    assertThat(people.guardiansOf(school.id(), older)).isEmpty();
  }

  private MockHttpServletRequestBuilder father(long studentId) {
    return post("/schools/{s}/students/{id}/guardians/new", school.id(), studentId)
        .param("relation", "FATHER")
        .param("fullName", "Ngô Văn Hải")
        .param("birthYear", "1982")
        .param("occupation", "Kỹ sư")
        .param("phone", phone)
        .with(csrf())
        .with(authentication(clerk));
  }

  private MockHttpServletRequestBuilder account(long guardianId) {
    return post("/schools/{s}/guardians/{g}/account", school.id(), guardianId)
        .param("studentId", Long.toString(older))
        .with(csrf());
  }

  private List<Long> guardianGrants() {
    return jdbc.sql(
            "SELECT r.student_id FROM role_assignment r JOIN account a ON a.id = r.account_id"
                + " WHERE a.username = ? AND r.role = 'GUARDIAN' AND r.revoked_at IS NULL")
        .param(phone)
        .query(Long.class)
        .list();
  }

  private long student(String name, int year) {
    PersonName n = PersonName.parse(name);
    return people.addStudent(
        school.id(),
        new People.NewStudent(
            n,
            LocalDate.of(year, 4, 1),
            n.middle().equals("Thị") ? Sex.F : Sex.M,
            "01",
            null,
            null));
  }

  private static Authentication as(TestAccounts.Created account) {
    return account.signedIn();
  }
}
