package vn.truongso.enrolment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Recording a student's movements from the pages: the homeroom teacher of the class, the office and
 * the school's leaders may (seed 000 art. 7.1: "Cập nhật đầy đủ thông tin học sinh chuyển đến,
 * chuyển đi, bỏ học"); dates are typed dd/mm/yyyy.
 */
@Service
public class StudentMovements {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final Classes classes;
  private final Authorization authorization;
  private final Clock clock;

  StudentMovements(Classes classes, Authorization authorization, Clock clock) {
    this.classes = classes;
    this.authorization = authorization;
    this.clock = clock;
  }

  public boolean mayRecord(long schoolId, long studentId) {
    return authorization.permits(Action.RECORD_MOVEMENT, target(schoolId, studentId));
  }

  @Transactional
  public void changeClass(long schoolId, long studentId, long toClassId, String on, String note) {
    require(schoolId, studentId);
    classes.changeClass(schoolId, studentId, toClassId, day(on), note);
  }

  @Transactional
  public void dropOut(long schoolId, long studentId, String on, String reason) {
    require(schoolId, studentId);
    classes.dropOut(schoolId, studentId, day(on), reason);
  }

  @Transactional
  public void transferOut(
      long schoolId, long studentId, String on, String destination, String reason) {
    require(schoolId, studentId);
    classes.transferOut(schoolId, studentId, day(on), destination, reason);
  }

  @Transactional
  public void returnAfterDropOut(long schoolId, long studentId, long classId, String on) {
    // A student who dropped out is in no class: the school-wide right decides.
    if (!authorization.permits(
        Action.RECORD_MOVEMENT, Target.student(schoolId, classId, studentId))) {
      throw new NotFoundException("student");
    }
    classes.returnAfterDropOut(schoolId, studentId, classId, day(on));
  }

  /** The other classes of the student's year, for the class-change picker. */
  @Transactional(readOnly = true)
  public List<Classes.SchoolClass> classesOfYear(long schoolId, int startYear) {
    return classes.classes(schoolId, startYear);
  }

  private void require(long schoolId, long studentId) {
    if (!mayRecord(schoolId, studentId)) {
      throw new NotFoundException("student");
    }
  }

  private Target target(long schoolId, long studentId) {
    Long classId = classes.classOf(schoolId, studentId, LocalDate.now(clock)).orElse(null);
    return Target.student(schoolId, classId, studentId);
  }

  private static LocalDate day(String value) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip(), DAY);
    } catch (DateTimeParseException e) {
      throw new UserInputException("on", "movement.dateInvalid");
    }
  }
}
