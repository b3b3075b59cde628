package vn.truongso.gradebook.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.gradebook.internal.PrimaryEntry;
import vn.truongso.gradebook.internal.PrimarySheetFiles;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/**
 * The primary subject teacher's sheet (TT27): a subject of a class at one of the year's four
 * points, a line per pupil with the level (T, H, C), the comment and, where the grade has a test at
 * that point, the score; each line saved on its own, a refusal shown on its line.
 */
@Controller
class PrimarySheetController {

  private final PrimaryEntry entry;
  private final PrimarySheetFiles files;
  private final MessageSource messages;

  PrimarySheetController(PrimaryEntry entry, PrimarySheetFiles files, MessageSource messages) {
    this.entry = entry;
    this.files = files;
    this.messages = messages;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/primary/{subject}")
  String sheet(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @RequestParam(defaultValue = "CN") PrimaryPoint point,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("sheet", entry.sheet(schoolId, classId, subject, point));
    model.addAttribute("bank", entry.commentBank(user, schoolId, subject));
    model.addAttribute("point", point);
    model.addAttribute("points", List.of(PrimaryPoint.values()));
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("maxComment", PrimaryEntry.MAX_COMMENT);
    return "gradebook/primary-sheet";
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary/{subject}/{point}/{studentId}")
  String save(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @PathVariable PrimaryPoint point,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "") String level,
      @RequestParam(defaultValue = "") String comment,
      @RequestParam(defaultValue = "") String score,
      @RequestParam(defaultValue = "0") int version,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    try {
      entry.saveSubject(
          user,
          schoolId,
          classId,
          subject,
          point,
          studentId,
          new PrimaryEntry.Typed(level, comment, score, version));
      redirect.addFlashAttribute("savedStudent", studentId);
    } catch (InvalidInput e) {
      InvalidInput.FieldError first = e.errors().getFirst();
      refused(redirect, studentId, first.messageKey(), first.args().toArray());
    } catch (UserInputException e) {
      refused(redirect, studentId, e.messageKey(), e.args());
    }
    return "redirect:/schools/"
        + schoolId
        + "/classes/"
        + classId
        + "/primary/"
        + subject
        + "?point="
        + point;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/primary/{subject}/export.xlsx")
  ResponseEntity<byte[]> export(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @RequestParam(defaultValue = "CN") PrimaryPoint point) {
    byte[] body = files.export(schoolId, classId, subject, point);
    String name = "so-" + subject + "-" + point + ".xlsx";
    return Downloads.xlsx(body, name);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary/{subject}/import")
  String importFile(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @RequestParam(defaultValue = "CN") PrimaryPoint point,
      @RequestParam("file") MultipartFile file,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    String back =
        "/schools/" + schoolId + "/classes/" + classId + "/primary/" + subject + "?point=" + point;
    try {
      int changed = files.importFile(user, schoolId, classId, subject, point, file.getBytes());
      redirect.addFlashAttribute("imported", changed);
    } catch (InvalidInput e) {
      redirect.addFlashAttribute(
          "importProblems",
          e.errors().stream()
              .map(f -> f.field() + ": " + message(f.messageKey(), f.args().toArray()))
              .toList());
    } catch (UserInputException e) {
      redirect.addFlashAttribute("importProblems", List.of(message(e.messageKey(), e.args())));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return "redirect:" + back;
  }

  /** What the sheet's script gets back for a line: the new version, or the refusal's text. */
  record LineAnswer(String state, Integer version, String field, String message) {}

  /** The same save for the sheet's script: JSON in the page's language instead of a redirect. */
  @PostMapping(
      value = "/schools/{schoolId}/classes/{classId}/primary/{subject}/{point}/{studentId}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<LineAnswer> saveLine(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @PathVariable PrimaryPoint point,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "") String level,
      @RequestParam(defaultValue = "") String comment,
      @RequestParam(defaultValue = "") String score,
      @RequestParam(defaultValue = "0") int version,
      @AuthenticationPrincipal AuthenticatedUser user) {
    try {
      int saved =
          entry.saveSubject(
              user,
              schoolId,
              classId,
              subject,
              point,
              studentId,
              new PrimaryEntry.Typed(level, comment, score, version));
      return ResponseEntity.ok(new LineAnswer("saved", saved, null, null));
    } catch (InvalidInput e) {
      InvalidInput.FieldError first = e.errors().getFirst();
      return ResponseEntity.unprocessableContent()
          .body(
              new LineAnswer(
                  "error",
                  null,
                  first.field(),
                  message(first.messageKey(), first.args().toArray())));
    } catch (UserInputException e) {
      HttpStatus status =
          e.messageKey().equals("gradebook.primary.conflict")
              ? HttpStatus.CONFLICT
              : HttpStatus.UNPROCESSABLE_CONTENT;
      return ResponseEntity.status(status)
          .body(new LineAnswer("error", null, e.field(), message(e.messageKey(), e.args())));
    }
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private static void refused(
      RedirectAttributes redirect, long studentId, String key, Object[] args) {
    redirect.addFlashAttribute("errorStudent", studentId);
    redirect.addFlashAttribute("error", key);
    redirect.addFlashAttribute("errorArgs", args);
  }
}
