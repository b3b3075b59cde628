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
 * the school's leaders may (DH-QT art. 7: "Cập nhật đầy đủ thông tin học sinh chuyển đến, chuyển
 * đi, bỏ học"); dates are typed dd/mm/yyyy.
 */
@Service
public class StudentMovements {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final Classes classes;
  private final Authorization authorization;
  private final Clock clock;
  private final vn.truongso.org.Organisation org;

  StudentMovements(
      Classes classes, Authorization authorization, Clock clock, vn.truongso.org.Organisation org) {
    this.org = org;
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

  /**
   * To a school outside TruongSo, named in words; or, with a school code, to a school on TruongSo,
   * which is then asked to accept the student with their history.
   */
  @Transactional
  public void transferOut(
      long schoolId,
      long studentId,
      String on,
      String destination,
      String toSchoolCode,
      String reason) {
    require(schoolId, studentId);
    if (toSchoolCode != null && !toSchoolCode.isBlank()) {
      long toSchool =
          org.schoolByCode(toSchoolCode.strip())
              .filter(s -> s.id() != schoolId)
              .map(vn.truongso.org.School::id)
              .orElseThrow(() -> new UserInputException("toSchool", "transfer.schoolUnknown"));
      if (reason == null || reason.isBlank()) {
        throw new UserInputException("reason", "movement.required");
      }
      classes.transferOutTo(schoolId, studentId, day(on), toSchool, reason);
    } else {
      classes.transferOut(schoolId, studentId, day(on), destination, reason);
    }
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

  static LocalDate day(String value) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip(), DAY);
    } catch (DateTimeParseException e) {
      throw new UserInputException("on", "movement.dateInvalid");
    }
  }
}
