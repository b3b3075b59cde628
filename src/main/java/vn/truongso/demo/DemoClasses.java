package vn.truongso.demo;

import java.time.LocalDate;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.School;

/**
 * How every level's demo school opens its classes: in the demo year, each with its homeroom teacher
 * and room, the students enrolled on the year's first school day.
 */
final class DemoClasses {

  /** The first school day of the demo year: every demo student is enrolled from it. */
  static final LocalDate FIRST_DAY = LocalDate.of(DemoData.CURRENT_YEAR, 9, 5);

  private DemoClasses() {}

  /** Opens a class of the demo year; answers its id. */
  static long open(
      Classes classes,
      School school,
      int grade,
      String name,
      long homeroomTeacher,
      String room,
      Classes.Shift shift) {
    return classes.createClass(
        school.id(),
        new Classes.NewClass(DemoData.CURRENT_YEAR, grade, name, homeroomTeacher, room, shift));
  }

  /** Enrols a student in the class from the year's first school day. */
  static void enrol(Classes classes, School school, long classId, long student) {
    classes.enrol(school.id(), classId, student, FIRST_DAY);
  }
}
