package vn.truongso.enrolment.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.internal.ClassListCheck;
import vn.truongso.enrolment.internal.ClassListExport;
import vn.truongso.enrolment.internal.ClassListImport;
import vn.truongso.enrolment.internal.ImportColumn;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;

/**
 * Class lists in and out of Excel: the template, upload, column mapping, preview, import, export.
 */
@Controller
class ImportController {

  private final ClassListImport imports;
  private final ClassListExport exports;
  private final MessageSource messages;

  ImportController(ClassListImport imports, ClassListExport exports, MessageSource messages) {
    this.imports = imports;
    this.exports = exports;
    this.messages = messages;
  }

  @GetMapping("/schools/{schoolId}/import-template.xlsx")
  ResponseEntity<byte[]> template(@PathVariable long schoolId) {
    return Downloads.xlsx(exports.template(schoolId), "mau-danh-sach-hoc-sinh.xlsx");
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/export.xlsx")
  ResponseEntity<byte[]> export(@PathVariable long schoolId, @PathVariable long classId) {
    return Downloads.xlsx(exports.export(schoolId, classId), "danh-sach-lop-" + classId + ".xlsx");
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/import")
  String start(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    model.addAttribute("schoolClass", imports.requireClass(schoolId, classId));
    return "enrolment/import";
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/import")
  String upload(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam("file") MultipartFile file,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect)
      throws IOException {
    byte[] bytes = file.getBytes();
    return FormOutcome.runTo(
        () ->
            "redirect:"
                + startPage(schoolId, classId)
                + "/"
                + imports.upload(
                    schoolId, classId, user.accountId(), file.getOriginalFilename(), bytes),
        "import",
        startPage(schoolId, classId),
        redirect);
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/import/{uploadId}")
  String preview(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable UUID uploadId,
      @RequestParam Map<String, String> params,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model,
      RedirectAttributes redirect) {
    Classes.SchoolClass schoolClass = imports.requireClass(schoolId, classId);
    return FormOutcome.runTo(
        () -> {
          ClassListImport.Preview preview =
              imports.preview(schoolId, classId, user.accountId(), uploadId, mapping(params));
          model.addAttribute("schoolClass", schoolClass);
          model.addAttribute("preview", preview);
          model.addAttribute("fields", ImportColumn.values());
          model.addAttribute("choices", ClassListImport.columnChoices(preview.headers()));
          model.addAttribute("rows", rowViews(preview.rows()));
          return "enrolment/import-preview";
        },
        "import",
        startPage(schoolId, classId),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/import/{uploadId}")
  String commit(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable UUID uploadId,
      @RequestParam Map<String, String> params,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.runTo(
        () -> {
          int added =
              imports.importValidRows(
                  schoolId, classId, user.accountId(), uploadId, mapping(params));
          redirect.addFlashAttribute("imported", added);
          return "redirect:/schools/" + schoolId + "/classes/" + classId;
        },
        "import",
        startPage(schoolId, classId),
        redirect);
  }

  private static String startPage(long schoolId, long classId) {
    return "/schools/" + schoolId + "/classes/" + classId + "/import";
  }

  /** One row of the preview with its messages in the user's language. */
  record RowView(int rowNumber, String name, boolean valid, List<String> problems) {}

  private List<RowView> rowViews(List<ClassListCheck.RowResult> rows) {
    Locale locale = LocaleContextHolder.getLocale();
    List<RowView> views = new ArrayList<>(rows.size());
    for (ClassListCheck.RowResult r : rows) {
      List<String> problems = new ArrayList<>();
      for (ClassListCheck.CellError e : r.errors()) {
        String text = messages.getMessage(e.messageKey(), e.args().toArray(), locale);
        String column = messages.getMessage(e.column().headerKey(), null, locale);
        problems.add(
            e.cell().isEmpty()
                ? messages.getMessage("import.rowError", new Object[] {column, text}, locale)
                : messages.getMessage(
                    "import.cellError", new Object[] {e.cell(), column, text}, locale));
      }
      views.add(new RowView(r.rowNumber(), r.name(), r.valid(), problems));
    }
    return views;
  }

  /**
   * {@code map.BIRTH_DATE=2}: the field is in the file's third column; -1 or absent: not in it. No
   * {@code map.} parameter at all: guess from the headers.
   */
  private static Map<ImportColumn, Integer> mapping(Map<String, String> params) {
    if (params.keySet().stream().noneMatch(k -> k.startsWith("map."))) {
      return null; // first view: guessed from the headers
    }
    Map<ImportColumn, Integer> mapping = new EnumMap<>(ImportColumn.class);
    for (ImportColumn c : ImportColumn.values()) {
      String value = params.get("map." + c.name());
      if (value != null && value.matches("\\d{1,3}")) {
        mapping.put(c, Integer.valueOf(value));
      }
    }
    return mapping;
  }
}
