package vn.truongso.gradebook.web;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.gradebook.internal.Recomputation;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.SecondaryBookPages;

/** Starting a recomputation of a school year's stored results and following its progress. */
@Controller
class RecomputeController {

  private final Recomputation recomputation;

  RecomputeController(Recomputation recomputation) {
    this.recomputation = recomputation;
  }

  /**
   * The school's approval list and the recomputation of its stored results: a school without a
   * secondary level has neither (its classes' own pages are gated by {@link LevelGate}).
   */
  @Bean
  static SecondaryBookPages schoolBookPages() {
    return SecondaryBookPages.of(
        "/schools/{schoolId}/approvals", "/schools/{schoolId}/recompute/**");
  }

  @PostMapping("/schools/{schoolId}/recompute")
  String start(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam int year,
      RedirectAttributes redirect) {
    String back = "/schools/" + schoolId + "/approvals?year=" + year;
    return FormOutcome.runTo(
        () -> {
          recomputation.start(user, schoolId, year);
          redirect.addFlashAttribute("recomputeStarted", true);
          return "redirect:" + back;
        },
        "recompute",
        back,
        redirect);
  }

  /** The progress panel alone, which the page polls while the job runs. */
  @GetMapping("/schools/{schoolId}/recompute/latest")
  String latest(@PathVariable long schoolId, Model model) {
    model.addAttribute("job", recomputation.latest(schoolId).orElse(null));
    model.addAttribute("schoolId", schoolId);
    return "gradebook/recompute :: progress";
  }
}
