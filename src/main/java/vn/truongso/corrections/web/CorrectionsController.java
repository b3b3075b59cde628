package vn.truongso.corrections.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import vn.truongso.corrections.Corrections;
import vn.truongso.corrections.Detail;
import vn.truongso.corrections.Filing;
import vn.truongso.corrections.Outcome;
import vn.truongso.corrections.Request;
import vn.truongso.corrections.Upload;
import vn.truongso.corrections.internal.Minutes;
import vn.truongso.gradebook.corrections.Marks;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.ScopeDirectory;

/**
 * The correction requests' pages: the teacher's form over the class's closed cells, the list, one
 * request with its evidence and the steps it waits for, the minutes to print and sign.
 */
@Controller
class CorrectionsController {

  private static final List<Action> INVOLVED =
      List.of(
          Action.ENTER_SCORES,
          Action.ENTER_CONDUCT,
          Action.APPROVE_RESULTS,
          Action.MANAGE_LOCKS,
          Action.LOCK_GRADEBOOK);

  private final Corrections corrections;
  private final Marks marks;
  private final Minutes minutes;
  private final Organisation org;
  private final Authorization authorization;
  private final List<ScopeDirectory> directories;

  CorrectionsController(
      Corrections corrections,
      Marks marks,
      Minutes minutes,
      Organisation org,
      Authorization authorization,
      List<ScopeDirectory> directories) {
    this.corrections = corrections;
    this.marks = marks;
    this.minutes = minutes;
    this.org = org;
    this.authorization = authorization;
    this.directories = directories;
  }

  @GetMapping("/corrections")
  String mine() {
    TreeSet<Long> schools = new TreeSet<>();
    INVOLVED.forEach(a -> schools.addAll(authorization.schoolsWhere(a)));
    if (schools.isEmpty()) {
      throw new NotFoundException("corrections");
    }
    return "redirect:/schools/" + schools.first() + "/corrections";
  }

  @GetMapping("/schools/{schoolId}/corrections")
  String list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam(required = false) Integer year,
      Model model) {
    if (INVOLVED.stream().noneMatch(a -> authorization.schoolsWhere(a).contains(schoolId))) {
      throw new NotFoundException("corrections");
    }
    int startYear =
        year != null
            ? year
            : org.currentYear(schoolId)
                .map(SchoolYear::startYear)
                .orElseThrow(() -> new NotFoundException("year"));
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("school", school(schoolId));
    model.addAttribute("startYear", startYear);
    model.addAttribute("requests", corrections.list(user, schoolId, startYear));
    model.addAttribute("waivers", corrections.waivers(schoolId, startYear));
    model.addAttribute("mayWaive", corrections.mayGrant(schoolId));
    Map<String, String> classes = new LinkedHashMap<>();
    directories.forEach(
        d -> d.classOptions(schoolId, startYear).forEach(o -> classes.put(o.value(), o.label())));
    model.addAttribute("classes", classes);
    return "corrections/list";
  }

  @GetMapping("/schools/{schoolId}/corrections/new")
  String form(
      @PathVariable long schoolId,
      @RequestParam long classId,
      @RequestParam(defaultValue = "") String subject,
      @RequestParam int term,
      Model model) {
    return form(schoolId, classId, blank(subject), term, Map.of(), "", null, model);
  }

  @PostMapping("/schools/{schoolId}/corrections")
  String file(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam long classId,
      @RequestParam(defaultValue = "") String subject,
      @RequestParam int term,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam Map<String, String> params,
      @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
      Model model) {
    Map<String, String> proposed = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (k.startsWith("cell-")) {
            proposed.put(k.substring(5), v);
          }
        });
    List<Upload> uploads = new ArrayList<>();
    if (evidence != null) {
      for (MultipartFile f : evidence) {
        uploads.add(upload(f));
      }
    }
    try {
      long id =
          corrections.file(
              user, schoolId, new Filing(classId, blank(subject), term, reason, proposed, uploads));
      return "redirect:/schools/" + schoolId + "/corrections/" + id + "?filed";
    } catch (InvalidInput e) {
      return form(schoolId, classId, blank(subject), term, proposed, reason, e, model);
    }
  }

  @GetMapping("/schools/{schoolId}/corrections/{id}")
  String detail(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long id,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("d", corrections.detail(user, schoolId, id));
    return "corrections/detail";
  }

  @PostMapping("/schools/{schoolId}/corrections/{id}/decision")
  String decide(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long id,
      @RequestParam boolean approve,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          Outcome o = corrections.decide(user, schoolId, id, approve, note);
          return o == Outcome.STALE
              ? "corrections.done.stale"
              : approve ? "corrections.done.approved" : "corrections.done.rejected";
        },
        "",
        back(schoolId, id),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/corrections/{id}/confirm")
  String confirm(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long id,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () ->
            "corrections.done."
                + corrections.confirm(user, schoolId, id).name().toLowerCase(java.util.Locale.ROOT),
        "",
        back(schoolId, id),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/corrections/{id}/withdraw")
  String withdraw(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long id,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          corrections.withdraw(user, schoolId, id);
          return "corrections.done.withdrawn";
        },
        "",
        back(schoolId, id),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/corrections/{id}/evidence")
  String addEvidence(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long id,
      @RequestParam(name = "evidence", required = false) MultipartFile file,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          corrections.addEvidence(
              user, schoolId, id, file == null ? new Upload("", new byte[0]) : upload(file));
          return "corrections.done.evidence";
        },
        "",
        back(schoolId, id),
        redirect);
  }

  @GetMapping("/schools/{schoolId}/corrections/{id}/evidence/{evidenceId}")
  ResponseEntity<byte[]> evidence(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long id,
      @PathVariable long evidenceId) {
    var e = corrections.evidence(user, schoolId, id, evidenceId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(e.getKey().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(e.getKey().fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(e.getValue());
  }

  @GetMapping("/schools/{schoolId}/corrections/{id}/minutes.pdf")
  ResponseEntity<byte[]> minutes(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long id) {
    Detail d = corrections.detail(user, schoolId, id);
    if (d.request().state() != Request.State.CARRIED_OUT) {
      throw new NotFoundException("minutes");
    }
    return Downloads.pdf(minutes.pdf(school(schoolId), d), "bien-ban-sua-diem-" + id + ".pdf");
  }

  @PostMapping("/schools/{schoolId}/corrections/waivers")
  String waive(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam(required = false) Long classId,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String until,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          corrections.waive(user, schoolId, year, classId, reason, until);
          return "corrections.done.waiver";
        },
        "",
        "/schools/" + schoolId + "/corrections?year=" + year,
        redirect);
  }

  private String form(
      long schoolId,
      long classId,
      String subject,
      int term,
      Map<String, String> proposed,
      String reason,
      InvalidInput errors,
      Model model) {
    Marks.Grid grid = marks.grid(schoolId, classId, subject, term);
    if (!grid.mayFile()) {
      throw new NotFoundException("corrections.form");
    }
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("grid", grid);
    model.addAttribute("proposed", proposed);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors == null ? Map.of() : errors.byField());
    model.addAttribute("maxMb", Corrections.MAX_EVIDENCE_BYTES / (1024 * 1024));
    return "corrections/form";
  }

  private vn.truongso.org.School school(long schoolId) {
    return org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
  }

  private static Upload upload(MultipartFile f) {
    try {
      return new Upload(f.getOriginalFilename(), f.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String back(long schoolId, long id) {
    return "/schools/" + schoolId + "/corrections/" + id;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
