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

  /**
   * The student leaves for another school on TruongSo from {@code on}: recorded as a transfer out,
   * and the receiving school is asked to accept. Returns the request's id.
   */
  long transferOutTo(long schoolId, long studentId, LocalDate on, long toSchoolId, String reason);

  /** Transfers waiting for this school to accept. */
  List<TransferRequest> pendingTransfersTo(long schoolId);

  /** Transfers recorded for this student of the sending school, newest first. */
  List<TransferRequest> transfersOf(long schoolId, long studentId);

  /**
   * The receiving school takes the student into a class from {@code on}: a record of its own with
   * the profile, photo and guardians, a new register number, and the previous school's history
   * linked. Returns the new student id.
   */
  long acceptTransfer(long schoolId, long requestId, long classId, LocalDate on);

  void declineTransfer(long schoolId, long requestId, String note);

  /** The student's classes at earlier schools on TruongSo, the most recent school first. */
  List<PriorSchool> priorSchools(long schoolId, long studentId);

  record TransferRequest(
      long id,
      long fromSchoolId,
      String fromSchoolName,
      People.Student student,
      long toSchoolId,
      String toSchoolName,
      LocalDate leavesOn,
      String reason,
      String status,
      String decisionNote,
      Long newStudentId) {}

  record PriorSchool(
      long schoolId, String schoolName, RegisterEntry register, List<Movement> history) {}

  /** Every enrolment of a student at the school, oldest first. */
  List<Movement> history(long schoolId, long studentId);

  /** The school's enrolment register (sổ đăng bộ), by register number. */
  List<RegisterEntry> register(long schoolId);

  Optional<RegisterEntry> registerEntry(long schoolId, long studentId);

  /**
   * The lines of the students admitted in the school year starting in {@code startYear} (their
   * first class at the school is of that year), by register number: the cohort's bound register.
   * Only whoever prints the school's books reads it.
   *
   * @throws org.springframework.security.access.AccessDeniedException to anyone else
   */
  List<RegisterEntry> registerOfCohort(long schoolId, int startYear);

  Optional<SchoolClass> schoolClass(long schoolId, long classId);

  /** Classes of a school year, by grade and name. */
  List<SchoolClass> classes(long schoolId, int startYear);

  /** Who was in the class on that day, sorted the Vietnamese way. */
  List<People.Student> roster(long schoolId, long classId, LocalDate on);

  /**
   * Who left the school from the class before {@code until} (transferred out or dropped out) and
   * was not back in it on that day, sorted the Vietnamese way: their records stop at {@code
   * leftOn}, the first day they were no longer in the class.
   */
  List<Leaver> leavers(long schoolId, long classId, LocalDate until);

  /** {@code reason}: {@code TRANSFER_OUT} or {@code DROP_OUT}. */
  record Leaver(People.Student student, LocalDate leftOn, String reason) {}

  Optional<Long> classOf(long schoolId, long studentId, LocalDate on);

  int countStudents(long schoolId, int startYear, LocalDate on);

  /**
   * What moving the school from {@code fromYear} into the next year would do, class by class and
   * student by student; nothing is written. {@code repeaters}: the students not promoted.
   */
  RollOverPlan planRollOver(long schoolId, int fromYear, java.util.Set<Long> repeaters);

  /**
   * Carries the plan out in the caller's transaction: next year's classes, every student's
   * enrolment closed on the year's last day and opened on the next year's first day, the last
   * grade's students leave as having completed the level. Refused when already done.
   */
  RollOverPlan rollOver(long schoolId, int fromYear, java.util.Set<Long> repeaters);

  /**
   * Biến động sĩ số: per class of the year, for the days from {@code first} to {@code last}: how
   * many at the start, in, out (transfers and class changes), dropped out, at the end.
   */
  List<SizeChange> sizeChanges(long schoolId, int startYear, LocalDate first, LocalDate last);

  /** Counts by sex and ethnicity: all, girls, ethnic minorities (not Kinh), minority girls. */
  record SizeCounts(int total, int female, int minority, int femaleMinority) {
    public SizeCounts plus(SizeCounts o) {
      return new SizeCounts(
          total + o.total,
          female + o.female,
          minority + o.minority,
          femaleMinority + o.femaleMinority);
    }
  }

  record SizeChange(
      long classId,
      String className,
      int grade,
      SizeCounts start,
      SizeCounts in,
      SizeCounts out,
      SizeCounts droppedOut,
      SizeCounts end) {}

  record RollOverPlan(
      int fromYear,
      int toYear,
      LocalDate lastDay,
      LocalDate firstDay,
      boolean nextYearExists,
      List<ClassMove> classes) {
    public long count(RollOverRules.Decision decision) {
      return classes.stream()
          .flatMap(c -> c.students().stream())
          .filter(s -> s.decision() == decision)
          .count();
    }
  }

  /**
   * One class of this year: where its promoted students go (null name: not named after its grade,
   * so not rolled over) and each student's decision.
   */
  record ClassMove(SchoolClass from, String promotedName, List<StudentMove> students) {}

  record StudentMove(People.Student student, RollOverRules.Decision decision, String toClass) {}

  /** A new class; a kindergarten group also names its age band, or the run of a mixed group. */
  record NewClass(
      int startYear,
      int grade,
      String name,
      Long homeroomStaffId,
      String room,
      Shift shift,
      AgeBand ageFrom,
      AgeBand ageTo) {

    public NewClass(
        int startYear, int grade, String name, Long homeroomStaffId, String room, Shift shift) {
      this(startYear, grade, name, homeroomStaffId, room, shift, null, null);
    }
  }

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
      int size,
      AgeBand ageFrom,
      AgeBand ageTo) {

    /** The group's age bands, youngest first: none for a class of grades 1–12. */
    public java.util.List<AgeBand> ageBands() {
      return ageFrom == null || ageTo == null
          ? java.util.List.of()
          : java.util.Arrays.stream(AgeBand.values())
              .filter(b -> b.compareTo(ageFrom) >= 0 && b.compareTo(ageTo) <= 0)
              .toList();
    }
  }

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
