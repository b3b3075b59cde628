package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.UserInputException;
import vn.truongso.support.ClassListFiles;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * A transfer between two schools on TruongSo: the sending school records it, the receiving school
 * accepts it, and the student arrives with profile, guardians and history; both schools' past
 * rosters stay right.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TransfersIntegrationTests {

  static final LocalDate OPENING = LocalDate.of(2026, 9, 5);
  static final LocalDate LEAVES = LocalDate.of(2026, 11, 2);

  @Autowired MockMvc mvc;
  @Autowired Classes classes;
  @Autowired People people;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired TransactionTemplate tx;

  School from;
  School to;
  long fromClass;
  long toClass;
  long an;
  String personalId;

  @BeforeEach
  void setUp() {
    from = testOrg.school();
    to = testOrg.school();
    personalId = ClassListFiles.personalId(LocalDate.of(2014, 3, 2), Sex.M);
    tx.executeWithoutResult(
        s -> {
          fromClass =
              classes.createClass(
                  from.id(), new Classes.NewClass(2026, 6, "6A1", null, null, null));
          toClass =
              classes.createClass(to.id(), new Classes.NewClass(2026, 6, "6A4", null, null, null));
          an =
              people.addStudent(
                  from.id(),
                  new People.NewStudent(
                      PersonName.parse("Nguyễn Văn An"),
                      LocalDate.of(2014, 3, 2),
                      Sex.M,
                      "01",
                      PersonalId.of(personalId),
                      null));
          people.addGuardianTo(
              from.id(),
              an,
              new People.GuardianUpdate("MOTHER", "Lê Thị Hằng", "1985", "", "0903123456", "", ""));
          classes.enrol(from.id(), fromClass, an, OPENING);
        });
  }

  @Test
  void theReceivingSchoolAcceptsAndTheHistoryComesAlong() throws Exception {
    Authentication clerkA =
        as(accounts.create(from, Role.CLERK, "Văn thư A", "Van-Thu-A-2026", false));
    mvc.perform(
            post("/schools/{s}/students/{id}/transfer-out", from.id(), an)
                .param("on", "02/11/2026")
                .param("toSchoolCode", to.code())
                .param("reason", "Gia đình chuyển nơi ở")
                .with(csrf())
                .with(authentication(clerkA)))
        .andExpect(status().is3xxRedirection());
    assertThat(classes.registerEntry(from.id(), an).orElseThrow().destination())
        .isEqualTo(to.name());

    Authentication clerkB =
        as(accounts.create(to, Role.CLERK, "Văn thư B", "Van-Thu-B-2026", false));
    String list =
        mvc.perform(get("/schools/{s}/transfers-in", to.id()).with(authentication(clerkB)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("Nguyễn Văn An").contains(from.name());
    // The sending school's clerk cannot accept for the other school.
    mvc.perform(get("/schools/{s}/transfers-in", to.id()).with(authentication(clerkA)))
        .andExpect(status().isNotFound());

    long requestId = classes.pendingTransfersTo(to.id()).getFirst().id();
    assertThatThrownBy(
            () ->
                tx.execute(
                    s -> classes.acceptTransfer(to.id(), requestId, toClass, LEAVES.minusDays(1))))
        .isInstanceOfSatisfying(
            UserInputException.class,
            e -> assertThat(e.messageKey()).isEqualTo("transfer.beforeLeaving"));

    String location =
        mvc.perform(
                post("/schools/{s}/transfers-in/{r}/accept", to.id(), requestId)
                    .param("classId", Long.toString(toClass))
                    .param("on", "03/11/2026")
                    .with(csrf())
                    .with(authentication(clerkB)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long newId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    People.Student arrived = people.student(to.id(), newId).orElseThrow();
    assertThat(arrived.personalId()).isEqualTo(PersonalId.of(personalId));
    assertThat(people.guardiansOf(to.id(), newId))
        .extracting(People.Guardian::fullName)
        .containsExactly("Lê Thị Hằng");
    assertThat(names(to.id(), toClass, LocalDate.of(2026, 11, 3))).containsExactly("An");
    assertThat(names(from.id(), fromClass, LocalDate.of(2026, 11, 1))).containsExactly("An");
    assertThat(names(from.id(), fromClass, LEAVES)).isEmpty();
    assertThat(classes.registerEntry(to.id(), newId).orElseThrow().registerNo()).isEqualTo(1);
    List<Classes.PriorSchool> prior = classes.priorSchools(to.id(), newId);
    assertThat(prior).extracting(Classes.PriorSchool::schoolName).containsExactly(from.name());
    assertThat(prior.getFirst().history())
        .extracting(Classes.Movement::className, Classes.Movement::endReason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("6A1", "TRANSFER_OUT"));
    assertThat(classes.transfersOf(from.id(), an).getFirst().status()).isEqualTo("ACCEPTED");

    // Accepting twice is refused.
    assertThatThrownBy(
            () -> tx.execute(s -> classes.acceptTransfer(to.id(), requestId, toClass, LEAVES)))
        .isInstanceOfSatisfying(
            UserInputException.class,
            e -> assertThat(e.messageKey()).isEqualTo("transfer.notPending"));
  }

  @Test
  void aDeclinedTransferShowsItsReasonToTheSendingSchool() {
    long requestId =
        tx.execute(s -> classes.transferOutTo(from.id(), an, LEAVES, to.id(), "Chuyển nơi ở"));
    tx.executeWithoutResult(s -> classes.declineTransfer(to.id(), requestId, "Lớp 6 đã đủ sĩ số"));
    Classes.TransferRequest t = classes.transfersOf(from.id(), an).getFirst();
    assertThat(t.status()).isEqualTo("DECLINED");
    assertThat(t.decisionNote()).isEqualTo("Lớp 6 đã đủ sĩ số");
    assertThat(classes.pendingTransfersTo(to.id())).isEmpty();
  }

  private List<String> names(long schoolId, long classId, LocalDate on) {
    return classes.roster(schoolId, classId, on).stream().map(s -> s.name().given()).toList();
  }

  private static Authentication as(TestAccounts.Created account) {
    return account.signedIn();
  }
}
