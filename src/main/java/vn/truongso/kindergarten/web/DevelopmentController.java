package vn.truongso.kindergarten.web;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.kindergarten.internal.development.Development;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.Target;

/** The five-year-olds' development records: the group's summary and each child's indicators. */
@Controller
class DevelopmentController {

  private final Development development;
  private final Authorization authorization;

  DevelopmentController(Development development, Authorization authorization) {
    this.development = development;
    this.authorization = authorization;
  }

  @GetMapping("/schools/{schoolId}/development/classes/{classId}")
  String group(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("s", development.group(schoolId, classId));
    model.addAttribute("sets", development.sets());
    model.addAttribute(
        "mayChoose", authorization.permits(Action.MANAGE_CLASSES, Target.school(schoolId)));
    return "kindergarten/development-group";
  }

  @PostMapping("/schools/{schoolId}/development/classes/{classId}/set")
  String choose(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(defaultValue = "") String set,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> development.choose(user, schoolId, set),
        "set",
        "/schools/" + schoolId + "/development/classes/" + classId,
        redirect);
  }

  @GetMapping("/schools/{schoolId}/development/students/{studentId}")
  String child(@PathVariable long schoolId, @PathVariable long studentId, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("r", development.child(schoolId, studentId));
    return "kindergarten/development-child";
  }

  @PostMapping("/schools/{schoolId}/development/students/{studentId}")
  String record(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    Map<Integer, String> typed = new TreeMap<>();
    form.forEach(
        (name, value) -> {
          if (name.matches("i\\d{1,3}")) {
            typed.put(Integer.valueOf(name.substring(1)), value);
          }
        });
    return FormOutcome.run(
        () -> development.record(user, schoolId, studentId, typed),
        "development",
        "/schools/" + schoolId + "/development/students/" + studentId,
        redirect);
  }
}
