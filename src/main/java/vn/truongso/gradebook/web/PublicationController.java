package vn.truongso.gradebook.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.gradebook.internal.Publications;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;

/** The principal's choice of what families see of this year's grade book. */
@Controller
class PublicationController {

  private final Publications publications;
  private final Organisation org;

  PublicationController(Publications publications, Organisation org) {
    this.publications = publications;
    this.org = org;
  }

  @GetMapping("/schools/{schoolId}/publication")
  String page(@PathVariable long schoolId, Model model) {
    if (!publications.mayPublish(schoolId)) {
      throw new NotFoundException("publication");
    }
    int year = year(schoolId);
    model.addAttribute("publication", publications.of(schoolId, year));
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("startYear", year);
    return "gradebook/publication";
  }

  @PostMapping("/schools/{schoolId}/publication")
  String save(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "COLUMN") Publications.Mode mode,
      @RequestParam(defaultValue = "false") boolean term1,
      @RequestParam(defaultValue = "false") boolean term2,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () ->
            publications.set(
                user, schoolId, year(schoolId), new Publications.Publication(mode, term1, term2)),
        "publication",
        "/schools/" + schoolId + "/publication",
        redirect);
  }

  private int year(long schoolId) {
    return org.currentYear(schoolId)
        .map(SchoolYear::startYear)
        .orElseThrow(() -> new NotFoundException("year"));
  }
}
