package vn.truongso.enrolment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.truongso.people.People;

/** The enrolment module's door: classes, enrolments and rosters. */
public interface Classes {

  long createClass(long schoolId, NewClass newClass);

  void enrol(long schoolId, long classId, long studentId, LocalDate from);

  /** A student who comes from another school: a new register number, enrolled from that day. */
  void enrolTransferIn(
      long schoolId, long classId, long studentId, LocalDate from, String fromSchool);

  /** Moves a student to another class of the same year from {@code on}; the old row is closed. */
  void changeClass(long schoolId, long studentId, long toClassId, LocalDate on, String note);

  /** The student stops coming to school from {@code on} (bỏ học). */
  void dropOut(long schoolId, long studentId, LocalDate on, String reason);

  /** A student who dropped out comes back, into a class, from {@code on}. */
  void returnAfterDropOut(long schoolId, long studentId, long classId, LocalDate on);

  /** The student leaves for another school from {@code on} (chuyển đi). */
  void transferOut(long schoolId, long studentId, LocalDate on, String destination, String reason);

  /** Every enrolment of a student at the school, oldest first. */
  List<Movement> history(long schoolId, long studentId);

  /** The school's enrolment register (sổ đăng bộ), by register number. */
  List<RegisterEntry> register(long schoolId);

  Optional<RegisterEntry> registerEntry(long schoolId, long studentId);

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

  /** One enrolment in a class: when it began and why, when it ended and why. */
  record Movement(
      long classId,
      String className,
      int startYear,
      LocalDate startsOn,
      String startReason,
      LocalDate endsOn,
      String endReason,
      String note) {}

  /** A line of the enrolment register. */
  record RegisterEntry(
      int registerNo,
      long studentId,
      LocalDate enrolledOn,
      LocalDate leftOn,
      String leavingReason,
      String leavingNote,
      String destination) {}

  /** Ca học. */
  enum Shift {
    MORNING,
    AFTERNOON,
    FULL_DAY
  }
}
