package vn.truongso.records.web;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;
import vn.truongso.records.internal.ClassBookSigning;
import vn.truongso.records.internal.SigningCertificates;

/**
 * The class book's signatures: who has signed the frozen book and who has not, the teacher's sign
 * form, the principal's seal form and the signed PDF.
 */
@Controller
class ClassBookSigningController {

  private final ClassBookSigning signing;
  private final SigningCertificates certificates;

  ClassBookSigningController(ClassBookSigning signing, SigningCertificates certificates) {
    this.signing = signing;
    this.certificates = certificates;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/classbook/signatures")
  String page(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    ClassBookSigning.Status s = signing.status(schoolId, classId);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("classId", classId);
    model.addAttribute("s", s);
    boolean signs = !s.mySubjects().isEmpty() || s.homeroom();
    model.addAttribute("mine", signs ? certificates.mine(schoolId, user.accountId()) : List.of());
    model.addAttribute("seals", s.mayseal() ? certificates.seals(schoolId) : List.of());
    return "records/classbook-sign";
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/classbook/sign")
  String sign(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "0") long certificate,
      @RequestParam(defaultValue = "") String pin,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> signing.sign(schoolId, classId, user, certificate, pin.toCharArray()),
        "sign",
        page(schoolId, classId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/classbook/seal")
  String seal(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "0") long certificate,
      @RequestParam(defaultValue = "") String pin,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> signing.seal(schoolId, classId, user, certificate, pin.toCharArray()),
        "seal",
        page(schoolId, classId),
        redirect);
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/classbook-signed.pdf")
  ResponseEntity<byte[]> signed(@PathVariable long schoolId, @PathVariable long classId) {
    byte[] pdf =
        signing
            .document(schoolId, classId)
            .orElseThrow(() -> new NotFoundException("classbook signatures"));
    return Downloads.pdf(pdf, "so-theo-doi-da-ky-" + classId + ".pdf");
  }

  private static String page(long schoolId, long classId) {
    return "/schools/" + schoolId + "/classes/" + classId + "/classbook/signatures";
  }
}
