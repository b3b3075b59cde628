package vn.truongso.enrolment.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.enrolment.internal.StudentProfiles;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/** A student's father, mother or guardian: add (or link a sibling's), edit, unlink. */
@Controller
class GuardiansController {

  private final StudentProfiles profiles;
  private final Authorization authorization;

  GuardiansController(StudentProfiles profiles, Authorization authorization) {
    this.profiles = profiles;
    this.authorization = authorization;
  }

  @GetMapping("/schools/{schoolId}/students/{studentId}/guardians/new")
  String newForm(@PathVariable long schoolId, @PathVariable long studentId, Model model) {
    profiles.forEditing(schoolId, studentId);
    return form(
        schoolId,
        studentId,
        null,
        new People.GuardianUpdate("FATHER", "", "", "", "", "", ""),
        Map.of(),
        model);
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/guardians/new")
  String add(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @ModelAttribute People.GuardianUpdate form,
      Model model,
      RedirectAttributes redirect) {
    try {
      profiles.addGuardian(schoolId, studentId, form);
      redirect.addFlashAttribute("guardianSaved", true);
      return "redirect:/schools/" + schoolId + "/students/" + studentId + "#guardians";
    } catch (InvalidInput e) {
      return form(schoolId, studentId, null, form, e.byField(), model);
    } catch (UserInputException e) {
      return form(
          schoolId,
          studentId,
          null,
          form,
          Map.of(
              e.field(),
              new InvalidInput.FieldError(e.field(), e.messageKey(), java.util.List.of(e.args()))),
          model);
    }
  }

  @GetMapping("/schools/{schoolId}/students/{studentId}/guardians/{guardianId}")
  String editForm(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @PathVariable long guardianId,
      Model model) {
    People.Guardian g = profiles.guardianForEditing(schoolId, studentId, guardianId);
    return form(
        schoolId,
        studentId,
        g,
        new People.GuardianUpdate(
            g.relation().name(),
            g.fullName(),
            g.birthYear() == null ? "" : g.birthYear().toString(),
            g.occupation(),
            g.phone(),
            PersonalId.text(g.personalId()),
            g.email()),
        Map.of(),
        model);
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/guardians/{guardianId}")
  String update(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @PathVariable long guardianId,
      @ModelAttribute People.GuardianUpdate form,
      Model model,
      RedirectAttributes redirect) {
    People.Guardian g = profiles.guardianForEditing(schoolId, studentId, guardianId);
    try {
      profiles.updateGuardian(schoolId, studentId, guardianId, form);
      redirect.addFlashAttribute("guardianSaved", true);
      return "redirect:/schools/" + schoolId + "/students/" + studentId + "#guardians";
    } catch (InvalidInput e) {
      return form(schoolId, studentId, g, form, e.byField(), model);
    }
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/guardians/{guardianId}/unlink")
  String unlink(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @PathVariable long guardianId,
      RedirectAttributes redirect) {
    profiles.unlinkGuardian(schoolId, studentId, guardianId);
    redirect.addFlashAttribute("guardianSaved", true);
    return "redirect:/schools/" + schoolId + "/students/" + studentId + "#guardians";
  }

  private String form(
      long schoolId,
      long studentId,
      People.Guardian guardian,
      People.GuardianUpdate f,
      Map<String, InvalidInput.FieldError> errors,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("studentId", studentId);
    model.addAttribute("guardian", guardian);
    model.addAttribute("f", f);
    model.addAttribute("errors", errors);
    model.addAttribute("relations", People.Relation.values());
    if (guardian != null) {
      model.addAttribute("children", profiles.childrenOf(schoolId, studentId, guardian.id()));
      model.addAttribute(
          "mayCreateAccount",
          authorization.permits(Action.MANAGE_ACCOUNTS, Target.school(schoolId)));
    }
    return "enrolment/guardian-edit";
  }
}
