package vn.truongso.people.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.org.Organisation;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** The staff list of a school (sorted by given name, the Vietnamese way). */
@Controller
class StaffController {

  private final People people;
  private final Organisation org;
  private final Authorization authorization;

  StaffController(People people, Organisation org, Authorization authorization) {
    this.people = people;
    this.org = org;
    this.authorization = authorization;
  }

  @GetMapping("/schools/{schoolId}/staff")
  String staff(@PathVariable long schoolId, Model model) {
    if (!authorization.permits(Action.VIEW_STAFF_LIST, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    model.addAttribute(
        "school", org.school(schoolId).orElseThrow(() -> new NotFoundException("school")));
    model.addAttribute("staff", people.staffOf(schoolId));
    return "people/staff";
  }
}
