package vn.truongso.records.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.HocBaExports;
import vn.truongso.records.internal.HocBaRecords;
import vn.truongso.records.internal.HocBaSigning;
import vn.truongso.records.internal.SigningCertificates;

/**
 * The class's học bạ số: the list of its students' documents once the year is approved, each
 * student's XML, and the class's package for the Sở. A download before the year gives records leads
 * back to the page, which says why.
 */
@Controller
class HocBaController {

  private final HocBaRecords records;
  private final HocBaExports exports;
  private final HocBaSigning signing;
  private final SigningCertificates certificates;
  private final Authorization authorization;
  private final vn.truongso.platform.RecordViews views;

  HocBaController(
      HocBaRecords records,
      HocBaExports exports,
      HocBaSigning signing,
      SigningCertificates certificates,
      Authorization authorization,
      vn.truongso.platform.RecordViews views) {
    this.views = views;
    this.records = records;
    this.exports = exports;
    this.signing = signing;
    this.certificates = certificates;
    this.authorization = authorization;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba")
  String page(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("classId", classId);
    try {
      HocBaRecords.ClassRecords r = records.ofClass(schoolId, classId);
      model.addAttribute("year", r.year());
      model.addAttribute("records", r.records());
      var status = signing.status(r);
      model.addAttribute("status", status);
      model.addAttribute(
          "published",
          status.values().stream()
              .filter(st -> st.latest() != null && st.latest().sealedAt() != null)
              .count());
      boolean canSign =
          authorization.permits(Action.SIGN_RECORDS, Target.schoolClass(schoolId, classId));
      boolean canSeal = authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId));
      model.addAttribute("canSign", canSign);
      model.addAttribute("canSeal", canSeal);
      model.addAttribute(
          "mine", canSign ? certificates.mine(schoolId, user.accountId()) : List.of());
      model.addAttribute("seals", canSeal ? certificates.seals(schoolId) : List.of());
    } catch (UserInputException e) {
      model.addAttribute("refusal", e.messageKey());
    }
    return "records/hocba";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba/{studentId}.pdf")
  ResponseEntity<byte[]> printed(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    return exports
        .student(schoolId, classId, studentId, HocBaExports.Format.PDF)
        .map(
            e -> {
              views.viewed(schoolId, studentId, "view.hocba");
              return Downloads.pdf(e.body(), e.fileName());
            })
        .orElseGet(() -> backToPage(schoolId, classId));
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba/{studentId}.xml")
  ResponseEntity<byte[]> student(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    return exports
        .student(schoolId, classId, studentId, HocBaExports.Format.XML)
        .map(
            e ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_XML)
                    .header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"")
                    .body(e.body()))
        .orElseGet(() -> backToPage(schoolId, classId));
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba.zip")
  ResponseEntity<byte[]> classPackage(@PathVariable long schoolId, @PathVariable long classId) {
    return exports
        .classPackage(schoolId, classId)
        .map(e -> Downloads.zip(e.body(), e.fileName()))
        .orElseGet(() -> backToPage(schoolId, classId));
  }

  private static ResponseEntity<byte[]> backToPage(long schoolId, long classId) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/schools/" + schoolId + "/classes/" + classId + "/hocba"))
        .build();
  }
}
