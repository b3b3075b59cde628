package vn.truongso.people.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.org.Organisation;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.StaffRules;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Formats;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * The staff list of a school (sorted by given name, the Vietnamese way), and each staff member's
 * profile, kept by the office and the leaders.
 */
@Controller
class StaffController {

  private final People people;
  private final Organisation org;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Formats fmt;

  StaffController(
      People people, Organisation org, Authorization authorization, AuditLog audit, Formats fmt) {
    this.people = people;
    this.org = org;
    this.authorization = authorization;
    this.audit = audit;
    this.fmt = fmt;
  }

  @GetMapping("/schools/{schoolId}/staff")
  String staff(@PathVariable long schoolId, Model model) {
    if (!authorization.permits(Action.VIEW_STAFF_LIST, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    model.addAttribute(
        "school", org.school(schoolId).orElseThrow(() -> new NotFoundException("school")));
    model.addAttribute("staff", people.staffOf(schoolId));
    model.addAttribute(
        "mayEdit", authorization.permits(Action.EDIT_STAFF_PROFILE, Target.school(schoolId)));
    return "people/staff";
  }

  @GetMapping("/schools/{schoolId}/staff/{staffId}")
  @org.springframework.transaction.annotation.Transactional
  public String profile(@PathVariable long schoolId, @PathVariable long staffId, Model model) {
    People.StaffMember s = editable(schoolId, staffId);
    audit.record(AuditEvent.of(schoolId, "people.staff.view", "staff", staffId));
    return form(
        schoolId,
        staffId,
        new People.StaffUpdate(
            s.name().family(),
            s.name().middle(),
            s.name().given(),
            s.birthDate() == null ? "" : fmt.date(s.birthDate()),
            s.sex().name(),
            s.ethnicityCode(),
            PersonalId.text(s.personalId()),
            s.phone(),
            s.email(),
            s.position(),
            s.subjectGroup(),
            s.mainSubject(),
            s.qualification(),
            s.employmentType(),
            s.startDate() == null ? "" : fmt.date(s.startDate())),
        Map.of(),
        model);
  }

  @PostMapping("/schools/{schoolId}/staff/{staffId}")
  String save(
      @PathVariable long schoolId,
      @PathVariable long staffId,
      @ModelAttribute People.StaffUpdate form,
      Model model,
      RedirectAttributes redirect) {
    editable(schoolId, staffId);
    try {
      people.updateStaff(schoolId, staffId, form);
      redirect.addFlashAttribute("staffSaved", true);
      return "redirect:/schools/" + schoolId + "/staff";
    } catch (InvalidInput e) {
      return form(schoolId, staffId, form, e.byField(), model);
    }
  }

  private People.StaffMember editable(long schoolId, long staffId) {
    if (!authorization.permits(Action.EDIT_STAFF_PROFILE, Target.school(schoolId))) {
      throw new NotFoundException("staff");
    }
    return people.staff(schoolId, staffId).orElseThrow(() -> new NotFoundException("staff"));
  }

  private String form(
      long schoolId,
      long staffId,
      People.StaffUpdate f,
      Map<String, InvalidInput.FieldError> errors,
      Model model) {
    model.addAttribute("school", org.school(schoolId).orElseThrow());
    model.addAttribute("staffId", staffId);
    model.addAttribute("f", f);
    model.addAttribute("errors", errors);
    model.addAttribute("ethnicGroups", people.ethnicGroups());
    model.addAttribute("positions", StaffRules.POSITIONS.stream().sorted().toList());
    model.addAttribute("qualifications", StaffRules.QUALIFICATIONS);
    model.addAttribute("employmentTypes", StaffRules.EMPLOYMENT_TYPES);
    return "people/staff-edit";
  }
}
