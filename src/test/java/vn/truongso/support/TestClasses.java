package vn.truongso.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;

/**
 * A class of the 2026–27 year in a school of its own, with students enrolled from the first day, a
 * subject teacher assigned to one subject and a homeroom teacher.
 */
@Component
public class TestClasses {

  public static final LocalDate OPENING = LocalDate.of(2026, 9, 5);
  public static final String PASSWORD = "Giao-Vien-2026-ok";
  private static final String[][] NAMES = {
    {"Nguyễn", "Văn", "An"},
    {"Trần", "Thị", "Bình"},
    {"Lê", "Minh", "Châu"},
    {"Phạm", "Quốc", "Dũng"},
    {"Hoàng", "Thu", "Hà"},
    {"Vũ", "Đức", "Khang"},
    {"Đặng", "Ngọc", "Lan"},
    {"Bùi", "Gia", "Minh"}
  };

  private final TestOrg testOrg;
  private final Classes classes;
  private final People people;
  private final Provisioning provisioning;
  private final TransactionTemplate tx;

  public TestClasses(
      TestOrg testOrg,
      Classes classes,
      People people,
      Provisioning provisioning,
      TransactionTemplate tx) {
    this.testOrg = testOrg;
    this.classes = classes;
    this.people = people;
    this.provisioning = provisioning;
    this.tx = tx;
  }

  public record Taught(
      School school,
      long classId,
      String subject,
      List<Long> students,
      TestAccounts.Created subjectTeacher,
      TestAccounts.Created homeroomTeacher) {}

  /** A grade-{@code grade} class of {@code size} students (at most 8), taught {@code subject}. */
  public Taught taught(int grade, String subject, int size) {
    return taught(grade, subject, size, 2026);
  }

  /** The same in the school year starting in {@code startYear} (a past year's circular). */
  public Taught taught(int grade, String subject, int size, int startYear) {
    School school = testOrg.school();
    if (startYear != 2026) {
      testOrg.addYear(school, startYear);
    }
    return taught(school, grade, subject, size, startYear);
  }

  /**
   * A class of 2026–27 in {@code school} (a primary class, a kindergarten group of grade 0); no
   * subject teacher when {@code subject} is null.
   */
  public Taught taughtIn(School school, int grade, String subject, int size) {
    return taught(school, grade, subject, size, 2026);
  }

  /** A second class of the grade in the same school, by its name. */
  public Taught taughtIn(School school, int grade, String name, String subject, int size) {
    return taught(school, grade, name, subject, size, 2026);
  }

  private Taught taught(School school, int grade, String subject, int size, int startYear) {
    return taught(school, grade, grade + "A1", subject, size, startYear);
  }

  private Taught taught(
      School school, int grade, String name, String subject, int size, int startYear) {
    return tx.execute(
        s -> {
          long classId =
              classes.createClass(
                  school.id(), new Classes.NewClass(startYear, grade, name, null, null, null));
          List<Long> students = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            String[] n = NAMES[i];
            long id =
                people.addStudent(
                    school.id(),
                    new People.NewStudent(
                        new PersonName(n[0], n[1], n[2]),
                        LocalDate.of(startYear - grade - 6, 1 + i, 10),
                        i % 2 == 0 ? Sex.M : Sex.F,
                        "01",
                        null,
                        null));
            classes.enrol(school.id(), classId, id, OPENING.withYear(startYear));
            students.add(id);
          }
          TestAccounts.Created teacher =
              subject == null
                  ? null
                  : account(
                      school,
                      "Cô Nguyễn Thị Toán",
                      Role.SUBJECT_TEACHER,
                      new Provisioning.Scope(school.id(), classId, subject, startYear, null));
          TestAccounts.Created homeroom =
              account(
                  school,
                  "Thầy Trần Văn Chủ Nhiệm",
                  Role.HOMEROOM_TEACHER,
                  new Provisioning.Scope(school.id(), classId, null, startYear, null));
          return new Taught(school, classId, subject, students, teacher, homeroom);
        });
  }

  /** Another account teaching {@code subject} in the same class (a second tab, a colleague). */
  public TestAccounts.Created anotherTeacher(Taught t, String subject) {
    return tx.execute(
        s ->
            account(
                t.school(),
                "Thầy Lê Văn Khác",
                Role.SUBJECT_TEACHER,
                new Provisioning.Scope(t.school().id(), t.classId(), subject, 2026, null)));
  }

  /** A teacher on the school's staff with an account linked to the profile and no role at all. */
  public StaffAccount staffTeacher(School school, String family, String middle, String given) {
    return tx.execute(
        s -> {
          long staffId =
              people.addStaff(
                  school.id(),
                  new People.NewStaff(
                      new PersonName(family, middle, given),
                      LocalDate.of(1985, 3, 14),
                      Sex.F,
                      "01",
                      null,
                      null,
                      null,
                      "TEACHER",
                      "TU_NHIEN",
                      "toan"));
          String username = TestOrg.unique("gv");
          long id =
              provisioning.createAccount(
                  username, family + " " + middle + " " + given, PASSWORD, school.id(), false);
          provisioning.linkProfile(id, Provisioning.ProfileKind.STAFF, school.id(), staffId);
          return new StaffAccount(staffId, new TestAccounts.Created(id, username));
        });
  }

  public record StaffAccount(long staffId, TestAccounts.Created account) {}

  private TestAccounts.Created account(
      School school, String name, Role role, Provisioning.Scope scope) {
    String username = TestOrg.unique(role.name().toLowerCase().replace('_', '.'));
    long id = provisioning.createAccount(username, name, PASSWORD, school.id(), false);
    provisioning.grant(id, role, school.id(), scope);
    return new TestAccounts.Created(id, username);
  }
}
