package vn.truongso.enrolment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * Opening a student's full profile: allowed to the school's leaders, the homeroom teacher of the
 * student's class, the student's guardian and the student; every opening by staff is written to the
 * audit log (children's data is sensitive, Law 91/2025/QH15).
 */
@Service
public class StudentProfiles {

  private final People people;
  private final Classes classes;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  StudentProfiles(
      People people, Classes classes, Authorization authorization, AuditLog audit, Clock clock) {
    this.people = people;
    this.classes = classes;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Profile open(long schoolId, long studentId) {
    People.Student student =
        people.student(schoolId, studentId).orElseThrow(() -> new NotFoundException("student"));
    Optional<Long> classId = classes.classOf(schoolId, studentId, LocalDate.now(clock));
    Target target = Target.student(schoolId, classId.orElse(null), studentId);
    boolean staff = authorization.permits(Action.VIEW_STUDENT_PROFILE, target);
    boolean family =
        authorization.permits(Action.VIEW_OWN_CHILD, target)
            || authorization.permits(Action.VIEW_OWN_RECORD, target);
    if (!staff && !family) {
      throw new NotFoundException("student");
    }
    if (staff) {
      audit.record(AuditEvent.of(schoolId, "people.profile.view", "student", studentId));
    }
    return new Profile(
        student,
        classId.flatMap(id -> classes.schoolClass(schoolId, id)).orElse(null),
        people.guardiansOf(schoolId, studentId));
  }

  public record Profile(
      People.Student student, Classes.SchoolClass schoolClass, List<People.Guardian> guardians) {}
}
