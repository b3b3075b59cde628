package vn.truongso.records.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.Target;
import vn.truongso.records.internal.SigningCertificates;
import vn.truongso.records.internal.SigningCertificates.Purpose;

/**
 * The signer's certificates in a school: the personal ones linked to the account and, for those who
 * seal, the school's seal; a PKCS#12 file uploaded with its PIN or a hardware token named by its
 * slot.
 */
@Controller
class CertificatesController {

  private final SigningCertificates certificates;
  private final Authorization authorization;

  CertificatesController(SigningCertificates certificates, Authorization authorization) {
    this.certificates = certificates;
    this.authorization = authorization;
  }

  @GetMapping("/schools/{schoolId}/certificates")
  String page(
      @PathVariable long schoolId, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
    boolean canSeal = authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId));
    model.addAttribute("schoolId", schoolId);
    var linked = new java.util.ArrayList<>(certificates.mine(schoolId, user.accountId()));
    if (canSeal) {
      linked.addAll(certificates.seals(schoolId));
    }
    model.addAttribute("linked", linked);
    model.addAttribute("canSeal", canSeal);
    model.addAttribute("attempts", SigningCertificates.PIN_ATTEMPTS);
    return "records/certificates";
  }

  @PostMapping("/schools/{schoolId}/certificates")
  String upload(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "PERSONAL") Purpose purpose,
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "") String pin,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> certificates.registerFile(schoolId, user, purpose, bytes(file), pin.toCharArray()),
        "upload",
        page(schoolId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/certificates/token")
  String token(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "PERSONAL") Purpose purpose,
      @RequestParam(defaultValue = "0") int slot,
      @RequestParam(defaultValue = "") String pin,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> certificates.registerToken(schoolId, user, purpose, slot, pin.toCharArray()),
        "token",
        page(schoolId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/certificates/{id}/withdraw")
  String withdraw(
      @PathVariable long schoolId,
      @PathVariable long id,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> certificates.withdraw(schoolId, user, id), "withdraw", page(schoolId), redirect);
  }

  private static String page(long schoolId) {
    return "/schools/" + schoolId + "/certificates";
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
