package vn.truongso.enrolment.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.internal.TransfersIn;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.FormOutcome;

/** Students transferring in from other schools on TruongSo, waiting to be accepted. */
@Controller
class TransfersController {

  private final TransfersIn transfers;
  private final Classes classes;
  private final Organisation org;

  TransfersController(TransfersIn transfers, Classes classes, Organisation org) {
    this.transfers = transfers;
    this.classes = classes;
    this.org = org;
  }

  @GetMapping("/schools/{schoolId}/transfers-in")
  String list(@PathVariable long schoolId, Model model) {
    model.addAttribute("requests", transfers.pending(schoolId));
    model.addAttribute("school", org.school(schoolId).orElseThrow());
    int year = org.currentYear(schoolId).map(SchoolYear::startYear).orElse(0);
    model.addAttribute("yearClasses", classes.classes(schoolId, year));
    return "enrolment/transfers-in";
  }

  @PostMapping("/schools/{schoolId}/transfers-in/{requestId}/accept")
  String accept(
      @PathVariable long schoolId,
      @PathVariable long requestId,
      @RequestParam long classId,
      @RequestParam(defaultValue = "") String on,
      RedirectAttributes redirect) {
    return FormOutcome.runTo(
        () -> {
          long studentId = transfers.accept(schoolId, requestId, classId, on);
          redirect.addFlashAttribute("movementSaved", true);
          return "redirect:/schools/" + schoolId + "/students/" + studentId;
        },
        "transfer",
        "/schools/" + schoolId + "/transfers-in",
        redirect);
  }

  @PostMapping("/schools/{schoolId}/transfers-in/{requestId}/decline")
  String decline(
      @PathVariable long schoolId,
      @PathVariable long requestId,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    String list = "/schools/" + schoolId + "/transfers-in";
    return FormOutcome.runTo(
        () -> {
          transfers.decline(schoolId, requestId, note);
          redirect.addFlashAttribute("transferDeclined", true);
          return "redirect:" + list;
        },
        "transfer",
        list,
        redirect);
  }
}
