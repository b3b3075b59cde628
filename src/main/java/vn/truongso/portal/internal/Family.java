package vn.truongso.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.StudentAttendance;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.FamilyResults;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * What a family sees: the children its account holds (a guardian's, in one school or several; a
 * student's own record), and for each what the school has published. A child not the family's is
 * answered as if it did not exist, and the attempt is logged.
 */
@Service
public class Family {

  private static final Logger log = LoggerFactory.getLogger(Family.class);

  /** How far back the attendance list goes. */
  static final int ATTENDANCE_DAYS = 62;

  /** How many of the staff's latest views of the record the family is shown. */
  static final int VIEWS_SHOWN = 30;

  private final Authorization authorization;
  private final People people;
  private final Classes classes;
  private final Organisation org;
  private final FamilyResults results;
  private final StudentAttendance attendance;
  private final vn.truongso.platform.RecordViews views;
  private final Consents consents;
  private final Clock clock;

  Family(
      Authorization authorization,
      People people,
      Classes classes,
      Organisation org,
      FamilyResults results,
      StudentAttendance attendance,
      vn.truongso.platform.RecordViews views,
      Consents consents,
      Clock clock) {
    this.views = views;
    this.consents = consents;
    this.authorization = authorization;
    this.people = people;
    this.classes = classes;
    this.org = org;
    this.results = results;
    this.attendance = attendance;
    this.clock = clock;
  }

  /** A child of the family: who, where, in which class today. */
  public record Child(People.Student student, School school, String className, boolean self) {}

  /** A child's page: results of the current year, the last weeks' attendance, the requests. */
  public record ChildPage(
      Child child,
      FamilyResults.@Nullable Year year,
      List<StudentAttendance.DayMark> marks,
      List<StudentAttendance.Request> requests,
      boolean mayRequest,
      List<vn.truongso.platform.RecordViews.View> views,
      Consents.@Nullable Consent consent,
      Instant loadedAt,
      LocalDate today) {
    public long absences(String kind) {
      return marks.stream().filter(m -> m.kind().equals(kind)).count();
    }
  }

  @Transactional(readOnly = true)
  public List<Child> children() {
    Map<String, Child> out = new LinkedHashMap<>();
    for (Target t : authorization.scopesWhere(Action.VIEW_OWN_CHILD)) {
      child(t, false).ifPresent(c -> out.putIfAbsent(c.school().id() + "/" + c.student().id(), c));
    }
    for (Target t : authorization.scopesWhere(Action.VIEW_OWN_RECORD)) {
      child(t, true).ifPresent(c -> out.putIfAbsent(c.school().id() + "/" + c.student().id(), c));
    }
    return new ArrayList<>(out.values());
  }

  @Transactional(readOnly = true)
  public ChildPage page(long accountId, long schoolId, long studentId) {
    Target target = Target.student(schoolId, null, studentId);
    boolean guardian = authorization.permits(Action.VIEW_OWN_CHILD, target);
    if (!guardian && !authorization.permits(Action.VIEW_OWN_RECORD, target)) {
      log.warn(
          "portal: account {} asked for student {} of school {}, not theirs",
          accountId,
          studentId,
          schoolId);
      throw new NotFoundException("portal.child");
    }
    Child child = child(target, !guardian).orElseThrow(() -> new NotFoundException("portal.child"));
    LocalDate today = LocalDate.now(clock);
    FamilyResults.Year year =
        org.currentYear(schoolId)
            .flatMap(y -> results.of(schoolId, studentId, y.startYear()))
            .orElse(null);
    return new ChildPage(
        child,
        year,
        attendance.marks(schoolId, studentId, today.minusDays(ATTENDANCE_DAYS), today),
        attendance.requests(schoolId, studentId),
        authorization.permits(Action.REQUEST_ABSENCE, target),
        views.of(schoolId, studentId, VIEWS_SHOWN),
        consents.of(accountId, schoolId).orElse(null),
        clock.instant(),
        today);
  }

  private Optional<Child> child(Target t, boolean self) {
    if (t.studentId() == null || t.schoolId() == null) {
      return Optional.empty();
    }
    Optional<People.Student> student = people.student(t.schoolId(), t.studentId());
    Optional<School> school = org.school(t.schoolId());
    if (student.isEmpty() || school.isEmpty()) {
      return Optional.empty();
    }
    String className =
        classes
            .classOf(t.schoolId(), t.studentId(), LocalDate.now(clock))
            .flatMap(id -> classes.schoolClass(t.schoolId(), id))
            .map(Classes.SchoolClass::name)
            .orElse("");
    return Optional.of(new Child(student.get(), school.get(), className, self));
  }
}
