package vn.truongso.records.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.records.internal.HocBaSigning;

/**
 * The two signing steps of a class's học bạ: the homeroom teacher's batch and the school's seal,
 * each one PIN for the whole class. The page then says how many documents were signed and, when a
 * batch stopped, how many are left.
 */
@Controller
class HocBaSigningController {

  private final HocBaSigning signing;

  HocBaSigningController(HocBaSigning signing) {
    this.signing = signing;
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/hocba/sign")
  String sign(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam long certificate,
      @RequestParam(defaultValue = "") String pin,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return batch(
        "sign",
        () -> signing.sign(schoolId, classId, user, certificate, pin.toCharArray()),
        page(schoolId, classId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/hocba/seal")
  String seal(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam long certificate,
      @RequestParam(defaultValue = "") String pin,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return batch(
        "seal",
        () -> signing.seal(schoolId, classId, user, certificate, pin.toCharArray()),
        page(schoolId, classId),
        redirect);
  }

  /** Runs a batch; the page shows what it did ({@code batch}) or why it signed nothing. */
  private static String batch(
      String kind,
      java.util.function.Supplier<HocBaSigning.Batch> run,
      String page,
      RedirectAttributes redirect) {
    return FormOutcome.runTo(
        () -> {
          redirect.addFlashAttribute("batch", run.get());
          redirect.addFlashAttribute("batchKind", kind);
          return "redirect:" + page;
        },
        kind,
        page,
        redirect);
  }

  private static String page(long schoolId, long classId) {
    return "/schools/" + schoolId + "/classes/" + classId + "/hocba";
  }
}
