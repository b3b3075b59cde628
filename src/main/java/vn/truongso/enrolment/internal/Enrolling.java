package vn.truongso.enrolment.internal;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.AgeBand;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Opening a class of the current year (MANAGE_CLASSES) and enrolling one new student into a class,
 * possibly as a transfer in from a school outside TruongSo (ENROL_STUDENTS); each in one
 * transaction.
 */
@Service
public class Enrolling {

  private final Classes classes;
  private final People people;
  private final Organisation org;
  private final Authorization authorization;

  Enrolling(Classes classes, People people, Organisation org, Authorization authorization) {
    this.classes = classes;
    this.people = people;
    this.org = org;
    this.authorization = authorization;
  }

  /** A class form as typed. */
  public record ClassForm(
      String grade,
      String name,
      String homeroomStaffId,
      String room,
      String shift,
      String ageFrom,
      String ageTo) {}

  /** A new student as typed, with the first day in the class and, for a transfer in, the school. */
  public record StudentForm(
      String familyName,
      String middleName,
      String givenName,
      String birthDate,
      String sex,
      String ethnicityCode,
      String personalId,
      String studentCode,
      String from,
      String fromSchool) {}

  public boolean mayManageClasses(long schoolId) {
    return authorization.permits(Action.MANAGE_CLASSES, Target.school(schoolId));
  }

  @Transactional(readOnly = true)
  public List<People.StaffMember> teachers(long schoolId) {
    requireManage(schoolId);
    return people.staffOf(schoolId);
  }

  @Transactional
  public long createClass(long schoolId, ClassForm f) {
    requireManage(schoolId);
    School school = org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    SchoolYear year =
        org.currentYear(schoolId)
            .orElseThrow(() -> new UserInputException("grade", "rollOver.noYear"));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Integer grade = null;
    try {
      grade = Integer.valueOf(f.grade() == null ? "" : f.grade().strip());
    } catch (NumberFormatException e) {
      errors.add("grade", "class.gradeInvalid");
    }
    if (grade != null) {
      int g = grade;
      if (school.levels().stream().noneMatch(l -> l.hasGrade(g))) {
        errors.add("grade", "class.gradeInvalid");
      }
    }
    String name = f.name() == null ? "" : f.name().strip();
    if (name.isEmpty() || name.length() > 30) {
      errors.add("name", "class.nameRequired");
    }
    Long homeroom = null;
    if (f.homeroomStaffId() != null && !f.homeroomStaffId().isBlank()) {
      try {
        homeroom = Long.valueOf(f.homeroomStaffId().strip());
      } catch (NumberFormatException e) {
        errors.add("homeroomStaffId", "class.homeroomUnknown");
      }
    }
    String room = f.room() == null || f.room().isBlank() ? null : f.room().strip();
    if (room != null && room.length() > 30) {
      errors.add("room", "profile.text.tooLong", 30);
    }
    Classes.Shift shift = null;
    if (f.shift() != null && !f.shift().isBlank()) {
      try {
        shift = Classes.Shift.valueOf(f.shift());
      } catch (IllegalArgumentException e) {
        errors.add("shift", "class.shiftInvalid");
      }
    }
    AgeBand[] bands = ageBands(f, grade, errors);
    errors.throwIfAny();
    try {
      return classes.createClass(
          schoolId,
          new Classes.NewClass(
              year.startYear(), grade, name, homeroom, room, shift, bands[0], bands[1]));
    } catch (DuplicateKeyException e) {
      throw new InvalidInput(
          List.of(new InvalidInput.FieldError("name", "class.nameTaken", List.of(name))));
    } catch (UserInputException e) {
      throw new InvalidInput(
          List.of(new InvalidInput.FieldError(e.field(), e.messageKey(), List.of(e.args()))));
    }
  }

  /**
   * A kindergarten group's band, or the youngest and oldest of a mixed-age group; the last alone
   * means one band. Required for a group, refused for a class of grades 1–12.
   */
  private static AgeBand[] ageBands(ClassForm f, Integer grade, InvalidInput.Collector errors) {
    AgeBand from = band(f.ageFrom());
    AgeBand to = f.ageTo() == null || f.ageTo().isBlank() ? from : band(f.ageTo());
    boolean typed = (f.ageFrom() != null && !f.ageFrom().isBlank());
    if (grade == null) {
      return new AgeBand[2];
    }
    if (grade != 0) {
      if (typed) {
        errors.add("ageFrom", "class.ageBandInvalid");
      }
      return new AgeBand[2];
    }
    if (from == null || to == null || from.compareTo(to) > 0) {
      errors.add("ageFrom", from == null ? "class.ageBandRequired" : "class.ageBandInvalid");
      return new AgeBand[2];
    }
    return new AgeBand[] {from, to};
  }

  private static AgeBand band(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return AgeBand.valueOf(code.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Transactional
  public long enrolNew(long schoolId, long classId, StudentForm f) {
    if (!authorization.permits(Action.ENROL_STUDENTS, Target.school(schoolId))) {
      throw new NotFoundException("class");
    }
    if (classes.schoolClass(schoolId, classId).isEmpty()) {
      throw new NotFoundException("class");
    }
    java.time.LocalDate from;
    try {
      from = StudentMovements.day(f.from());
    } catch (UserInputException e) {
      throw new InvalidInput(
          List.of(new InvalidInput.FieldError("from", "movement.dateInvalid", List.of())));
    }
    long id =
        people.addStudent(
            schoolId,
            ProfileUpdate.newStudent(
                    f.familyName(),
                    f.middleName(),
                    f.givenName(),
                    f.birthDate(),
                    f.sex(),
                    f.ethnicityCode())
                .ids(f.personalId(), f.studentCode())
                .build());
    if (f.fromSchool() != null && !f.fromSchool().isBlank()) {
      classes.enrolTransferIn(schoolId, classId, id, from, f.fromSchool());
    } else {
      classes.enrol(schoolId, classId, id, from);
    }
    return id;
  }

  private void requireManage(long schoolId) {
    if (!mayManageClasses(schoolId)) {
      throw new NotFoundException("school");
    }
  }
}
