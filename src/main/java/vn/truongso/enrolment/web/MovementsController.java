package vn.truongso.enrolment.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.internal.StudentMovements;
import vn.truongso.enrolment.internal.StudentProfiles;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** Class changes, drop-outs, returns and transfers out; the transfer papers; the register. */
@Controller
class MovementsController {

  private final StudentMovements movements;
  private final StudentProfiles profiles;
  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final java.time.Clock clock;

  MovementsController(
      StudentMovements movements,
      StudentProfiles profiles,
      Classes classes,
      Organisation org,
      Authorization authorization,
      java.time.Clock clock) {
    this.clock = clock;
    this.movements = movements;
    this.profiles = profiles;
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/class-change")
  String changeClass(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam long toClassId,
      @RequestParam(defaultValue = "") String on,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return run(
        schoolId,
        studentId,
        redirect,
        () -> movements.changeClass(schoolId, studentId, toClassId, on, note));
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/drop-out")
  String dropOut(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "") String on,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return run(
        schoolId, studentId, redirect, () -> movements.dropOut(schoolId, studentId, on, reason));
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/transfer-out")
  String transferOut(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "") String on,
      @RequestParam(defaultValue = "") String destination,
      @RequestParam(defaultValue = "") String toSchoolCode,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return run(
        schoolId,
        studentId,
        redirect,
        () -> movements.transferOut(schoolId, studentId, on, destination, toSchoolCode, reason));
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/return")
  String returnToSchool(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam long classId,
      @RequestParam(defaultValue = "") String on,
      RedirectAttributes redirect) {
    return run(
        schoolId,
        studentId,
        redirect,
        () -> movements.returnAfterDropOut(schoolId, studentId, classId, on));
  }

  /** The transfer papers (hồ sơ chuyển trường): the student's data and classes so far, to print. */
  @GetMapping("/schools/{schoolId}/students/{studentId}/transfer-papers")
  String transferPapers(@PathVariable long schoolId, @PathVariable long studentId, Model model) {
    model.addAttribute("p", profiles.open(schoolId, studentId));
    model.addAttribute("school", org.school(schoolId).orElseThrow());
    model.addAttribute("history", classes.history(schoolId, studentId));
    model.addAttribute("register", classes.registerEntry(schoolId, studentId).orElse(null));
    return "enrolment/transfer-papers";
  }

  /** Sổ đăng bộ: every student ever enrolled, by permanent register number. */
  @GetMapping("/schools/{schoolId}/register")
  String register(@PathVariable long schoolId, Model model) {
    if (!authorization.permits(Action.PRINT_BOOKS, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    model.addAttribute("school", org.school(schoolId).orElseThrow());
    model.addAttribute("rows", registerRows(schoolId));
    return "enrolment/register";
  }

  private java.util.List<RegisterRow> registerRows(long schoolId) {
    java.util.List<Classes.RegisterEntry> entries = classes.register(schoolId);
    java.util.Map<Long, vn.truongso.people.People.Student> students =
        profiles.students(
            schoolId, entries.stream().map(Classes.RegisterEntry::studentId).toList());
    return entries.stream()
        .map(
            e ->
                new RegisterRow(
                    e, students.get(e.studentId()), classes.history(schoolId, e.studentId())))
        .toList();
  }

  private String run(long schoolId, long studentId, RedirectAttributes redirect, Runnable action) {
    java.util.Optional<Long> classBefore =
        classes.classOf(schoolId, studentId, java.time.LocalDate.now(clock));
    String student = "/schools/" + schoolId + "/students/" + studentId + "#movements";
    return FormOutcome.runTo(
        () -> {
          action.run();
          redirect.addFlashAttribute("movementSaved", true);
          // A homeroom teacher whose student moved away goes back to the class list.
          return !profiles.mayView(schoolId, studentId) && classBefore.isPresent()
              ? "redirect:/schools/" + schoolId + "/classes/" + classBefore.get()
              : "redirect:" + student;
        },
        "movement",
        student,
        redirect);
  }

  record RegisterRow(
      Classes.RegisterEntry entry,
      vn.truongso.people.People.Student student,
      java.util.List<Classes.Movement> history) {}
}
