package vn.truongso.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.FinishedYears;
import vn.truongso.org.School;

/**
 * Last year's 9A1 at the lower-secondary school: a class that finished the level in May, its year
 * entered, approved by the principal and rolled over (its students completed lower secondary), so
 * that a newcomer finds a học bạ ready for the homeroom teacher to sign and the principal to seal.
 */
final class LastYearDemo {

  static final int YEAR = DemoData.CURRENT_YEAR - 1;
  static final String CLASS_NAME = "9A1";
  private static final LocalDate FIRST_DAY = LocalDate.of(YEAR, 9, 5);
  private static final Instant APPROVED =
      LocalDateTime.of(YEAR + 1, 5, 25, 9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();

  private final DemoPeople demo;
  private final Classes classes;
  private final FinishedYears finished;
  private final SecondaryDemo secondary;
  // Seeded: the demo's marks are the same on every machine.
  private final Random random = new Random(YEAR);

  LastYearDemo(DemoPeople demo, Classes classes, FinishedYears finished, SecondaryDemo secondary) {
    this.demo = demo;
    this.classes = classes;
    this.finished = finished;
    this.secondary = secondary;
  }

  /** Builds the class with {@code size} students, its approved year; answers the class. */
  long build(School school, SecondaryDemo.Built built, int size) {
    // The literature teacher (thcs.gvcn) had last year's 9A1 before this year's 6A1.
    long homeroomStaff = built.teachers().staff().get("ngu_van");
    long homeroomAccount = built.teachers().accounts().get("ngu_van");
    long classId =
        classes.createClass(
            school.id(),
            new Classes.NewClass(
                YEAR, 9, CLASS_NAME, homeroomStaff, "P.191", Classes.Shift.MORNING));
    demo.homeroom(homeroomAccount, school, classId, YEAR);
    secondary.assignEverySubject(school, classId, built.teachers());
    List<Long> students = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      long student = demo.student(school, YEAR - 14);
      classes.enrol(school.id(), classId, student, FIRST_DAY);
      students.add(student);
    }
    finished.bringIn(
        school.id(),
        classId,
        year(
            finished.sheets(school.id(), classId),
            students,
            homeroomAccount,
            demo.accountName(homeroomAccount),
            built.principalAccount()));
    classes.rollOver(school.id(), YEAR, Set.of());
    return classId;
  }

  private FinishedYears.Year year(
      List<FinishedYears.Sheet> sheets,
      List<Long> students,
      long homeroom,
      String homeroomName,
      long principal) {
    List<FinishedYears.Cell> cells = new ArrayList<>();
    List<FinishedYears.Conduct> conduct = new ArrayList<>();
    List<FinishedYears.Absences> absences = new ArrayList<>();
    for (long student : students) {
      // A student's level: scores around it, never below 5, so that everyone completes the level.
      double level = 6.0 + random.nextInt(7) * 0.5;
      for (FinishedYears.Sheet sheet : sheets) {
        for (int term = 1; term <= 2; term++) {
          for (Slot slot : sheet.columns()) {
            cells.add(
                new FinishedYears.Cell(
                    student, sheet.subject(), term, slot, mark(sheet.kind(), level)));
          }
        }
      }
      Level conductLevel = level >= 7.5 ? Level.TOT : Level.KHA;
      conduct.add(new FinishedYears.Conduct(student, Period.HK1, conductLevel));
      conduct.add(new FinishedYears.Conduct(student, Period.HK2, conductLevel));
      for (int term = 1; term <= 2; term++) {
        absences.add(
            new FinishedYears.Absences(student, term, random.nextInt(4), random.nextInt(2)));
      }
    }
    return new FinishedYears.Year(
        cells, conduct, absences, homeroom, homeroomName, principal, APPROVED);
  }

  private Mark mark(SubjectKind kind, double level) {
    if (kind == SubjectKind.COMMENT) {
      return Comment.DAT;
    }
    double v = Math.max(5.0, Math.min(10.0, level + (random.nextInt(5) - 2) * 0.5));
    return new Score(BigDecimal.valueOf(v).setScale(1));
  }
}
