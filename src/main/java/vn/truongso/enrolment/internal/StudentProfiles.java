package vn.truongso.enrolment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * A student's profile, shown as much as the user may see (Law 91/2025/QH15: children's data is
 * sensitive): school leaders, the office and the homeroom teacher of the student's class see and
 * edit it all; the nurse sees the health-relevant fields; a guardian and the student see their own.
 * Every opening of a full profile by staff is written to the audit log.
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
    Target target = target(schoolId, studentId);
    boolean staff = authorization.permits(Action.VIEW_STUDENT_PROFILE, target);
    boolean family =
        authorization.permits(Action.VIEW_OWN_CHILD, target)
            || authorization.permits(Action.VIEW_OWN_RECORD, target);
    boolean health = authorization.permits(Action.VIEW_STUDENT_HEALTH, target);
    if (!staff && !family && !health) {
      throw new NotFoundException("student");
    }
    People.StudentProfile profile =
        people.profile(schoolId, studentId).orElseThrow(() -> new NotFoundException("student"));
    if (staff) {
      audit.record(AuditEvent.of(schoolId, "people.profile.view", "student", studentId));
    } else if (health) {
      audit.record(AuditEvent.of(schoolId, "people.profile.viewHealth", "student", studentId));
    }
    Visibility visibility = staff || family ? Visibility.FULL : Visibility.HEALTH;
    return new Profile(
        profile,
        visibility,
        target.classId() == null
            ? null
            : classes.schoolClass(schoolId, target.classId()).orElse(null),
        visibility == Visibility.FULL ? people.guardiansOf(schoolId, studentId) : List.of(),
        authorization.permits(Action.EDIT_STUDENT_PROFILE, target));
  }

  /** Whether the user may open the profile at all (after a movement it may be out of reach). */
  @Transactional(readOnly = true)
  public boolean mayView(long schoolId, long studentId) {
    Target target = target(schoolId, studentId);
    return authorization.permits(Action.VIEW_STUDENT_PROFILE, target)
        || authorization.permits(Action.VIEW_STUDENT_HEALTH, target);
  }

  /** For the edit form: the profile, if the user may edit it. */
  @Transactional(readOnly = true)
  public People.StudentProfile forEditing(long schoolId, long studentId) {
    requireEdit(schoolId, studentId);
    return people.profile(schoolId, studentId).orElseThrow(() -> new NotFoundException("student"));
  }

  @Transactional
  public void update(long schoolId, long studentId, ProfileUpdate update) {
    requireEdit(schoolId, studentId);
    people.updateProfile(schoolId, studentId, update);
  }

  @Transactional
  public void setPhoto(long schoolId, long studentId, byte[] upload) {
    requireEdit(schoolId, studentId);
    people.setPhoto(schoolId, studentId, upload);
  }

  // ---- Guardians: kept by whoever keeps the profile

  @Transactional(readOnly = true)
  public People.Guardian guardianForEditing(long schoolId, long studentId, long guardianId) {
    requireEdit(schoolId, studentId);
    return people
        .guardianOf(schoolId, studentId, guardianId)
        .orElseThrow(() -> new NotFoundException("guardian"));
  }

  @Transactional(readOnly = true)
  public List<People.Student> childrenOf(long schoolId, long studentId, long guardianId) {
    requireEdit(schoolId, studentId);
    return people.childrenOf(schoolId, guardianId);
  }

  @Transactional
  public long addGuardian(long schoolId, long studentId, People.GuardianUpdate update) {
    requireEdit(schoolId, studentId);
    return people.addGuardianTo(schoolId, studentId, update);
  }

  @Transactional
  public void updateGuardian(
      long schoolId, long studentId, long guardianId, People.GuardianUpdate update) {
    requireEdit(schoolId, studentId);
    people.updateGuardian(schoolId, studentId, guardianId, update);
  }

  @Transactional
  public void unlinkGuardian(long schoolId, long studentId, long guardianId) {
    requireEdit(schoolId, studentId);
    people.unlinkGuardian(schoolId, studentId, guardianId);
  }

  /** The photo, to whoever may see the full profile. */
  @Transactional(readOnly = true)
  public Optional<byte[]> photo(long schoolId, long studentId) {
    Target target = target(schoolId, studentId);
    if (!authorization.permits(Action.VIEW_STUDENT_PROFILE, target)
        && !authorization.permits(Action.VIEW_OWN_CHILD, target)
        && !authorization.permits(Action.VIEW_OWN_RECORD, target)) {
      throw new NotFoundException("student");
    }
    return people.photo(schoolId, studentId);
  }

  /** Students by id, for books the office keeps (the register); callers check the right first. */
  @Transactional(readOnly = true)
  public java.util.Map<Long, People.Student> students(
      long schoolId, java.util.Collection<Long> ids) {
    return ids.isEmpty()
        ? java.util.Map.of()
        : people.students(schoolId, ids).stream()
            .collect(java.util.stream.Collectors.toMap(People.Student::id, s -> s));
  }

  public List<People.Code> ethnicGroups() {
    return people.ethnicGroups();
  }

  public List<People.Code> religions() {
    return people.religions();
  }

  private void requireEdit(long schoolId, long studentId) {
    if (!authorization.permits(Action.EDIT_STUDENT_PROFILE, target(schoolId, studentId))) {
      throw new NotFoundException("student");
    }
  }

  private Target target(long schoolId, long studentId) {
    Optional<Long> classId = classes.classOf(schoolId, studentId, LocalDate.now(clock));
    return Target.student(schoolId, classId.orElse(null), studentId);
  }

  /** What of the profile the user may see. */
  public enum Visibility {
    FULL,
    HEALTH
  }

  public record Profile(
      People.StudentProfile profile,
      Visibility visibility,
      Classes.SchoolClass schoolClass,
      List<People.Guardian> guardians,
      boolean editable) {}
}
