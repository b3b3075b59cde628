package vn.truongso.gradebook.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.gradebook.internal.Approvals;
import vn.truongso.gradebook.internal.ClassBook;
import vn.truongso.gradebook.internal.ClassBookWorkbook;
import vn.truongso.gradebook.internal.ConductEntry;
import vn.truongso.gradebook.internal.Recomputation;
import vn.truongso.gradebook.internal.TypedMarks;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;

/**
 * The homeroom teacher's class book: results of every subject, conduct and absences, the computed
 * outcome and the lists, and what is missing before the class can be submitted.
 */
@Controller
class ClassBookController {

  private final ClassBook classBook;
  private final ConductEntry conductEntry;
  private final Approvals approvals;
  private final ClassBookWorkbook workbook;
  private final Recomputation recomputation;
  private final Organisation org;
  private final java.time.Clock clock;

  ClassBookController(
      ClassBook classBook,
      ConductEntry conductEntry,
      Approvals approvals,
      ClassBookWorkbook workbook,
      Recomputation recomputation,
      Organisation org,
      java.time.Clock clock) {
    this.clock = clock;
    this.recomputation = recomputation;
    this.workbook = workbook;
    this.classBook = classBook;
    this.conductEntry = conductEntry;
    this.approvals = approvals;
    this.org = org;
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/book/submit")
  String submit(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam int period,
      RedirectAttributes redirect) {
    return decide(
        () -> approvals.submit(user, schoolId, classId, period),
        "book.approval.submitted",
        schoolId,
        classId,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/book/approve")
  String approve(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam int period,
      RedirectAttributes redirect) {
    return decide(
        () -> approvals.approve(user, schoolId, classId, period),
        "book.approval.approved",
        schoolId,
        classId,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/book/return")
  String giveBack(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam int period,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return decide(
        () -> approvals.returnToTeacher(user, schoolId, classId, period, note),
        "book.approval.returned",
        schoolId,
        classId,
        redirect);
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/book/export.xlsx")
  ResponseEntity<byte[]> export(@PathVariable long schoolId, @PathVariable long classId) {
    return Downloads.xlsx(workbook.export(schoolId, classId), "so-lop-" + classId + ".xlsx");
  }

  /** The principal's list: every secondary class and where its results stand. */
  @GetMapping("/schools/{schoolId}/approvals")
  String approvalList(
      @PathVariable long schoolId, @RequestParam(required = false) Integer year, Model model) {
    int startYear =
        year != null
            ? year
            : org.currentYear(schoolId)
                .map(SchoolYear::startYear)
                .orElseThrow(() -> new NotFoundException("year"));
    model.addAttribute("rows", approvals.school(schoolId, startYear));
    model.addAttribute("job", recomputation.latest(schoolId).orElse(null));
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("school", org.school(schoolId).orElseThrow());
    model.addAttribute("startYear", startYear);
    return "gradebook/approvals";
  }

  private static String decide(
      Runnable action, String done, long schoolId, long classId, RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          action.run();
          return done;
        },
        "approval",
        "/schools/" + schoolId + "/classes/" + classId + "/book",
        redirect);
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/book")
  String book(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(required = false) Integer period,
      Model model) {
    ClassBook.Book book = classBook.book(schoolId, classId);
    return render(book, period == null ? currentPeriod(book) : period, Map.of(), Map.of(), model);
  }

  /**
   * The book opens on the term being taught (a teacher on a phone looks at today's term): term I
   * until its last day, then term II, and the year once the year is over or is not this one.
   */
  private int currentPeriod(ClassBook.Book book) {
    var c = book.schoolClass();
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    return org.years(c.schoolId()).stream()
        .filter(y -> y.startYear() == c.startYear())
        .filter(y -> !today.isAfter(y.endsOn()) && !today.isBefore(y.startsOn()))
        .findFirst()
        .map(y -> y.termOn(today))
        .orElse(3);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/book/conduct")
  String save(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Map<Long, ConductEntry.Form> entries = new LinkedHashMap<>();
    for (String key : form.keySet()) {
      if (key.startsWith("student-")) {
        String id = key.substring("student-".length());
        if (!id.matches("\\d{1,18}")) {
          continue;
        }
        entries.put(
            Long.parseLong(id),
            new ConductEntry.Form(
                form.get("HK1-" + id),
                form.get("HK2-" + id),
                form.get("CN-" + id),
                form.get("HE-" + id),
                form.get("comment1-" + id),
                form.get("comment2-" + id),
                form.get("absent1e-" + id),
                form.get("absent1u-" + id),
                form.get("absent2e-" + id),
                form.get("absent2u-" + id)));
      }
    }
    try {
      conductEntry.save(user, schoolId, classId, entries);
    } catch (InvalidInput e) {
      return render(classBook.book(schoolId, classId), 3, e.byField(), form, model);
    }
    redirect.addFlashAttribute("bookSaved", true);
    return "redirect:/schools/" + schoolId + "/classes/" + classId + "/book";
  }

  private String render(
      ClassBook.Book book,
      int period,
      Map<String, InvalidInput.FieldError> errors,
      Map<String, String> submitted,
      Model model) {
    model.addAttribute("book", book);
    model.addAttribute("mayApprove", approvals.mayApprove(book.schoolClass().schoolId()));
    model.addAttribute("period", period == 1 || period == 2 ? period : 3);
    model.addAttribute("errors", errors);
    model.addAttribute("submitted", submitted);
    model.addAttribute("text", new Texts());
    return "gradebook/class-book";
  }

  /** Values as the book prints them (8,5; DAT, CHUA_DAT shown as Đ, CĐ by the template). */
  static final class Texts {
    public String of(Object value) {
      return TypedMarks.result(value);
    }
  }
}
