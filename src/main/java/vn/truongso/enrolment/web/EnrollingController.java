package vn.truongso.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.internal.ClassListImport;
import vn.truongso.enrolment.internal.Enrolling;
import vn.truongso.enrolment.internal.StudentProfiles;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Formats;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;

/** Opening a class, and enrolling one new student (or a transfer from outside TruongSo). */
@Controller
class EnrollingController {

  private final Enrolling enrolling;
  private final ClassListImport imports;
  private final StudentProfiles profiles;
  private final Organisation org;
  private final Formats fmt;
  private final Clock clock;

  EnrollingController(
      Enrolling enrolling,
      ClassListImport imports,
      StudentProfiles profiles,
      Organisation org,
      Formats fmt,
      Clock clock) {
    this.enrolling = enrolling;
    this.imports = imports;
    this.profiles = profiles;
    this.org = org;
    this.fmt = fmt;
    this.clock = clock;
  }

  @GetMapping("/schools/{schoolId}/classes/new")
  String newClass(@PathVariable long schoolId, Model model) {
    return classForm(
        schoolId, new Enrolling.ClassForm("", "", "", "", "", "", ""), Map.of(), model);
  }

  @PostMapping("/schools/{schoolId}/classes/new")
  String createClass(
      @PathVariable long schoolId,
      @ModelAttribute Enrolling.ClassForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      long id = enrolling.createClass(schoolId, form);
      return "redirect:/schools/" + schoolId + "/classes/" + id;
    } catch (InvalidInput e) {
      return classForm(schoolId, form, e.byField(), model);
    }
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/students/new")
  String newStudent(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    return studentForm(
        schoolId,
        classId,
        new Enrolling.StudentForm(
            "", "", "", "", "", "01", "", "", fmt.date(LocalDate.now(clock)), ""),
        Map.of(),
        model);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/students/new")
  String enrol(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @ModelAttribute Enrolling.StudentForm form,
      Model model) {
    try {
      long id = enrolling.enrolNew(schoolId, classId, form);
      return "redirect:/schools/" + schoolId + "/students/" + id;
    } catch (InvalidInput e) {
      return studentForm(schoolId, classId, form, e.byField(), model);
    }
  }

  private String classForm(
      long schoolId,
      Enrolling.ClassForm f,
      Map<String, InvalidInput.FieldError> errors,
      Model model) {
    model.addAttribute("teachers", enrolling.teachers(schoolId));
    vn.truongso.org.School school =
        org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    model.addAttribute("school", school);
    model.addAttribute(
        "groups", school.levels().contains(vn.truongso.org.SchoolLevel.KINDERGARTEN));
    model.addAttribute("ageBands", vn.truongso.enrolment.AgeBand.values());
    model.addAttribute("f", f);
    model.addAttribute("errors", errors);
    model.addAttribute("shifts", Classes.Shift.values());
    return "enrolment/class-new";
  }

  private String studentForm(
      long schoolId,
      long classId,
      Enrolling.StudentForm f,
      Map<String, InvalidInput.FieldError> errors,
      Model model) {
    model.addAttribute("schoolClass", imports.requireClass(schoolId, classId));
    model.addAttribute("f", f);
    model.addAttribute("errors", errors);
    model.addAttribute("ethnicGroups", profiles.ethnicGroups());
    return "enrolment/student-new";
  }
}
