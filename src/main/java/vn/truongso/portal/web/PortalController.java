package vn.truongso.portal.web;

import java.time.LocalDate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.attendance.StudentAttendance;
import vn.truongso.messaging.Inbox;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.portal.internal.Consents;
import vn.truongso.portal.internal.Family;
import vn.truongso.portal.internal.FamilyData;

/**
 * The families' portal: the children, a child's page, the absence request, and what makes it an app
 * on a phone's home screen (the manifest and the service worker, served from {@code /portal/} so
 * that the worker's scope is the portal and nothing else).
 */
@Controller
class PortalController {

  private final Family family;
  private final StudentAttendance attendance;
  private final Consents consents;
  private final FamilyData data;
  private final Inbox inbox;

  PortalController(
      Family family,
      StudentAttendance attendance,
      Consents consents,
      FamilyData data,
      Inbox inbox) {
    this.family = family;
    this.attendance = attendance;
    this.consents = consents;
    this.data = data;
    this.inbox = inbox;
  }

  @PostMapping("/portal/{schoolId}/consent")
  String consent(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "") String back,
      @AuthenticationPrincipal AuthenticatedUser user) {
    consents.give(user, schoolId, family);
    return "redirect:" + (back.startsWith("/portal/") ? back : "/portal");
  }

  @GetMapping("/portal/{schoolId}/{studentId}/data.json")
  ResponseEntity<byte[]> dataJson(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @AuthenticationPrincipal AuthenticatedUser user) {
    byte[] body = data.json(user.accountId(), schoolId, studentId);
    return Downloads.json(body, "du-lieu-hoc-sinh-" + studentId + ".json");
  }

  @GetMapping("/portal/{schoolId}/{studentId}/data.pdf")
  ResponseEntity<byte[]> dataPdf(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @AuthenticationPrincipal AuthenticatedUser user) {
    byte[] body =
        data.pdf(
            user.accountId(),
            schoolId,
            studentId,
            org.springframework.context.i18n.LocaleContextHolder.getLocale());
    return Downloads.pdf(body, "du-lieu-hoc-sinh-" + studentId + ".pdf");
  }

  @GetMapping("/portal")
  String home(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    var children = family.children();
    if (children.size() == 1) {
      var c = children.getFirst();
      return "redirect:/portal/" + c.school().id() + "/" + c.student().id();
    }
    model.addAttribute("children", children);
    model.addAttribute("inboxUnread", inbox.unread(user.accountId()));
    return "portal/home";
  }

  @GetMapping("/portal/{schoolId}/{studentId}")
  String child(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("p", family.page(user.accountId(), schoolId, studentId));
    model.addAttribute("many", family.children().size() > 1);
    model.addAttribute("inboxUnread", inbox.unread(user.accountId()));
    return "portal/child";
  }

  @PostMapping("/portal/{schoolId}/{studentId}/absence")
  String requestAbsence(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> attendance.request(user, schoolId, studentId, from, to, reason),
        "absence",
        "/portal/" + schoolId + "/" + studentId + "#requests",
        redirect);
  }

  @GetMapping(value = "/portal/manifest.webmanifest", produces = "application/manifest+json")
  @ResponseBody
  ResponseEntity<ClassPathResource> manifest() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .body(new ClassPathResource("portal/manifest.webmanifest"));
  }

  @GetMapping(value = "/portal/sw.js", produces = "text/javascript")
  @ResponseBody
  ResponseEntity<ClassPathResource> serviceWorker() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .contentType(MediaType.valueOf("text/javascript"))
        // the worker lives under /portal/ but serves /portal itself, the list of children
        .header("Service-Worker-Allowed", "/portal")
        .body(new ClassPathResource("portal/sw.js"));
  }
}
