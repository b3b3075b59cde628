package vn.truongso.gradebook.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.gradebook.internal.PrimaryProgress;

/** The progress of a primary school's books, class by class, for its leaders and grade heads. */
@Controller
class PrimaryProgressController {

  private final PrimaryProgress progress;

  PrimaryProgressController(PrimaryProgress progress) {
    this.progress = progress;
  }

  @GetMapping("/schools/{schoolId}/primary-progress")
  String progress(
      @PathVariable long schoolId,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer grade,
      Model model) {
    model.addAttribute("progress", progress.of(schoolId, year, grade));
    model.addAttribute("points", List.of(PrimaryPoint.values()));
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("grade", grade);
    return "gradebook/primary-progress";
  }
}
