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
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.HocBaSigning;
import vn.truongso.records.internal.PrimaryHocBa;
import vn.truongso.records.internal.PrimaryHocBaSigning;
import vn.truongso.records.internal.SigningCertificates;

/** A primary pupil's học bạ (TT27): the printed record as PDF/A and the year's học bạ số XML. */
@Controller
class PrimaryHocBaController {

  private final PrimaryHocBa hocBa;
  private final PrimaryHocBaSigning signing;
  private final SigningCertificates certificates;
  private final Authorization authorization;
  private final vn.truongso.platform.RecordViews views;

  PrimaryHocBaController(
      PrimaryHocBa hocBa,
      PrimaryHocBaSigning signing,
      SigningCertificates certificates,
      Authorization authorization,
      vn.truongso.platform.RecordViews views) {
    this.views = views;
    this.hocBa = hocBa;
    this.signing = signing;
    this.certificates = certificates;
    this.authorization = authorization;
  }

  /** The class's primary học bạ: each final pupil's state, the two signing steps. */
  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba-tieuhoc")
  String page(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    PrimaryHocBaSigning.ClassStatus status;
    try {
      status = signing.status(schoolId, classId);
    } catch (UserInputException e) {
      throw new NotFoundException(e.messageKey());
    }
    boolean canSign =
        authorization.permits(Action.SIGN_RECORDS, Target.schoolClass(schoolId, classId));
    boolean canSeal = authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId));
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("classId", classId);
    model.addAttribute("status", status);
    model.addAttribute("names", hocBa.names(schoolId, status.pupils().keySet()));
    model.addAttribute("canSign", canSign);
    model.addAttribute("canSeal", canSeal);
    model.addAttribute("mine", canSign ? certificates.mine(schoolId, user.accountId()) : List.of());
    model.addAttribute("seals", canSeal ? certificates.seals(schoolId) : List.of());
    return "records/hocba-primary";
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/hocba-tieuhoc/{step}")
  String step(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String step,
      @RequestParam long certificate,
      @RequestParam(defaultValue = "") String pin,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    String page = "/schools/" + schoolId + "/classes/" + classId + "/hocba-tieuhoc";
    return FormOutcome.runTo(
        () -> {
          HocBaSigning.Batch batch =
              switch (step) {
                case "sign" ->
                    signing.sign(schoolId, classId, user, certificate, pin.toCharArray());
                case "seal" ->
                    signing.seal(schoolId, classId, user, certificate, pin.toCharArray());
                default -> throw new NotFoundException("step " + step);
              };
          redirect.addFlashAttribute("batch", batch);
          redirect.addFlashAttribute("batchKind", step);
          return "redirect:" + page;
        },
        step,
        page,
        redirect);
  }

  /** The sealed version of a pupil's year, as published. */
  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba-tieuhoc/{studentId}/signed.pdf")
  ResponseEntity<byte[]> signedPdf(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    PrimaryHocBa.Printed p = download(() -> hocBa.published(schoolId, classId, studentId));
    return Downloads.pdf(p.body(), p.fileName());
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba-tieuhoc/{studentId}.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    PrimaryHocBa.Printed p = download(() -> hocBa.pdf(schoolId, classId, studentId));
    views.viewed(schoolId, studentId, "view.hocba");
    return Downloads.pdf(p.body(), p.fileName());
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba-tieuhoc/{studentId}.xml")
  ResponseEntity<byte[]> xml(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    PrimaryHocBa.Printed p = download(() -> hocBa.xml(schoolId, classId, studentId));
    return Downloads.xml(p.body(), p.fileName());
  }

  /**
   * A download has no page to show a refusal on: a class of another level has no primary record.
   */
  private static PrimaryHocBa.Printed download(
      java.util.function.Supplier<PrimaryHocBa.Printed> f) {
    try {
      return f.get();
    } catch (UserInputException e) {
      throw new NotFoundException(e.messageKey());
    }
  }
}
