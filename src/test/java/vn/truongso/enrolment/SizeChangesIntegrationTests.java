package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.xlsx.XlsxRows;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/** Biến động sĩ số comes out of the movements: start + in − out − dropped out = end. */
@SpringBootTest
@AutoConfigureMockMvc
class SizeChangesIntegrationTests {

  @Autowired Classes classes;
  @Autowired People people;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired TransactionTemplate tx;
  @Autowired MockMvc mvc;

  School school;
  long a1;
  long a2;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          a1 =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 6, "6A1", null, null, null));
          a2 =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 6, "6A2", null, null, null));
          LocalDate opening = LocalDate.of(2026, 9, 5);
          long an = student("Nguyễn Văn An", Sex.M, "01");
          long binh = student("Hoàng Thị Bình", Sex.F, "02");
          long chi = student("Trần Thị Chi", Sex.F, "01");
          classes.enrol(school.id(), a1, an, opening);
          classes.enrol(school.id(), a1, binh, opening);
          classes.enrol(school.id(), a1, chi, opening);
          classes.changeClass(school.id(), an, a2, LocalDate.of(2026, 11, 10), "Cân đối sĩ số");
          classes.dropOut(school.id(), binh, LocalDate.of(2026, 11, 20), "Theo gia đình đi làm xa");
          classes.enrolTransferIn(
              school.id(),
              a1,
              student("Lò Văn Dũng", Sex.M, "03"),
              LocalDate.of(2026, 11, 25),
              "Trường THCS Mường Lay");
        });
  }

  @Test
  void novemberAddsUp() {
    List<Classes.SizeChange> rows =
        classes.sizeChanges(
            school.id(), 2026, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    Classes.SizeChange c1 = rows.get(0);
    assertThat(c1.className()).isEqualTo("6A1");
    assertThat(c1.start()).isEqualTo(new Classes.SizeCounts(3, 2, 1, 1));
    assertThat(c1.in()).isEqualTo(new Classes.SizeCounts(1, 0, 1, 0));
    assertThat(c1.out()).isEqualTo(new Classes.SizeCounts(1, 0, 0, 0));
    assertThat(c1.droppedOut()).isEqualTo(new Classes.SizeCounts(1, 1, 1, 1));
    assertThat(c1.end()).isEqualTo(new Classes.SizeCounts(2, 1, 1, 0));
    Classes.SizeChange c2 = rows.get(1);
    assertThat(c2.start().total()).isZero();
    assertThat(c2.in().total()).isEqualTo(1);
    assertThat(c2.end().total()).isEqualTo(1);

    List<Classes.SizeChange> september =
        classes.sizeChanges(school.id(), 2026, LocalDate.of(2026, 9, 5), LocalDate.of(2026, 9, 30));
    assertThat(september.get(0).start().total()).isEqualTo(3);
    assertThat(september.get(0).in().total()).isZero();
  }

  @Test
  void theWardOfficeReachesTheReportFromTheSchoolsPage() throws Exception {
    var ward = testOrg.wardOffice(testOrg.province(), null);
    School wardSchool = testOrg.school(ward, "Trường THCS " + TestOrg.unique("Phường"));
    Authentication signedIn =
        accounts.officer(ward, Role.DISTRICT_OFFICER, "Chuyên viên").signedIn();
    String page =
        mvc.perform(get("/schools/{s}", wardSchool.id()).with(authentication(signedIn)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("/schools/" + wardSchool.id() + "/size-changes");
    mvc.perform(get("/schools/{s}/size-changes", wardSchool.id()).with(authentication(signedIn)))
        .andExpect(status().isOk());
  }

  @Test
  void thePageAndTheWorkbookShowTheSameFigures() throws Exception {
    Authentication principal =
        as(accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-2026-x", false));
    String html =
        mvc.perform(
                get("/schools/{s}/size-changes", school.id())
                    .param("month", "2026-11")
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Biến động sĩ số tháng 11/2026").contains("3 (2 / 1 / 1)");

    byte[] xlsx =
        mvc.perform(
                get("/schools/{s}/size-changes.xlsx", school.id())
                    .param("month", "2026-11")
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<XlsxRows.Row> rows = XlsxRows.read(xlsx, 100);
    assertThat(rows.get(1).cells().get(1)).isEqualTo("Đầu tháng – TS");
    assertThat(rows.get(2).cells().subList(0, 5)).containsExactly("6A1", "3", "2", "1", "1");
    assertThat(rows.get(4).cells().get(0)).isEqualTo("Toàn trường");
    assertThat(rows.get(4).cells().get(17)).isEqualTo("3"); // at end, total: 2 + 1

    Authentication teacher =
        as(accounts.create(school, Role.LIBRARIAN, "Thư viện", "Thu-Vien-2026-x", false));
    mvc.perform(get("/schools/{s}/size-changes", school.id()).with(authentication(teacher)))
        .andExpect(status().isNotFound());
  }

  private long student(String name, Sex sex, String ethnicity) {
    return people.addStudent(
        school.id(),
        new People.NewStudent(
            PersonName.parse(name), LocalDate.of(2014, 2, 1), sex, ethnicity, null, null));
  }

  private static Authentication as(TestAccounts.Created account) {
    return account.signedIn();
  }
}
