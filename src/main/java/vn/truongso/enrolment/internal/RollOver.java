package vn.truongso.enrolment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.enrolment.Classes.ClassMove;
import vn.truongso.enrolment.Classes.NewClass;
import vn.truongso.enrolment.Classes.RollOverPlan;
import vn.truongso.enrolment.Classes.SchoolClass;
import vn.truongso.enrolment.Classes.StudentMove;
import vn.truongso.enrolment.RollOverRules;
import vn.truongso.enrolment.RollOverRules.Decision;
import vn.truongso.enrolment.internal.EnrolmentStore.OpenEnrolment;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolLevel;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.UserInputException;

/**
 * Moving a school into the next school year (lên lớp): the plan, class by class and student by
 * student after {@link RollOverRules}, and carrying it out, which opens next year's school year and
 * classes when missing and writes every student's {@code enrolment} rows through {@link
 * EnrolmentStore}. A year is rolled over once: the next year's promotions say it was done.
 */
@Component
class RollOver {

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Organisation org;
  private final ClassStore classes;
  private final EnrolmentStore enrolments;

  RollOver(
      JdbcClient jdbc,
      AuditLog audit,
      Organisation org,
      ClassStore classes,
      EnrolmentStore enrolments) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.org = org;
    this.classes = classes;
    this.enrolments = enrolments;
  }

  RollOverPlan plan(long schoolId, int fromYear, Set<Long> repeaters) {
    SchoolYear from =
        year(schoolId, fromYear)
            .orElseThrow(() -> new UserInputException("fromYear", "rollOver.noYear"));
    Optional<SchoolYear> next = year(schoolId, fromYear + 1);
    LocalDate firstDay = next.map(SchoolYear::startsOn).orElse(from.startsOn().plusYears(1));
    int lastGrade =
        org.school(schoolId).orElseThrow().levels().stream()
            .mapToInt(SchoolLevel::lastGrade)
            .max()
            .orElse(12);
    List<ClassMove> moves = new ArrayList<>();
    for (SchoolClass c : classes.classes(schoolId, fromYear)) {
      String promotedName = RollOverRules.advancedName(c.name(), c.grade()).orElse(null);
      List<StudentMove> students = new ArrayList<>();
      if (promotedName != null) {
        for (People.Student st : classes.roster(schoolId, c.id(), from.endsOn())) {
          Decision d = RollOverRules.decide(c.grade(), lastGrade, !repeaters.contains(st.id()));
          String to =
              switch (d) {
                case PROMOTE -> promotedName;
                case REPEAT -> c.name();
                case COMPLETE -> null;
              };
          students.add(new StudentMove(st, d, to));
        }
      }
      moves.add(new ClassMove(c, promotedName, List.copyOf(students)));
    }
    return new RollOverPlan(
        fromYear, fromYear + 1, from.endsOn(), firstDay, next.isPresent(), List.copyOf(moves));
  }

  RollOverPlan rollOver(long schoolId, int fromYear, Set<Long> repeaters) {
    RollOverPlan plan = plan(schoolId, fromYear, repeaters);
    if (done(schoolId, plan.toYear())) {
      throw new UserInputException("fromYear", "rollOver.done", plan.toYear());
    }
    if (!plan.nextYearExists()) {
      createNextYear(schoolId, fromYear);
    }
    Map<String, Long> nextClasses = new HashMap<>();
    classes.classes(schoolId, plan.toYear()).forEach(c -> nextClasses.put(c.name(), c.id()));
    for (ClassMove move : plan.classes()) {
      for (StudentMove st : move.students()) {
        carryOver(schoolId, plan, move.from(), st, nextClasses);
      }
    }
    org.makeCurrent(schoolId, plan.toYear());
    audit.record(
        AuditEvent.of(schoolId, "enrolment.rollOver", "school_year", plan.toYear())
            .after(
                Map.of(
                    "from", fromYear,
                    "promoted", plan.count(Decision.PROMOTE),
                    "repeating", plan.count(Decision.REPEAT),
                    "completed", plan.count(Decision.COMPLETE))));
    return plan;
  }

  /** Whether students were already promoted or kept back into the year. */
  private boolean done(long schoolId, int toYear) {
    return !jdbc.sql(
            """
            SELECT 1 FROM enrolment e JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
            WHERE e.school_id = ? AND c.start_year = ? AND e.start_reason IN ('PROMOTION', 'REPEAT')
            LIMIT 1
            """)
        .params(schoolId, toYear)
        .query((rs, n) -> 1)
        .list()
        .isEmpty();
  }

  /**
   * Ends the student's enrolment in {@code c} with the year and, unless they completed the level,
   * opens one in next year's class, which is created, named as planned, when missing.
   */
  private void carryOver(
      long schoolId,
      RollOverPlan plan,
      SchoolClass c,
      StudentMove st,
      Map<String, Long> nextClasses) {
    long studentId = st.student().id();
    Optional<OpenEnrolment> current =
        enrolments.open(schoolId, studentId).filter(e -> e.classId() == c.id());
    if (current.isEmpty()) {
      return; // left on the last day itself: nothing to carry over
    }
    LocalDate dayAfter = plan.lastDay().plusDays(1);
    if (st.decision() == Decision.COMPLETE) {
      enrolments.close(schoolId, current.get(), dayAfter, "COMPLETED", null);
      enrolments.leave(schoolId, studentId, plan.lastDay(), "COMPLETED", null, null);
      return;
    }
    enrolments.close(schoolId, current.get(), dayAfter, "YEAR_END", null);
    boolean promoted = st.decision() == Decision.PROMOTE;
    long target =
        nextClasses.computeIfAbsent(
            st.toClass(),
            name ->
                classes.createClass(
                    schoolId,
                    new NewClass(
                        plan.toYear(),
                        promoted ? c.grade() + 1 : c.grade(),
                        name,
                        promoted ? c.homeroomStaffId() : null,
                        c.room(),
                        c.shift())));
    enrolments.start(
        schoolId, target, studentId, plan.firstDay(), promoted ? "PROMOTION" : "REPEAT", null);
  }

  /** The next year on the same calendar a year later; the leaders adjust it on the school page. */
  private void createNextYear(long schoolId, int fromYear) {
    SchoolYear y = year(schoolId, fromYear).orElseThrow();
    int term1Weeks = (int) y.weeks().stream().filter(w -> w.term() == 1).count();
    int term2Weeks = (int) y.weeks().stream().filter(w -> w.term() == 2).count();
    org.createSchoolYear(
        schoolId,
        new Organisation.YearPlan(
            fromYear + 1,
            y.startsOn().plusYears(1),
            y.term1EndsOn().plusYears(1),
            y.term2StartsOn().plusYears(1),
            y.endsOn().plusYears(1),
            term1Weeks,
            term2Weeks,
            List.of()));
  }

  private Optional<SchoolYear> year(long schoolId, int startYear) {
    return org.years(schoolId).stream().filter(y -> y.startYear() == startYear).findFirst();
  }
}
