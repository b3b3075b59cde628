package vn.truongso.enrolment.web;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.enrolment.internal.StudentProfiles;
import vn.truongso.org.Organisation;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.Formats;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;

/** A student's profile: view, edit (homeroom teacher, office, leaders) and photo. */
@Controller
class ProfileController {

  private final StudentProfiles profiles;
  private final Organisation org;
  private final Formats fmt;

  private final vn.truongso.enrolment.internal.StudentMovements movements;
  private final vn.truongso.enrolment.Classes classes;
  private final vn.truongso.platform.RecordViews views;

  ProfileController(
      StudentProfiles profiles,
      Organisation org,
      Formats fmt,
      vn.truongso.enrolment.internal.StudentMovements movements,
      vn.truongso.enrolment.Classes classes,
      vn.truongso.platform.RecordViews views) {
    this.views = views;
    this.movements = movements;
    this.classes = classes;
    this.profiles = profiles;
    this.org = org;
    this.fmt = fmt;
  }

  @GetMapping("/schools/{schoolId}/students/{studentId}")
  String view(@PathVariable long schoolId, @PathVariable long studentId, Model model) {
    StudentProfiles.Profile profile = profiles.open(schoolId, studentId);
    views.viewed(schoolId, studentId, "view.profile");
    model.addAttribute("p", profile);
    model.addAttribute(
        "school", org.school(schoolId).orElseThrow(() -> new NotFoundException("school")));
    if (profile.visibility() == StudentProfiles.Visibility.FULL) {
      model.addAttribute("history", classes.history(schoolId, studentId));
      model.addAttribute("register", classes.registerEntry(schoolId, studentId).orElse(null));
      model.addAttribute("transfers", classes.transfersOf(schoolId, studentId));
      model.addAttribute("prior", classes.priorSchools(schoolId, studentId));
      boolean mayRecord = movements.mayRecord(schoolId, studentId);
      model.addAttribute("mayRecord", mayRecord);
      if (mayRecord) {
        Integer year =
            profile.schoolClass() != null
                ? Integer.valueOf(profile.schoolClass().startYear())
                : org.currentYear(schoolId).map(vn.truongso.org.SchoolYear::startYear).orElse(null);
        model.addAttribute(
            "yearClasses",
            year == null ? java.util.List.of() : movements.classesOfYear(schoolId, year));
      }
    }
    return "enrolment/student";
  }

  @GetMapping("/schools/{schoolId}/students/{studentId}/edit")
  String edit(@PathVariable long schoolId, @PathVariable long studentId, Model model) {
    People.StudentProfile profile = profiles.forEditing(schoolId, studentId);
    return form(schoolId, studentId, formOf(profile), Map.of(), model);
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/edit")
  String save(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @ModelAttribute ProfileUpdate form,
      Model model,
      RedirectAttributes redirect) {
    try {
      profiles.update(schoolId, studentId, form);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/schools/" + schoolId + "/students/" + studentId;
    } catch (InvalidInput e) {
      return form(schoolId, studentId, form, e.byField(), model);
    }
  }

  @PostMapping("/schools/{schoolId}/students/{studentId}/photo")
  String uploadPhoto(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam("photo") MultipartFile photo,
      RedirectAttributes redirect)
      throws IOException {
    byte[] jpeg = photo.getBytes();
    return FormOutcome.run(
        () -> profiles.setPhoto(schoolId, studentId, jpeg),
        "photo",
        "/schools/" + schoolId + "/students/" + studentId,
        redirect);
  }

  @GetMapping("/schools/{schoolId}/students/{studentId}/photo")
  ResponseEntity<byte[]> photo(@PathVariable long schoolId, @PathVariable long studentId) {
    byte[] jpeg =
        profiles.photo(schoolId, studentId).orElseThrow(() -> new NotFoundException("photo"));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.noStore())
        .body(jpeg);
  }

  private String form(
      long schoolId,
      long studentId,
      ProfileUpdate form,
      Map<String, InvalidInput.FieldError> errors,
      Model model) {
    model.addAttribute("f", form);
    model.addAttribute("errors", errors);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("studentId", studentId);
    model.addAttribute("ethnicGroups", profiles.ethnicGroups());
    model.addAttribute("religions", profiles.religions());
    model.addAttribute("policies", PolicyStatus.values());
    model.addAttribute("provinces", org.provinces());
    model.addAttribute("permanentWards", wardsOf(form.permanentWardCode()));
    model.addAttribute("currentWards", wardsOf(form.currentWardCode()));
    model.addAttribute("permanentProvince", provinceOf(form.permanentWardCode()));
    model.addAttribute("currentProvince", provinceOf(form.currentWardCode()));
    return "enrolment/student-edit";
  }

  private java.util.List<Organisation.AdminUnit> wardsOf(String wardCode) {
    if (wardCode == null || wardCode.isBlank()) {
      return java.util.List.of();
    }
    return org.provinceOfWard(wardCode).map(org::wards).orElse(java.util.List.of());
  }

  private String provinceOf(String wardCode) {
    return wardCode == null || wardCode.isBlank() ? "" : org.provinceOfWard(wardCode).orElse("");
  }

  private ProfileUpdate formOf(People.StudentProfile p) {
    People.Student s = p.student();
    return new ProfileUpdate(
        s.name().family(),
        s.name().middle(),
        s.name().given(),
        fmt.date(s.birthDate()),
        s.sex().name(),
        s.ethnicityCode(),
        p.religionCode(),
        p.nationality(),
        PersonalId.text(s.personalId()),
        s.studentCode(),
        p.placeOfBirth(),
        p.homeTown(),
        p.permanent().wardCode(),
        p.permanent().detail(),
        p.current().wardCode(),
        p.current().detail(),
        p.policyStatus() == null ? null : p.policyStatus().name(),
        p.disability(),
        p.healthInsuranceNo());
  }
}
