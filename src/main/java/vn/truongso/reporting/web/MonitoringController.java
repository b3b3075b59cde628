package vn.truongso.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.SecondaryBookPages;
import vn.truongso.reporting.internal.CorrectionLog;
import vn.truongso.reporting.internal.LogPrint;
import vn.truongso.reporting.internal.ProgressReport;

/** The leaders' check of the grade book: the month's correction log and the entry progress. */
@Controller
class MonitoringController {

  private final CorrectionLog log;
  private final LogPrint print;
  private final ProgressReport progress;
  private final SchoolPages pages;
  private final Authorization authorization;
  private final Clock clock;

  MonitoringController(
      CorrectionLog log,
      LogPrint print,
      ProgressReport progress,
      SchoolPages pages,
      Authorization authorization,
      Clock clock) {
    this.log = log;
    this.print = print;
    this.progress = progress;
    this.pages = pages;
    this.authorization = authorization;
    this.clock = clock;
  }

  @Bean
  static NavItem monitoringNav() {
    return new NavItem("reporting.nav", "/monitoring", Action.MONITOR_GRADEBOOK, 46);
  }

  /** The correction log, the entry progress and the anomalies check the secondary grade book. */
  @Bean
  static SecondaryBookPages monitoringPages() {
    return SecondaryBookPages.of("/schools/{schoolId}/monitoring/**");
  }

  @GetMapping("/monitoring")
  String mine() {
    Set<Long> schools = authorization.schoolsWhere(Action.MONITOR_GRADEBOOK);
    long first =
        schools.stream()
            .mapToLong(Long::longValue)
            .min()
            .orElseThrow(() -> new NotFoundException("monitoring"));
    return "redirect:/schools/" + first + "/monitoring/progress";
  }

  @GetMapping("/schools/{schoolId}/monitoring/changes")
  String changes(
      @PathVariable long schoolId,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) Long classId,
      @RequestParam(required = false) Long by,
      Model model) {
    SchoolYear y = pages.year(schoolId, year);
    YearMonth m = month(month, y, model);
    model.addAttribute("log", log.of(schoolId, y.startYear(), m, classId, by));
    pages.model(schoolId, y, model);
    return "reporting/changes";
  }

  @GetMapping("/schools/{schoolId}/monitoring/changes.pdf")
  ResponseEntity<byte[]> changesPdf(
      @PathVariable long schoolId,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) Long classId,
      @RequestParam(required = false) Long by) {
    SchoolYear y = pages.year(schoolId, year);
    YearMonth m = month(month, y, null);
    CorrectionLog.Log l = log.of(schoolId, y.startYear(), m, classId, by);
    byte[] pdf = print.pdf(pages.school(schoolId), y.startYear(), l, LocalDate.now(clock));
    return Downloads.pdf(pdf, "nhat-ki-sua-diem-" + m + ".pdf");
  }

  @GetMapping("/schools/{schoolId}/monitoring/progress")
  String progress(
      @PathVariable long schoolId,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer term,
      Model model) {
    SchoolYear y = pages.year(schoolId, year);
    Integer t = term != null && (term == 1 || term == 2) ? term : null;
    model.addAttribute("report", progress.of(schoolId, y.startYear(), LocalDate.now(clock), t));
    pages.model(schoolId, y, model);
    return "reporting/progress";
  }

  /**
   * The month asked for, or this month while the year runs (its last month once it is over). A
   * month that cannot be read falls back the same way and says so.
   */
  private YearMonth month(String asked, SchoolYear y, Model model) {
    if (asked != null && !asked.isBlank()) {
      try {
        return YearMonth.parse(asked.strip());
      } catch (DateTimeParseException e) {
        if (model != null) {
          model.addAttribute("monthError", true);
        }
      }
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate in =
        today.isBefore(y.startsOn())
            ? y.startsOn()
            : today.isAfter(y.endsOn()) ? y.endsOn() : today;
    return YearMonth.from(in);
  }
}
