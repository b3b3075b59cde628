package vn.truongso.reporting.web;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.HomePanel;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.SecondaryBookSchools;
import vn.truongso.reporting.internal.Anomalies;
import vn.truongso.reporting.internal.AnomalyFlags;
import vn.truongso.reporting.internal.AnomalyRules;

/**
 * The anomaly flags with their evidence, the leader's review of each, the school's thresholds, and
 * the panel that puts the open flags on the principal's and vice-principals' home page.
 */
@Controller
class AnomaliesController {

  private final Anomalies anomalies;
  private final SchoolPages pages;

  AnomaliesController(Anomalies anomalies, SchoolPages pages) {
    this.anomalies = anomalies;
    this.pages = pages;
  }

  @GetMapping("/schools/{schoolId}/monitoring/anomalies")
  String page(
      @PathVariable long schoolId, @RequestParam(required = false) Integer year, Model model) {
    SchoolYear y = pages.year(schoolId, year);
    model.addAttribute("report", anomalies.of(schoolId, y.startYear()));
    pages.model(schoolId, y, model);
    return "reporting/anomalies";
  }

  @PostMapping("/schools/{schoolId}/monitoring/anomalies/review")
  String review(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam String key,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          anomalies.review(user, schoolId, year, key, note);
          return "reporting.anomaly.done.reviewed";
        },
        "",
        back(schoolId, year),
        redirect);
  }

  @PostMapping("/schools/{schoolId}/monitoring/anomalies/thresholds")
  String thresholds(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          anomalies.setThresholds(user, schoolId, read(form));
          return "reporting.anomaly.done.thresholds";
        },
        "",
        back(schoolId, year),
        redirect);
  }

  private static String back(long schoolId, int year) {
    return "/schools/" + schoolId + "/monitoring/anomalies?year=" + year;
  }

  /** The form's fields as thresholds; a field that is not a number is its own error. */
  private static AnomalyRules.Thresholds read(Map<String, String> form) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Map<String, Integer> ints = new HashMap<>();
    for (String f :
        new String[] {
          "maxCellChanges", "minScores", "tenShare", "zeroShare", "lockHours", "lockChanges"
        }) {
      try {
        ints.put(f, Integer.parseInt(form.getOrDefault(f, "").strip()));
      } catch (NumberFormatException e) {
        errors.add(f, "reporting.thresholds.number");
      }
    }
    BigDecimal deviation = null;
    try {
      deviation =
          new BigDecimal(form.getOrDefault("averageDeviation", "").strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      errors.add("averageDeviation", "reporting.thresholds.number");
    }
    LocalTime starts = null;
    LocalTime ends = null;
    try {
      starts = LocalTime.parse(form.getOrDefault("workStarts", "").strip());
      ends = LocalTime.parse(form.getOrDefault("workEnds", "").strip());
    } catch (java.time.format.DateTimeParseException e) {
      errors.add("workHours", "reporting.thresholds.hours");
    }
    errors.throwIfAny();
    return new AnomalyRules.Thresholds(
        ints.get("maxCellChanges"),
        deviation,
        ints.get("minScores"),
        ints.get("tenShare"),
        ints.get("zeroShare"),
        starts,
        ends,
        ints.get("lockHours"),
        ints.get("lockChanges"));
  }

  /**
   * The open flags of the leader's school on the home page, the first few with their text; none for
   * a school that keeps no secondary grade book (a kindergarten, a primary school), which has no
   * marks to check.
   */
  @Bean
  static HomePanel anomaliesPanel(
      Anomalies anomalies,
      Authorization authorization,
      Organisation org,
      SecondaryBookSchools bookSchools) {
    return new HomePanel() {
      @Override
      public int order() {
        return 40;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        Set<Long> schools =
            bookSchools.keepingSecondaryBook(authorization.schoolsWhere(Action.MONITOR_GRADEBOOK));
        if (schools.isEmpty()) {
          return Optional.empty();
        }
        long schoolId = schools.stream().mapToLong(Long::longValue).min().getAsLong();
        return org.currentYear(schoolId)
            .map(
                y -> {
                  // stored flags, kept current by the grade book's MarksChanged events
                  AnomalyFlags.Open open = anomalies.openOnHome(schoolId, y.startYear(), 3);
                  return new Content(
                      "reporting/panels",
                      "anomalies",
                      new Panel(
                          schoolId,
                          y.startYear(),
                          open.count(),
                          open.first().stream().map(f -> new Anomalies.Shown(f, null)).toList()));
                });
      }
    };
  }

  /** The home-page panel: how many flags are open and the first few, unreviewed. */
  record Panel(long schoolId, int startYear, int open, List<Anomalies.Shown> first) {}
}
