package vn.truongso.gradebook.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.gradebook.internal.Arrangements;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;

/**
 * Exemptions and individual education plans of a class's students, recorded by the homeroom
 * teacher, and the principal's promotion decisions for students on a plan.
 */
@Controller
class ArrangementsController {

  private final Arrangements arrangements;

  ArrangementsController(Arrangements arrangements) {
    this.arrangements = arrangements;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/book/arrangements")
  String page(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    model.addAttribute("view", arrangements.view(schoolId, classId));
    return "gradebook/arrangements";
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/book/exemptions")
  String exemption(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam long student,
      @RequestParam String subject,
      @RequestParam(defaultValue = "") String terms,
      @RequestParam(defaultValue = "") String basis,
      RedirectAttributes redirect) {
    return done(
        () -> arrangements.setExemption(user, schoolId, classId, student, subject, terms, basis),
        schoolId,
        classId,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/book/plans")
  String plan(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam long student,
      @RequestParam(defaultValue = "false") boolean on,
      @RequestParam(defaultValue = "") String basis,
      RedirectAttributes redirect) {
    return done(
        () -> arrangements.setPlan(user, schoolId, classId, student, on, basis),
        schoolId,
        classId,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/book/plans/promotion")
  String promotion(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam long student,
      @RequestParam(defaultValue = "") String promotion,
      RedirectAttributes redirect) {
    return done(
        () -> arrangements.decidePromotion(user, schoolId, classId, student, promotion),
        schoolId,
        classId,
        redirect);
  }

  private static String done(
      Runnable action, long schoolId, long classId, RedirectAttributes redirect) {
    return FormOutcome.run(
        action,
        "arrangement",
        "/schools/" + schoolId + "/classes/" + classId + "/book/arrangements",
        redirect);
  }
}
