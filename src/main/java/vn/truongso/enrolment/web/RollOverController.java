package vn.truongso.enrolment.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * Year roll-over (chuyển năm học): a preview of every class and student, the leaders mark who is
 * not promoted, then one transaction does it all.
 */
@Controller
class RollOverController {

  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;

  RollOverController(Classes classes, Organisation org, Authorization authorization) {
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
  }

  @GetMapping("/schools/{schoolId}/roll-over")
  String preview(@PathVariable long schoolId, Model model) {
    return page(schoolId, Set.of(), model);
  }

  @PostMapping("/schools/{schoolId}/roll-over")
  String submit(
      @PathVariable long schoolId,
      @RequestParam(name = "repeat", required = false) List<Long> repeat,
      @RequestParam(defaultValue = "false") boolean confirm,
      Model model,
      RedirectAttributes redirect) {
    Set<Long> repeaters = repeat == null ? Set.of() : new HashSet<>(repeat);
    if (!confirm) {
      return page(schoolId, repeaters, model);
    }
    int fromYear = currentYear(schoolId);
    return FormOutcome.orShow(
        () -> {
          Classes.RollOverPlan done = classes.rollOver(schoolId, fromYear, repeaters);
          redirect.addFlashAttribute("rolledOver", done.toYear());
          return "redirect:/schools/" + schoolId + "/classes";
        },
        "rollOver",
        model,
        () -> page(schoolId, repeaters, model));
  }

  private String page(long schoolId, Set<Long> repeaters, Model model) {
    int fromYear = currentYear(schoolId);
    model.addAttribute("school", org.school(schoolId).orElseThrow());
    model.addAttribute("plan", classes.planRollOver(schoolId, fromYear, repeaters));
    model.addAttribute("repeaters", repeaters);
    return "enrolment/roll-over";
  }

  private int currentYear(long schoolId) {
    if (!authorization.permits(Action.MANAGE_CLASSES, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    return org.currentYear(schoolId)
        .map(SchoolYear::startYear)
        .orElseThrow(() -> new NotFoundException("year"));
  }
}
