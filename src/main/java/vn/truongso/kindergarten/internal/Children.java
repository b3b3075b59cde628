package vn.truongso.kindergarten.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * A kindergarten child as the module's pages reach them: the staff through the child's group today
 * (the group's teacher, the nurse, the leaders, as the action says), the family as a guardian of
 * the child or the child's own account. Another's child does not exist for the family, and the
 * attempt is logged.
 */
@Component
public class Children {

  private static final Logger log = LoggerFactory.getLogger(Children.class);

  private final People people;
  private final Classes classes;
  private final Authorization authorization;
  private final Clock clock;

  Children(People people, Classes classes, Authorization authorization, Clock clock) {
    this.people = people;
    this.classes = classes;
    this.authorization = authorization;
    this.clock = clock;
  }

  /** The child, when the user may do {@code action} for them. */
  public People.Student require(Action action, long schoolId, long studentId) {
    People.Student s = student(schoolId, studentId);
    authorization.require(action, target(schoolId, studentId));
    return s;
  }

  public boolean permits(Action action, long schoolId, long studentId) {
    return authorization.permits(action, target(schoolId, studentId));
  }

  /** The child, for a guardian of theirs or their own account; {@code what} names the page. */
  public People.Student forFamily(long accountId, long schoolId, long studentId, String what) {
    Target target = Target.student(schoolId, null, studentId);
    if (!authorization.permits(Action.VIEW_OWN_CHILD, target)
        && !authorization.permits(Action.VIEW_OWN_RECORD, target)) {
      log.warn(
          "kindergarten: account {} asked for the {} of student {} of school {}, not theirs",
          accountId,
          what,
          studentId,
          schoolId);
      throw new NotFoundException("kindergarten.student");
    }
    return student(schoolId, studentId);
  }

  private People.Student student(long schoolId, long studentId) {
    return people
        .student(schoolId, studentId)
        .orElseThrow(() -> new NotFoundException("kindergarten.student"));
  }

  /** The child in the group they are in today. */
  private Target target(long schoolId, long studentId) {
    Long classId = classes.classOf(schoolId, studentId, LocalDate.now(clock)).orElse(null);
    return Target.student(schoolId, classId, studentId);
  }
}
