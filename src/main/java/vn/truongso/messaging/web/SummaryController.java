package vn.truongso.messaging.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.messaging.internal.Summaries;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.UserInputException;

/** The principal's periodic results summaries: prepare for a period, read some, release. */
@Controller
class SummaryController {

  private final Summaries summaries;
  private final Clock clock;

  SummaryController(Summaries summaries, Clock clock) {
    this.summaries = summaries;
    this.clock = clock;
  }

  @GetMapping("/schools/{schoolId}/messages/summaries")
  String index(@PathVariable long schoolId, Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("batches", summaries.batches(schoolId));
    model.addAttribute("from", today.minusMonths(1).withDayOfMonth(1));
    model.addAttribute("to", today.withDayOfMonth(1).minusDays(1));
    return "messaging/summaries";
  }

  @PostMapping("/schools/{schoolId}/messages/summaries")
  String prepare(
      @PathVariable long schoolId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    String list = "/schools/" + schoolId + "/messages/summaries";
    return FormOutcome.runTo(
        () -> {
          if (from == null || to == null) {
            throw new UserInputException("from", "messaging.error.summaryPeriod", 150);
          }
          long id = summaries.prepare(user, schoolId, from, to);
          return "redirect:" + list + "/" + id;
        },
        "summary",
        list,
        redirect);
  }

  @GetMapping("/schools/{schoolId}/messages/summaries/{batchId}")
  String batch(@PathVariable long schoolId, @PathVariable long batchId, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("v", summaries.view(schoolId, batchId));
    return "messaging/summary-batch";
  }

  @PostMapping("/schools/{schoolId}/messages/summaries/{batchId}/release")
  String release(
      @PathVariable long schoolId,
      @PathVariable long batchId,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    String back = "/schools/" + schoolId + "/messages/summaries/" + batchId;
    return FormOutcome.run(
        () -> summaries.release(user, schoolId, batchId), "release", back, redirect);
  }
}
