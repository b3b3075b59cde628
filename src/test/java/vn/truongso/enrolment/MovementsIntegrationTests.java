package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.UserInputException;
import vn.truongso.support.TestOrg;

/**
 * Class changes, drop-outs, returns and transfers: every change is a dated row, so the roster of
 * any past day stays right, and register numbers are given once and never again.
 */
@SpringBootTest
class MovementsIntegrationTests {

  static final LocalDate OPENING = LocalDate.of(2026, 9, 5);

  @Autowired Classes classes;
  @Autowired People people;
  @Autowired TestOrg testOrg;
  @Autowired TransactionTemplate tx;

  School school;
  long a1;
  long a2;
  long an;
  long binh;

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
          an = student("Nguyễn Văn An");
          binh = student("Trần Thị Bình");
          classes.enrol(school.id(), a1, an, OPENING);
          classes.enrol(school.id(), a1, binh, OPENING);
        });
  }

  @Test
  void pastRostersStayRightThroughEveryMovement() {
    tx.executeWithoutResult(
        s -> {
          classes.changeClass(school.id(), an, a2, LocalDate.of(2026, 11, 1), "Cân đối sĩ số");
          classes.dropOut(
              school.id(), binh, LocalDate.of(2026, 12, 1), "Gia đình chuyển vào Nam làm ăn");
        });
    assertThat(names(a1, LocalDate.of(2026, 10, 31))).containsExactly("An", "Bình");
    assertThat(names(a1, LocalDate.of(2026, 11, 1))).containsExactly("Bình");
    assertThat(names(a2, LocalDate.of(2026, 11, 1))).containsExactly("An");
    assertThat(names(a1, LocalDate.of(2026, 11, 30))).containsExactly("Bình");
    assertThat(names(a1, LocalDate.of(2026, 12, 1))).isEmpty();

    tx.executeWithoutResult(
        s -> {
          classes.returnAfterDropOut(school.id(), binh, a1, LocalDate.of(2027, 1, 5));
          classes.transferOut(
              school.id(),
              an,
              LocalDate.of(2027, 1, 10),
              "Trường THCS Lê Lợi, phường Hải An",
              "Chuyển nơi ở");
        });
    assertThat(names(a1, LocalDate.of(2027, 1, 5))).containsExactly("Bình");
    assertThat(names(a2, LocalDate.of(2027, 1, 9))).containsExactly("An");
    assertThat(names(a2, LocalDate.of(2027, 1, 10))).isEmpty();
    // Looking back still shows the autumn as it was.
    assertThat(names(a1, LocalDate.of(2026, 10, 1))).containsExactly("An", "Bình");

    assertThat(classes.history(school.id(), an))
        .extracting(
            Classes.Movement::className, Classes.Movement::startReason, Classes.Movement::endReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("6A1", "ENROL", "CLASS_CHANGE"),
            org.assertj.core.groups.Tuple.tuple("6A2", "CLASS_CHANGE", "TRANSFER_OUT"));
  }

  @Test
  void registerNumbersAreGivenOnceAndNeverReused() {
    int anNo = classes.registerEntry(school.id(), an).orElseThrow().registerNo();
    int binhNo = classes.registerEntry(school.id(), binh).orElseThrow().registerNo();
    assertThat(List.of(anNo, binhNo)).containsExactly(1, 2);

    tx.executeWithoutResult(
        s -> {
          classes.transferOut(
              school.id(), an, LocalDate.of(2026, 10, 1), "Trường THCS Lê Lợi", "Chuyển nơi ở");
          classes.changeClass(school.id(), binh, a2, LocalDate.of(2026, 10, 1), null);
        });
    Classes.RegisterEntry left = classes.registerEntry(school.id(), an).orElseThrow();
    assertThat(left.registerNo()).isEqualTo(1);
    assertThat(left.leftOn()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(left.leavingReason()).isEqualTo("TRANSFER_OUT");
    assertThat(left.destination()).isEqualTo("Trường THCS Lê Lợi");
    assertThat(classes.registerEntry(school.id(), binh).orElseThrow().registerNo()).isEqualTo(2);

    long chi =
        tx.execute(
            s -> {
              long id = student("Lê Thị Chi");
              classes.enrolTransferIn(
                  school.id(), a1, id, LocalDate.of(2026, 10, 15), "Trường THCS Đằng Hải");
              return id;
            });
    assertThat(classes.registerEntry(school.id(), chi).orElseThrow().registerNo()).isEqualTo(3);
    assertThat(classes.register(school.id()))
        .extracting(Classes.RegisterEntry::registerNo)
        .containsExactly(1, 2, 3);
  }

  @Test
  void impossibleMovementsAreRefusedAndChangeNothing() {
    assertRefused(
        () -> classes.changeClass(school.id(), an, a2, OPENING, null), "movement.dateBeforeStart");
    assertRefused(
        () -> classes.dropOut(school.id(), an, LocalDate.of(2026, 12, 1), "  "),
        "movement.required");
    assertRefused(
        () -> classes.returnAfterDropOut(school.id(), an, a1, LocalDate.of(2027, 1, 1)),
        "movement.notDroppedOut");
    assertRefused(
        () -> classes.enrol(school.id(), a2, an, LocalDate.of(2026, 10, 1)),
        "enrolment.alreadyEnrolled");
    assertThat(names(a1, LocalDate.of(2026, 12, 2))).containsExactly("An", "Bình");
  }

  private void assertRefused(Runnable action, String key) {
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> action.run()))
        .isInstanceOfSatisfying(
            UserInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
  }

  private long student(String name) {
    PersonName n = PersonName.parse(name);
    return people.addStudent(
        school.id(),
        new People.NewStudent(
            n,
            LocalDate.of(2015, 4, 1),
            n.middle().equals("Thị") ? Sex.F : Sex.M,
            "01",
            null,
            null));
  }

  private List<String> names(long classId, LocalDate on) {
    return classes.roster(school.id(), classId, on).stream().map(s -> s.name().given()).toList();
  }
}
