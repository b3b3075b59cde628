package vn.truongso.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** Class lists, rosters and student profiles, each limited to what the user may see. */
@Controller
class ClassesController {

  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final Clock clock;

  ClassesController(Classes classes, Organisation org, Authorization authorization, Clock clock) {
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.clock = clock;
  }

  /** The classes of the current year the user may open, grouped by school. */
  @GetMapping("/classes")
  String classes(@RequestParam(required = false) Long school, Model model) {
    Map<School, List<Classes.SchoolClass>> bySchool = new LinkedHashMap<>();
    List<Long> schoolIds = new ArrayList<>(authorization.schoolsWhere(Action.VIEW_CLASS_ROSTER));
    schoolIds.addAll(authorization.schoolsWhere(Action.VIEW_CLASS_LIST));
    for (School s : org.schools(schoolIds.stream().distinct().toList())) {
      if (school != null && s.id() != school) {
        continue;
      }
      int year = org.currentYear(s.id()).map(SchoolYear::startYear).orElse(0);
      boolean all = authorization.permits(Action.VIEW_CLASS_LIST, Target.school(s.id()));
      List<Classes.SchoolClass> visible =
          classes.classes(s.id(), year).stream()
              .filter(
                  c ->
                      all
                          || authorization.permits(
                              Action.VIEW_CLASS_ROSTER, Target.schoolClass(s.id(), c.id())))
              .toList();
      bySchool.put(s, visible);
    }
    if (school != null && bySchool.isEmpty()) {
      throw new NotFoundException("school");
    }
    model.addAttribute("bySchool", bySchool);
    model.addAttribute("manages", authorization.schoolsWhere(Action.MANAGE_CLASSES));
    model.addAttribute("receives", authorization.schoolsWhere(Action.ENROL_STUDENTS));
    model.addAttribute("assigns", authorization.schoolsWhere(Action.MANAGE_TEACHING_ASSIGNMENTS));
    model.addAttribute("approves", approvalLists(bySchool.keySet()));
    model.addAttribute("statistics", authorization.schoolsWhere(Action.VIEW_SCHOOL_STATISTICS));
    return "enrolment/classes";
  }

  /**
   * The schools whose approval list the user may open: it is the secondary grade book's, so a
   * kindergarten or primary school has none.
   */
  private Set<Long> approvalLists(Set<School> shown) {
    Set<Long> approves = authorization.schoolsWhere(Action.APPROVE_RESULTS);
    return shown.stream()
        .filter(s -> approves.contains(s.id()))
        .filter(s -> s.levels().stream().anyMatch(SchoolLevel::keepsSecondaryBook))
        .map(School::id)
        .collect(Collectors.toSet());
  }

  @GetMapping("/schools/{schoolId}/classes")
  String schoolClasses(@PathVariable long schoolId, Model model) {
    return classes(schoolId, model);
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}")
  String roster(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    Target target = Target.schoolClass(schoolId, classId);
    if (!authorization.permits(Action.VIEW_CLASS_ROSTER, target)) {
      throw new NotFoundException("class");
    }
    Classes.SchoolClass c =
        classes.schoolClass(schoolId, classId).orElseThrow(() -> new NotFoundException("class"));
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("schoolClass", c);
    // the secondary class book, or a primary class's Bảng tổng hợp (TT27); none for kindergarten
    model.addAttribute("hasClassBook", SchoolLevel.ofGrade(c.grade()).keepsSecondaryBook());
    model.addAttribute("hasPrimaryBoard", SchoolLevel.ofGrade(c.grade()) == SchoolLevel.PRIMARY);
    model.addAttribute("school", org.school(schoolId).orElseThrow());
    model.addAttribute("students", classes.roster(schoolId, classId, today));
    model.addAttribute(
        "canOpen",
        authorization.permits(Action.VIEW_STUDENT_PROFILE, Target.student(schoolId, classId, 0)));
    model.addAttribute(
        "mayImport", authorization.permits(Action.ENROL_STUDENTS, Target.school(schoolId)));
    model.addAttribute(
        "mayExport", authorization.permits(Action.EXPORT_PERSONAL_DATA, Target.school(schoolId)));
    return "enrolment/roster";
  }
}
