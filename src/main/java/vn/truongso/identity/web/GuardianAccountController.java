package vn.truongso.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.identity.internal.GuardianAccounts;
import vn.truongso.platform.FormOutcome;

/** The "parent account" button on a guardian's page. */
@Controller
class GuardianAccountController {

  private final GuardianAccounts guardianAccounts;

  GuardianAccountController(GuardianAccounts guardianAccounts) {
    this.guardianAccounts = guardianAccounts;
  }

  @PostMapping("/schools/{schoolId}/guardians/{guardianId}/account")
  String create(
      @PathVariable long schoolId,
      @PathVariable long guardianId,
      @RequestParam long studentId,
      RedirectAttributes redirect) {
    String back = "/schools/" + schoolId + "/students/" + studentId + "#guardians";
    return FormOutcome.runTo(
        () -> {
          GuardianAccounts.Result r = guardianAccounts.createOrExtend(schoolId, guardianId);
          if (r.linkRequested()) {
            redirect.addFlashAttribute("guardianLinkRequested", r.username());
          } else {
            redirect.addFlashAttribute("guardianAccount", r.username());
            redirect.addFlashAttribute("guardianPassword", r.oneTimePassword());
          }
          return "redirect:" + back;
        },
        "guardianAccount",
        back,
        redirect);
  }
}
