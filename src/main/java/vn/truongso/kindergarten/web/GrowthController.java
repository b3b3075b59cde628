package vn.truongso.kindergarten.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.kindergarten.internal.DailyNotes;
import vn.truongso.kindergarten.internal.GrowthRecords;
import vn.truongso.kindergarten.internal.GrowthSchedule;
import vn.truongso.kindergarten.internal.HealthChecks;
import vn.truongso.kindergarten.internal.development.Development;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NavItem;

/** The kindergarten's growth pages: the groups, a group's last measurements, a child's record. */
@Controller
class GrowthController {

  private final GrowthRecords growth;
  private final HealthChecks health;
  private final Development development;
  private final DailyNotes notes;
  private final GrowthSchedule schedule;
  private final Clock clock;

  GrowthController(
      GrowthRecords growth,
      HealthChecks health,
      Development development,
      DailyNotes notes,
      GrowthSchedule schedule,
      Clock clock) {
    this.schedule = schedule;
    this.growth = growth;
    this.health = health;
    this.development = development;
    this.notes = notes;
    this.clock = clock;
  }

  @Bean
  static NavItem growthNav(GrowthRecords growth) {
    return new NavItem(
        "nav.growth", "/growth", Action.RECORD_GROWTH, 26, growth::measuresSomewhere);
  }

  @GetMapping("/growth")
  String home(Model model) {
    model.addAttribute("groups", growth.groups());
    return "kindergarten/growth-home";
  }

  @GetMapping("/schools/{schoolId}/growth/at-risk")
  String atRisk(@PathVariable long schoolId, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("children", growth.atRisk(schoolId));
    return "kindergarten/growth-at-risk";
  }

  @GetMapping("/schools/{schoolId}/growth/classes/{classId}")
  String group(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("children", growth.group(schoolId, classId));
    model.addAttribute("classId", classId);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("schedule", schedule.of(schoolId));
    model.addAttribute("maySetSchedule", schedule.maySet(schoolId));
    model.addAttribute("mayAssess", development.mayAssess(schoolId, classId));
    return "kindergarten/growth-group";
  }

  /** The form as typed, shown again when refused. */
  record Form(LocalDate on, String weightKg, String lengthCm, String position, boolean oedema) {}

  @GetMapping("/schools/{schoolId}/growth/students/{studentId}")
  String child(@PathVariable long schoolId, @PathVariable long studentId, Model model) {
    return page(schoolId, studentId, model, new Form(LocalDate.now(clock), "", "", "", false));
  }

  private String page(long schoolId, long studentId, Model model, Form form) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("g", growth.child(schoolId, studentId));
    model.addAttribute("form", form);
    model.addAttribute("checks", health.of(schoolId, studentId));
    model.addAttribute("mayRecordHealth", health.mayRecord(schoolId));
    model.addAttribute("mayWriteNotes", notes.mayWrite(schoolId, studentId));
    model.addAttribute("areas", HealthChecks.Area.values());
    model.addAttribute("conclusions", HealthChecks.Conclusion.values());
    return "kindergarten/growth-child";
  }

  @PostMapping("/schools/{schoolId}/growth/schedule")
  String schedule(
      @PathVariable long schoolId,
      @RequestParam long back,
      @RequestParam(defaultValue = "0") int under24,
      @RequestParam(defaultValue = "0") int from24,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> schedule.set(user, schoolId, under24, from24),
        "schedule",
        "/schools/" + schoolId + "/growth/classes/" + back,
        redirect);
  }

  /** A periodic health check, recorded by the nurse on the child's page. */
  @PostMapping("/schools/{schoolId}/growth/students/{studentId}/health")
  String health(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam(defaultValue = "") String examiner,
      @RequestParam(defaultValue = "") String conclusion,
      @RequestParam(defaultValue = "") String advice,
      @RequestParam java.util.Map<String, String> all,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    java.util.Map<HealthChecks.Area, String> findings =
        new java.util.EnumMap<>(HealthChecks.Area.class);
    for (HealthChecks.Area a : HealthChecks.Area.values()) {
      findings.put(a, all.getOrDefault("finding" + a.name(), ""));
    }
    return FormOutcome.run(
        () -> health.record(user, schoolId, studentId, on, examiner, findings, conclusion, advice),
        "health",
        "/schools/" + schoolId + "/growth/students/" + studentId,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/growth/students/{studentId}")
  String record(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam(defaultValue = "") String weightKg,
      @RequestParam(defaultValue = "") String lengthCm,
      @RequestParam(defaultValue = "") String position,
      @RequestParam(defaultValue = "false") boolean oedema,
      @RequestParam(defaultValue = "false") boolean confirm,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model,
      RedirectAttributes redirect) {
    String back = "/schools/" + schoolId + "/growth/students/" + studentId;
    return FormOutcome.orShow(
        () -> {
          growth.record(
              user,
              schoolId,
              studentId,
              new GrowthRecords.Entry(on, weightKg, lengthCm, position, oedema, confirm));
          redirect.addFlashAttribute("measureSaved", true);
          return "redirect:" + back;
        },
        "measure",
        model,
        () -> page(schoolId, studentId, model, new Form(on, weightKg, lengthCm, position, oedema)));
  }
}
