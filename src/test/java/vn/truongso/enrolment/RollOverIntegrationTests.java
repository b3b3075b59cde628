package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.UserInputException;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * Year roll-over: a preview that writes nothing, then one transaction that promotes, keeps the
 * students not promoted in their grade, lets the last grade complete the level, and leaves last
 * year's rosters as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RollOverIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;

  static final LocalDate LAST_DAY = LocalDate.of(2027, 5, 31);

  @Autowired Classes classes;
  @Autowired People people;
  @Autowired Organisation org;
  @Autowired TestOrg testOrg;
  @Autowired TransactionTemplate tx;

  School school;
  long a6;
  long a9;
  long an;
  long binh;
  long cuong;
  long dung;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          a6 =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 6, "6A1", null, "P.101", null));
          a9 =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 9, "9A1", null, "P.301", null));
          an = student("Nguyễn Văn An");
          binh = student("Trần Thị Bình");
          cuong = student("Lê Văn Cường");
          dung = student("Phạm Thị Dung");
          LocalDate opening = LocalDate.of(2026, 9, 5);
          classes.enrol(school.id(), a6, an, opening);
          classes.enrol(school.id(), a6, binh, opening);
          classes.enrol(school.id(), a9, cuong, opening);
          classes.enrol(school.id(), a9, dung, opening);
        });
  }

  @Test
  void thePreviewWritesNothing() {
    Classes.RollOverPlan plan = classes.planRollOver(school.id(), 2026, Set.of(binh));
    assertThat(plan.count(RollOverRules.Decision.PROMOTE)).isEqualTo(1);
    assertThat(plan.count(RollOverRules.Decision.REPEAT)).isEqualTo(1);
    assertThat(plan.count(RollOverRules.Decision.COMPLETE)).isEqualTo(2);
    assertThat(plan.classes())
        .extracting(Classes.ClassMove::promotedName)
        .containsExactly("7A1", "10A1");
    assertThat(plan.nextYearExists()).isFalse();
    assertThat(org.years(school.id())).extracting(SchoolYear::startYear).containsExactly(2026);
  }

  @Test
  void rollsOverInOneGoAndKeepsLastYearIntact() {
    Classes.RollOverPlan plan =
        tx.execute(s -> classes.rollOver(school.id(), 2026, Set.of(binh, dung)));
    assertThat(plan.count(RollOverRules.Decision.PROMOTE)).isEqualTo(1);
    assertThat(plan.count(RollOverRules.Decision.REPEAT)).isEqualTo(2);
    assertThat(plan.count(RollOverRules.Decision.COMPLETE)).isEqualTo(1);

    SchoolYear next = org.currentYear(school.id()).orElseThrow();
    assertThat(next.startYear()).isEqualTo(2027);
    LocalDate firstDay = next.startsOn();
    assertThat(firstDay).isEqualTo(LocalDate.of(2027, 9, 5));
    List<Classes.SchoolClass> nextClasses = classes.classes(school.id(), 2027);
    assertThat(nextClasses)
        .extracting(Classes.SchoolClass::name)
        .containsExactly("6A1", "7A1", "9A1");
    assertThat(nextClasses).extracting(Classes.SchoolClass::grade).containsExactly(6, 7, 9);
    assertThat(nextClasses.get(1).room()).isEqualTo("P.101");

    assertThat(names(nextClasses.get(0).id(), firstDay)).containsExactly("Bình");
    assertThat(names(nextClasses.get(1).id(), firstDay)).containsExactly("An");
    assertThat(names(nextClasses.get(2).id(), firstDay)).containsExactly("Dung");
    // Last year's rosters are reproducible as they were.
    assertThat(names(a6, LAST_DAY)).containsExactly("An", "Bình");
    assertThat(names(a9, LAST_DAY)).containsExactly("Cường", "Dung");
    // The last grade leaves as having completed the level; the register says so.
    Classes.RegisterEntry cuongEntry = classes.registerEntry(school.id(), cuong).orElseThrow();
    assertThat(cuongEntry.leavingReason()).isEqualTo("COMPLETED");
    assertThat(cuongEntry.leftOn()).isEqualTo(LAST_DAY);
    assertThat(classes.classOf(school.id(), cuong, firstDay)).isEmpty();
    assertThat(classes.history(school.id(), an))
        .extracting(Classes.Movement::startReason, Classes.Movement::endReason)
        .containsExactly(tuple("ENROL", "YEAR_END"), tuple("PROMOTION", null));
    // Register numbers are not given again.
    assertThat(classes.registerEntry(school.id(), an).orElseThrow().registerNo())
        .isEqualTo(classes.register(school.id()).getFirst().registerNo());

    assertThatThrownBy(() -> tx.execute(s -> classes.rollOver(school.id(), 2026, Set.of())))
        .isInstanceOfSatisfying(
            UserInputException.class, e -> assertThat(e.messageKey()).isEqualTo("rollOver.done"));
  }

  @Test
  void aFailureHalfWayLeavesNothingBehind() {
    // Everything the roll-over wrote (a new year, classes, enrolments, the current year) goes with
    // a failure later in the same transaction.
    tx.executeWithoutResult(
        s -> {
          long old =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 8, "8B", null, null, null));
          classes.enrol(school.id(), old, student("Vũ Văn Em"), LocalDate.of(2026, 9, 5));
        });
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      classes.rollOver(school.id(), 2026, Set.of());
                      throw new IllegalStateException("fails after the roll-over's writes");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(org.currentYear(school.id()).orElseThrow().startYear()).isEqualTo(2026);
    assertThat(classes.classes(school.id(), 2026)).hasSize(3);
    assertThat(classes.classes(school.id(), 2027)).isEmpty();
    assertThat(org.years(school.id())).hasSize(1);
    assertThat(names(a6, LocalDate.of(2027, 9, 10))).containsExactly("An", "Bình");
  }

  @Test
  void thePrincipalPreviewsMarksARepeaterAndConfirms() throws Exception {
    var principal =
        UsernamePasswordAuthenticationToken.authenticated(
            new AuthenticatedUser(
                accounts.create(school, Role.PRINCIPAL, "HT", "Hieu-Truong-2026-y", false).id(),
                "ht",
                "HT",
                ""),
            null,
            List.of(new SimpleGrantedAuthority("ROLE_USER")));
    var auth = SecurityMockMvcRequestPostProcessors.authentication(principal);
    var csrf = SecurityMockMvcRequestPostProcessors.csrf();
    String preview =
        mvc.perform(
                MockMvcRequestBuilders.post("/schools/{s}/roll-over", school.id())
                    .param("repeat", Long.toString(binh))
                    .param("confirm", "false")
                    .with(csrf)
                    .with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview)
        .contains("Lên lớp: 1 học sinh; ở lại lớp: 1; hoàn thành cấp học: 2")
        .contains("Ở lại lớp 6A1")
        .contains("Lên lớp 7A1");
    assertThat(classes.classes(school.id(), 2027)).isEmpty();

    String location =
        mvc.perform(
                MockMvcRequestBuilders.post("/schools/{s}/roll-over", school.id())
                    .param("repeat", Long.toString(binh))
                    .param("confirm", "true")
                    .with(csrf)
                    .with(auth))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).isEqualTo("/schools/" + school.id() + "/classes");
    assertThat(classes.classes(school.id(), 2027))
        .extracting(Classes.SchoolClass::name)
        .containsExactly("6A1", "7A1");
  }

  private List<String> names(long classId, LocalDate on) {
    return classes.roster(school.id(), classId, on).stream().map(s -> s.name().given()).toList();
  }

  private long student(String name) {
    PersonName n = PersonName.parse(name);
    return people.addStudent(
        school.id(),
        new People.NewStudent(
            n,
            LocalDate.of(2012, 3, 1),
            n.middle().equals("Thị") ? Sex.F : Sex.M,
            "01",
            null,
            null));
  }
}
