package vn.truongso.kindergarten.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.kindergarten.internal.ProgrammeEvaluations;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;

/** The group's programme evaluations at the end of each topic or term. */
@Controller
class ProgrammeController {

  private final ProgrammeEvaluations evaluations;

  ProgrammeController(ProgrammeEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @GetMapping("/schools/{schoolId}/programme/classes/{classId}")
  String page(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    var group = evaluations.group(schoolId, classId);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("group", group);
    model.addAttribute("areas", ProgrammeEvaluations.areas(group));
    model.addAttribute("periods", evaluations.periods(schoolId, classId));
    return "kindergarten/programme-group";
  }

  @PostMapping("/schools/{schoolId}/programme/classes/{classId}")
  String record(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "") String period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate endsOn,
      @RequestParam(defaultValue = "") String adjustment,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    Map<ProgrammeEvaluations.Area, ProgrammeEvaluations.Typed> typed =
        new EnumMap<>(ProgrammeEvaluations.Area.class);
    for (ProgrammeEvaluations.Area a : ProgrammeEvaluations.Area.values()) {
      typed.put(
          a,
          new ProgrammeEvaluations.Typed(
              form.getOrDefault("objectives" + a, ""),
              form.getOrDefault("met" + a, ""),
              form.getOrDefault("notMet" + a, "")));
    }
    return FormOutcome.done(
        () -> {
          evaluations.record(user, schoolId, classId, period, endsOn, typed, adjustment);
          return "kindergarten.programme.saved";
        },
        "programme",
        "/schools/" + schoolId + "/programme/classes/" + classId,
        redirect);
  }
}
