package vn.truongso.gradebook.web;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.gradebook.internal.PrimaryYearEnd;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;

/**
 * A primary pupil's end of year (TT27 art. 10, 12, 13): the homeroom teacher's commendation
 * proposal and individual plan, the supplementary assessment, the principal's decision.
 */
@Controller
class PrimaryYearController {

  private final PrimaryYearEnd yearEnd;

  PrimaryYearController(PrimaryYearEnd yearEnd) {
    this.yearEnd = yearEnd;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/primary-year/{studentId}")
  String pupil(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable long studentId,
      Model model) {
    model.addAttribute("pupil", yearEnd.pupil(schoolId, classId, studentId));
    return "gradebook/primary-year";
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary-year/{studentId}/proposal")
  String propose(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "false") boolean outstanding,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "false") boolean individualPlan,
      @RequestParam(defaultValue = "0") int version,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          yearEnd.propose(
              user, schoolId, classId, studentId, outstanding, note, individualPlan, version);
          return "primary.year.done.propose";
        },
        "year",
        url(schoolId, classId, studentId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary-year/{studentId}/supplementary")
  String supplement(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable long studentId,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    Map<String, String> levels = new HashMap<>();
    Map<String, String> scores = new HashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("level_")) {
            levels.put(k.substring("level_".length()), v);
          } else if (k.startsWith("score_")) {
            scores.put(k.substring("score_".length()), v);
          }
        });
    return FormOutcome.done(
        () -> {
          yearEnd.supplement(user, schoolId, classId, studentId, levels, scores);
          return "primary.year.done.supplement";
        },
        "year",
        url(schoolId, classId, studentId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary-year/{studentId}/decision")
  String decide(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          if (!decision.equals("promote") && !decision.equals("retain")) {
            throw new vn.truongso.platform.UserInputException(
                "decision", "gradebook.primary.decision.reason");
          }
          yearEnd.decide(user, schoolId, classId, studentId, decision.equals("promote"), reason);
          return "primary.year.done.decide";
        },
        "year",
        url(schoolId, classId, studentId),
        redirect);
  }

  private static String url(long schoolId, long classId, long studentId) {
    return "/schools/" + schoolId + "/classes/" + classId + "/primary-year/" + studentId;
  }
}
