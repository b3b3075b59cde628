package vn.truongso.kindergarten.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.kindergarten.internal.DailyNotes;
import vn.truongso.kindergarten.internal.GrowthRecords;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;

/**
 * A child's day: the teacher's page to write it (with a photo for that family only) and the
 * family's page in the portal; the photo itself is served to them and nobody else, never cached by
 * a shared cache.
 */
@Controller
class DailyNoteController {

  private final DailyNotes notes;
  private final GrowthRecords growth;
  private final Clock clock;

  DailyNoteController(DailyNotes notes, GrowthRecords growth, Clock clock) {
    this.notes = notes;
    this.growth = growth;
    this.clock = clock;
  }

  @GetMapping("/schools/{schoolId}/notes/students/{studentId}")
  String teacher(@PathVariable long schoolId, @PathVariable long studentId, Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("notes", notes.forTeacher(schoolId, studentId, today.minusDays(14)));
    model.addAttribute("g", growth.child(schoolId, studentId));
    model.addAttribute("today", today);
    model.addAttribute("ates", DailyNotes.Ate.values());
    return "kindergarten/notes-teacher";
  }

  @PostMapping("/schools/{schoolId}/notes/students/{studentId}")
  String write(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @RequestParam(defaultValue = "") String ate,
      @RequestParam(defaultValue = "") String sleptMinutes,
      @RequestParam(defaultValue = "") String health,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(required = false) @Nullable MultipartFile photo,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    byte[] bytes = read(photo);
    return FormOutcome.run(
        () ->
            notes.write(
                user,
                schoolId,
                studentId,
                day,
                new DailyNotes.Form(ate, sleptMinutes, health, note, bytes)),
        "note",
        "/schools/" + schoolId + "/notes/students/" + studentId,
        redirect);
  }

  @GetMapping("/portal/{schoolId}/{studentId}/notes")
  String family(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("studentId", studentId);
    model.addAttribute("notes", notes.forFamily(user.accountId(), schoolId, studentId));
    return "kindergarten/notes-family";
  }

  @GetMapping("/notes/photo/{schoolId}/{studentId}/{day}")
  ResponseEntity<byte[]> photo(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @AuthenticationPrincipal AuthenticatedUser user) {
    byte[] jpeg =
        notes
            .photo(user.accountId(), schoolId, studentId, day)
            .orElseThrow(() -> new NotFoundException("kindergarten.photo"));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(jpeg);
  }

  private static byte @Nullable [] read(@Nullable MultipartFile photo) {
    if (photo == null || photo.isEmpty()) {
      return null;
    }
    try {
      return photo.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
