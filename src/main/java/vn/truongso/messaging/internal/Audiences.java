package vn.truongso.messaging.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Who a notice goes to — the whole school, a grade, a class, or chosen students' families — checked
 * against what the sender may address: the principal and those the principal delegates any of them,
 * a homeroom teacher their class, the nurse (health notices) any class or family.
 */
@Component
public class Audiences {

  /** Chosen families at most in one notice: more is a class or a grade. */
  static final int MAX_CHOSEN = 200;

  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final Clock clock;

  Audiences(Classes classes, Organisation org, Authorization authorization, Clock clock) {
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.clock = clock;
  }

  public enum Scope {
    SCHOOL,
    GRADE,
    CLASS,
    STUDENTS
  }

  /** What the form chose. */
  public record Choice(
      Scope scope, @Nullable Integer grade, @Nullable Long classId, List<Long> studentIds) {}

  /** The students addressed, with the audience's code and its label's argument. */
  public record Resolved(String code, String label, Set<Long> students) {}

  Resolved resolve(long schoolId, MessageRules.Kind kind, Choice choice) {
    LocalDate today = LocalDate.now(clock);
    int year =
        org.currentYear(schoolId)
            .orElseThrow(() -> new UserInputException(null, "messaging.error.noYear"))
            .startYear();
    boolean school =
        authorization.permits(
            kind == MessageRules.Kind.HEALTH ? Action.SEND_HEALTH_NOTICES : Action.SEND_NOTICES,
            Target.school(schoolId));
    if (kind == MessageRules.Kind.URGENT && !school) {
      throw new org.springframework.security.access.AccessDeniedException("messaging.urgent");
    }
    return switch (choice.scope()) {
      case SCHOOL -> {
        requireSchool(school);
        yield new Resolved(
            "SCHOOL", "", students(schoolId, classes.classes(schoolId, year), today));
      }
      case GRADE -> {
        requireSchool(school);
        int grade = choice.grade() == null ? -1 : choice.grade();
        List<Classes.SchoolClass> of =
            classes.classes(schoolId, year).stream().filter(c -> c.grade() == grade).toList();
        if (of.isEmpty()) {
          throw new UserInputException("grade", "messaging.error.grade");
        }
        yield new Resolved("GRADE:" + grade, String.valueOf(grade), students(schoolId, of, today));
      }
      case CLASS -> {
        Classes.SchoolClass c =
            choice.classId() == null
                ? null
                : classes
                    .schoolClass(schoolId, choice.classId())
                    .filter(x -> x.startYear() == year)
                    .orElse(null);
        if (c == null) {
          throw new UserInputException("classId", "messaging.error.class");
        }
        if (!school) {
          authorization.require(Action.SEND_CLASS_NOTICES, Target.schoolClass(schoolId, c.id()));
        }
        yield new Resolved("CLASS:" + c.id(), c.name(), students(schoolId, List.of(c), today));
      }
      case STUDENTS -> chosen(schoolId, choice.studentIds(), school, today);
    };
  }

  private Resolved chosen(long schoolId, List<Long> ids, boolean school, LocalDate today) {
    Set<Long> students = new LinkedHashSet<>(ids);
    if (students.isEmpty() || students.size() > MAX_CHOSEN) {
      throw new UserInputException("studentIds", "messaging.error.chosen", MAX_CHOSEN);
    }
    for (long id : students) {
      Long classId = classes.classOf(schoolId, id, today).orElse(null);
      if (classId == null) {
        throw new UserInputException("studentIds", "messaging.error.student");
      }
      if (!school) {
        authorization.require(Action.SEND_CLASS_NOTICES, Target.schoolClass(schoolId, classId));
      }
    }
    return new Resolved("STUDENTS", String.valueOf(students.size()), students);
  }

  private Set<Long> students(long schoolId, List<Classes.SchoolClass> of, LocalDate today) {
    Set<Long> out = new LinkedHashSet<>();
    for (Classes.SchoolClass c : of) {
      classes.roster(schoolId, c.id(), today).forEach(s -> out.add(s.id()));
    }
    return out;
  }

  private static void requireSchool(boolean school) {
    if (!school) {
      throw new org.springframework.security.access.AccessDeniedException("messaging.audience");
    }
  }

  /** The classes a sender may pick from: all of the school's, or those they are homeroom of. */
  List<Classes.SchoolClass> classesFor(long schoolId) {
    int year = org.currentYear(schoolId).map(y -> y.startYear()).orElse(-1);
    boolean school =
        authorization.permits(Action.SEND_NOTICES, Target.school(schoolId))
            || authorization.permits(Action.SEND_HEALTH_NOTICES, Target.school(schoolId));
    List<Classes.SchoolClass> out = new ArrayList<>();
    for (Classes.SchoolClass c : classes.classes(schoolId, year)) {
      if (school
          || authorization.permits(
              Action.SEND_CLASS_NOTICES, Target.schoolClass(schoolId, c.id()))) {
        out.add(c);
      }
    }
    return out;
  }
}
