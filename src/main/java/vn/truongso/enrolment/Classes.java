package vn.truongso.enrolment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.truongso.people.People;

/** The enrolment module's door: classes, enrolments and rosters. */
public interface Classes {

  long createClass(long schoolId, NewClass newClass);

  void enrol(long schoolId, long classId, long studentId, LocalDate from);

  Optional<SchoolClass> schoolClass(long schoolId, long classId);

  /** Classes of a school year, by grade and name. */
  List<SchoolClass> classes(long schoolId, int startYear);

  /** Who was in the class on that day, sorted the Vietnamese way. */
  List<People.Student> roster(long schoolId, long classId, LocalDate on);

  Optional<Long> classOf(long schoolId, long studentId, LocalDate on);

  int countStudents(long schoolId, int startYear, LocalDate on);

  record NewClass(
      int startYear, int grade, String name, Long homeroomStaffId, String room, Shift shift) {}

  record SchoolClass(
      long schoolId,
      long id,
      int startYear,
      int grade,
      String name,
      Long homeroomStaffId,
      String homeroomName,
      String room,
      Shift shift,
      int size) {}

  /** Ca học. */
  enum Shift {
    MORNING,
    AFTERNOON,
    FULL_DAY
  }
}
