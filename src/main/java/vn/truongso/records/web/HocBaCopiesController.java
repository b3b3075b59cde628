package vn.truongso.records.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.NotFoundException;
import vn.truongso.records.internal.HocBaCopies;
import vn.truongso.records.internal.HocBaCopyDocuments;

/**
 * Certified copies of the học bạ: the school's list of applications, the form that records one, the
 * principal's decision, the issue and the two documents it prints (the copy and the minutes).
 */
@Controller
class HocBaCopiesController {

  private final HocBaCopies copies;
  private final HocBaCopyDocuments documents;
  private final Authorization authorization;

  HocBaCopiesController(
      HocBaCopies copies, HocBaCopyDocuments documents, Authorization authorization) {
    this.copies = copies;
    this.documents = documents;
    this.authorization = authorization;
  }

  @Bean
  static NavItem copiesNav(Authorization authorization, vn.truongso.org.Organisation org) {
    return new NavItem(
        "records.copy.link",
        "/hocba-copies",
        Action.PRINT_BOOKS,
        44,
        () -> keepsHocBa(authorization, org, Action.PRINT_BOOKS));
  }

  @Bean
  static NavItem copiesDecideNav(Authorization authorization, vn.truongso.org.Organisation org) {
    return new NavItem(
        "records.copy.link",
        "/hocba-copies",
        Action.SEAL_RECORDS,
        44,
        () -> keepsHocBa(authorization, org, Action.SEAL_RECORDS));
  }

  /** A kindergarten keeps no học bạ: the link is for schools with a primary or secondary level. */
  private static boolean keepsHocBa(
      Authorization authorization, vn.truongso.org.Organisation org, Action action) {
    return org.schools(authorization.schoolsWhere(action)).stream()
        .anyMatch(
            s -> s.levels().stream().anyMatch(l -> l != vn.truongso.org.SchoolLevel.KINDERGARTEN));
  }

  /** The user's school's list (the first school where they print or seal the books). */
  @GetMapping("/hocba-copies")
  String mine() {
    java.util.TreeSet<Long> schools =
        new java.util.TreeSet<>(authorization.schoolsWhere(Action.PRINT_BOOKS));
    schools.addAll(authorization.schoolsWhere(Action.SEAL_RECORDS));
    if (schools.isEmpty()) {
      throw new NotFoundException("hocba-copies");
    }
    return "redirect:" + page(schools.first());
  }

  @GetMapping("/schools/{schoolId}/hocba-copies")
  String page(@PathVariable long schoolId, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("rows", copies.list(schoolId));
    model.addAttribute("mayDecide", copies.mayDecide(schoolId));
    return "records/hocba-copies";
  }

  @PostMapping("/schools/{schoolId}/hocba-copies")
  String record(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "") String student,
      @RequestParam(defaultValue = "") String applicantName,
      @RequestParam(defaultValue = "") String applicantRelation,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy")
          @Nullable LocalDate receivedOn,
      @RequestParam(value = "application", required = false) @Nullable MultipartFile application,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          copies.record(
              user,
              schoolId,
              new HocBaCopies.Form(
                  student,
                  applicantName,
                  applicantRelation,
                  reason,
                  receivedOn,
                  bytes(application)));
          return "records.copy.saved";
        },
        "record",
        page(schoolId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/hocba-copies/{id}/approve")
  String approve(
      @PathVariable long schoolId,
      @PathVariable long id,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> copies.approve(user, schoolId, id), "decide", page(schoolId), redirect);
  }

  @PostMapping("/schools/{schoolId}/hocba-copies/{id}/refuse")
  String refuse(
      @PathVariable long schoolId,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String refusal,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> copies.refuse(user, schoolId, id, refusal), "decide", page(schoolId), redirect);
  }

  @PostMapping("/schools/{schoolId}/hocba-copies/{id}/issue")
  String issue(
      @PathVariable long schoolId,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String inPlace,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> copies.issue(user, schoolId, id, Arrays.asList(inPlace.split(","))),
        "issue",
        page(schoolId),
        redirect);
  }

  @GetMapping("/schools/{schoolId}/hocba-copies/{id}/copy.pdf")
  ResponseEntity<byte[]> copy(@PathVariable long schoolId, @PathVariable long id) {
    var doc = documents.copy(schoolId, id);
    return Downloads.pdf(doc.body(), doc.fileName());
  }

  @GetMapping("/schools/{schoolId}/hocba-copies/{id}/minutes.pdf")
  ResponseEntity<byte[]> minutes(@PathVariable long schoolId, @PathVariable long id) {
    var doc = documents.minutes(schoolId, id);
    return Downloads.pdf(doc.body(), doc.fileName());
  }

  private static String page(long schoolId) {
    return "/schools/" + schoolId + "/hocba-copies";
  }

  private static byte @Nullable [] bytes(@Nullable MultipartFile file) {
    try {
      return file == null || file.isEmpty() ? null : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
