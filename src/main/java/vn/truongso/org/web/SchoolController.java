package vn.truongso.org.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** The schools a user may see, and one school's details and calendar. */
@Controller
class SchoolController {

  private final Organisation org;
  private final Authorization authorization;

  SchoolController(Organisation org, Authorization authorization) {
    this.org = org;
    this.authorization = authorization;
  }

  @GetMapping("/schools")
  String schools(Model model) {
    List<School> schools = org.schools(authorization.schoolsWhere(Action.VIEW_SCHOOL));
    model.addAttribute("schools", schools);
    return "org/schools";
  }

  @GetMapping("/schools/{id}")
  String school(@PathVariable long id, Model model) {
    if (!authorization.permits(Action.VIEW_SCHOOL, Target.school(id))) {
      throw new NotFoundException("school");
    }
    School school = org.school(id).orElseThrow(() -> new NotFoundException("school"));
    model.addAttribute("school", school);
    model.addAttribute("years", org.years(id));
    model.addAttribute(
        "canSeeClasses", authorization.permits(Action.VIEW_CLASS_LIST, Target.school(id)));
    model.addAttribute("canPrint", authorization.permits(Action.PRINT_BOOKS, Target.school(id)));
    // The ward and provincial offices' report (class-size changes) is reached from the school.
    model.addAttribute(
        "canSeeStatistics",
        authorization.permits(Action.VIEW_SCHOOL_STATISTICS, Target.school(id)));
    model.addAttribute(
        "canSeeStaff", authorization.permits(Action.VIEW_STAFF_LIST, Target.school(id)));
    return "org/school";
  }
}
