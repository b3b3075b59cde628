package vn.truongso.gradebook.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
import vn.truongso.gradebook.internal.ScoreEntry;
import vn.truongso.gradebook.internal.ScoreSheet;
import vn.truongso.gradebook.internal.SheetExport;
import vn.truongso.gradebook.internal.SheetFiles;
import vn.truongso.gradebook.internal.TypedMarks;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/**
 * The subject teacher's page of the grade book for one class, subject and term, and the endpoint
 * each cell saves to as the teacher types.
 */
@Controller
class ScoreSheetController {

  private static final Set<String> CODES = Set.of("DAT", "CHUA_DAT", TypedMarks.ABSENT);

  private final ScoreEntry entry;
  private final ScoreSheet sheets;
  private final SheetExport export;
  private final SheetFiles files;
  private final MessageSource messages;

  ScoreSheetController(
      ScoreEntry entry,
      ScoreSheet sheets,
      SheetExport export,
      SheetFiles files,
      MessageSource messages) {
    this.entry = entry;
    this.sheets = sheets;
    this.export = export;
    this.files = files;
    this.messages = messages;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/scores/{subject}")
  String sheet(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @RequestParam(defaultValue = "1") int term,
      Model model) {
    ScoreSheet.Sheet sheet = sheets.sheet(schoolId, classId, subject, term);
    List<SheetView.Row> rows = new ArrayList<>();
    int number = 0;
    for (ScoreSheet.Row r : sheet.rows()) {
      List<SheetView.Cell> cells = new ArrayList<>();
      for (var e : r.cells().entrySet()) {
        String slot = e.getKey();
        boolean editable =
            sheet.editable()
                && !r.leftOut()
                && (!sheet.frozen() || slot.equals(ScoreEntry.RETEST))
                && sheet.open(slot);
        cells.add(
            new SheetView.Cell(slot, label(e.getValue().text()), e.getValue().version(), editable));
      }
      rows.add(
          new SheetView.Row(
              ++number, r.student(), cells, label(r.result()), r.exemption(), r.leftOut()));
    }
    model.addAttribute("sheet", sheet);
    model.addAttribute("rows", rows);
    return "gradebook/sheet";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/scores/{subject}/export.xlsx")
  ResponseEntity<byte[]> export(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @RequestParam(defaultValue = "1") int term) {
    return Downloads.xlsx(
        export.export(schoolId, classId, subject, term),
        "so-diem-" + classId + "-" + subject + "-hk" + term + ".xlsx");
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/scores/{subject}/import")
  String importFile(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @RequestParam(defaultValue = "1") int term,
      @RequestParam("file") MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    String back =
        "redirect:/schools/"
            + schoolId
            + "/classes/"
            + classId
            + "/scores/"
            + subject
            + "?term="
            + term;
    List<String> problems = new ArrayList<>();
    try {
      SheetFiles.Imported done =
          files.importFile(user, schoolId, classId, subject, term, file.getBytes());
      redirect.addFlashAttribute("imported", done.changed());
      return back;
    } catch (InvalidInput e) {
      for (InvalidInput.FieldError f : e.errors()) {
        problems.add(
            message(
                "gradebook.import.atCell", f.field(), message(f.messageKey(), f.args().toArray())));
      }
    } catch (UserInputException e) {
      problems.add(message(e.messageKey(), e.args()));
    }
    model.addAttribute("importProblems", problems);
    return sheet(schoolId, classId, subject, term, model);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/scores/{subject}/cell")
  @ResponseBody
  ResponseEntity<SheetView.CellAnswer> save(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable String subject,
      @RequestParam int term,
      @RequestParam long student,
      @RequestParam String slot,
      @RequestParam(defaultValue = "") String value,
      @RequestParam int version) {
    try {
      ScoreEntry.Saved saved =
          entry.save(user, schoolId, classId, subject, term, student, slot, value, version);
      return switch (saved) {
        case ScoreEntry.Saved.Done d ->
            ResponseEntity.ok(
                SheetView.CellAnswer.saved(label(d.text()), d.version(), label(d.result())));
        case ScoreEntry.Saved.Conflict c ->
            ResponseEntity.status(HttpStatus.CONFLICT)
                .body(
                    SheetView.CellAnswer.conflict(
                        label(c.text()),
                        c.version(),
                        label(c.result()),
                        message("gradebook.cell.conflict", label(c.text()), label(c.yours()))));
      };
    } catch (UserInputException e) {
      return ResponseEntity.unprocessableContent()
          .body(SheetView.CellAnswer.refused(message(e.messageKey(), e.args())));
    }
  }

  /** Đ, CĐ and V in the book's notation, from the bundle. */
  private String label(String text) {
    return CODES.contains(text) ? message("gradebook.mark." + text) : text;
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
