package vn.truongso.gradebook.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.gradebook.internal.PrimaryApprovals;
import vn.truongso.gradebook.internal.PrimaryBoard;
import vn.truongso.gradebook.internal.PrimaryBoardPrint;
import vn.truongso.gradebook.internal.PrimaryHomeroom;
import vn.truongso.gradebook.internal.PrimaryQualitiesFiles;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;

/**
 * A primary class's own pages (TT27): the Bảng tổng hợp kết quả đánh giá giáo dục at each point
 * with the term's submission and approval, and the homeroom teacher's qualities and competencies.
 */
@Controller
class PrimaryClassController {

  private final PrimaryBoard board;
  private final PrimaryHomeroom homeroom;
  private final PrimaryApprovals approvals;
  private final PrimaryBoardPrint prints;
  private final PrimaryQualitiesFiles qualityFiles;
  private final org.springframework.context.MessageSource messages;

  PrimaryClassController(
      PrimaryBoard board,
      PrimaryHomeroom homeroom,
      PrimaryApprovals approvals,
      PrimaryBoardPrint prints,
      PrimaryQualitiesFiles qualityFiles,
      org.springframework.context.MessageSource messages) {
    this.prints = prints;
    this.qualityFiles = qualityFiles;
    this.messages = messages;
    this.board = board;
    this.homeroom = homeroom;
    this.approvals = approvals;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/primary-board")
  String board(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "CN") PrimaryPoint point,
      Model model) {
    model.addAttribute("board", board.board(schoolId, classId, point));
    model.addAttribute("points", List.of(PrimaryPoint.values()));
    return "gradebook/primary-board";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/primary-board.pdf")
  ResponseEntity<byte[]> print(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "CN") PrimaryPoint point) {
    PrimaryBoardPrint.Printed p;
    try {
      p = prints.print(schoolId, classId, point);
    } catch (UserInputException e) {
      // a download has no page to show the refusal on: a class of another level has no sheet
      throw new NotFoundException("primary board of class " + classId);
    }
    return Downloads.pdf(p.body(), p.fileName());
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary-board/{term}/{step}")
  String decide(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable int term,
      @PathVariable String step,
      @RequestParam(defaultValue = "CN") PrimaryPoint point,
      @RequestParam(defaultValue = "") String note,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          switch (step) {
            case "submit" -> approvals.submit(user, schoolId, classId, term);
            case "approve" -> approvals.approve(user, schoolId, classId, term);
            case "return" -> approvals.returnToTeacher(user, schoolId, classId, term, note);
            default -> throw new NotFoundException("step " + step);
          }
          return "primary.board.done." + step;
        },
        "approval",
        boardUrl(schoolId, classId, point),
        redirect);
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/primary-qualities")
  String qualities(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "CN") PrimaryPoint point,
      Model model) {
    model.addAttribute("sheet", homeroom.sheet(schoolId, classId, point));
    model.addAttribute("point", point);
    model.addAttribute("points", List.of(PrimaryPoint.values()));
    model.addAttribute("items", PrimaryHomeroom.ITEMS);
    return "gradebook/primary-qualities";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/primary-qualities/export.xlsx")
  ResponseEntity<byte[]> exportQualities(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "CN") PrimaryPoint point) {
    return Downloads.xlsx(
        qualityFiles.export(schoolId, classId, point), "pham-chat-nang-luc-" + point + ".xlsx");
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary-qualities/import")
  String importQualities(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "CN") PrimaryPoint point,
      @RequestParam("file") MultipartFile file,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect)
      throws java.io.IOException {
    byte[] bytes = file.getBytes();
    try {
      redirect.addFlashAttribute(
          "imported", qualityFiles.importFile(user, schoolId, classId, point, bytes));
    } catch (vn.truongso.platform.InvalidInput e) {
      redirect.addFlashAttribute(
          "importProblems",
          e.errors().stream()
              .map(f -> f.field() + ": " + message(f.messageKey(), f.args().toArray()))
              .toList());
    } catch (UserInputException e) {
      redirect.addFlashAttribute("importProblems", List.of(message(e.messageKey(), e.args())));
    }
    return "redirect:/schools/"
        + schoolId
        + "/classes/"
        + classId
        + "/primary-qualities?point="
        + point;
  }

  private String message(String key, Object... args) {
    return messages.getMessage(
        key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/primary-qualities/{point}/{studentId}")
  String saveQualities(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @PathVariable PrimaryPoint point,
      @PathVariable long studentId,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    Map<String, String> levels = new HashMap<>();
    Map<String, Integer> versions = new HashMap<>();
    for (String item : PrimaryHomeroom.ITEMS) {
      levels.put(item, form.getOrDefault("level_" + item, ""));
    }
    for (String item : allItems()) {
      versions.put(item, version(form.get("version_" + item)));
    }
    PrimaryHomeroom.Typed typed =
        new PrimaryHomeroom.Typed(
            levels,
            versions,
            form.getOrDefault("comment_" + PrimaryHomeroom.QUALITIES_COMMENT, ""),
            form.getOrDefault("comment_" + PrimaryHomeroom.COMPETENCES_COMMENT, ""));
    redirect.addFlashAttribute("lineStudent", studentId);
    return FormOutcome.done(
        () -> {
          homeroom.saveLine(user, schoolId, classId, point, studentId, typed);
          return "primary.sheet.saved";
        },
        "line",
        "/schools/" + schoolId + "/classes/" + classId + "/primary-qualities?point=" + point,
        redirect);
  }

  private static List<String> allItems() {
    List<String> all = new java.util.ArrayList<>(PrimaryHomeroom.ITEMS);
    all.add(PrimaryHomeroom.QUALITIES_COMMENT);
    all.add(PrimaryHomeroom.COMPETENCES_COMMENT);
    return all;
  }

  private static int version(String typed) {
    try {
      return typed == null ? 0 : Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String boardUrl(long schoolId, long classId, PrimaryPoint point) {
    return "/schools/" + schoolId + "/classes/" + classId + "/primary-board?point=" + point;
  }
}
