package vn.truongso.curriculum.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.Target;

/**
 * Teaching assignments (phân công giảng dạy): the vice-principal, or a subject group's head for
 * their subject, names who teaches each subject of a class in each term. Those assignments are what
 * give a teacher the right to enter the subject's marks.
 */
@Controller
class TeachingController {

  private final Teaching teaching;
  private final Classes classes;
  private final People people;
  private final Organisation org;
  private final Authorization authorization;

  TeachingController(
      Teaching teaching,
      Classes classes,
      People people,
      Organisation org,
      Authorization authorization) {
    this.teaching = teaching;
    this.classes = classes;
    this.people = people;
    this.org = org;
    this.authorization = authorization;
  }

  @GetMapping("/schools/{schoolId}/teaching")
  String overview(
      @PathVariable long schoolId, @RequestParam(required = false) Integer year, Model model) {
    School school = schoolToAssign(schoolId);
    int startYear =
        year != null
            ? year
            : org.currentYear(schoolId).map(SchoolYear::startYear).orElseThrow(this::noYear);
    Map<Long, Teaching.Coverage> coverage = new HashMap<>();
    teaching.coverage(schoolId, startYear).forEach(c -> coverage.put(c.classId(), c));
    model.addAttribute("school", school);
    model.addAttribute("startYear", startYear);
    model.addAttribute("classes", classes.classes(schoolId, startYear));
    model.addAttribute("coverage", coverage);
    return "curriculum/teaching";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/teaching")
  String plan(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    return render(schoolId, classId, Map.of(), null, model);
  }

  @PostMapping("/schools/{schoolId}/classes/{classId}/teaching")
  String save(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    schoolToAssign(schoolId);
    List<Teaching.Slot> slots = new ArrayList<>();
    InvalidInput.Collector bad = new InvalidInput.Collector();
    for (Map.Entry<String, String> e : form.entrySet()) {
      String key = e.getKey();
      if (!key.matches("t[12]-[a-z0-9_]{1,60}")) {
        continue;
      }
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (!value.isEmpty() && !value.matches("\\d{1,18}")) {
        bad.add(key, "teaching.teacherUnknown");
        continue;
      }
      slots.add(
          new Teaching.Slot(
              key.substring(3),
              key.charAt(1) - '0',
              value.isEmpty() ? null : Long.parseLong(value)));
    }
    try {
      bad.throwIfAny();
      teaching.savePlan(schoolId, classId, slots);
    } catch (InvalidInput e) {
      return render(schoolId, classId, e.byField(), form, model);
    }
    redirect.addFlashAttribute("planSaved", true);
    return "redirect:/schools/" + schoolId + "/classes/" + classId + "/teaching";
  }

  private String render(
      long schoolId,
      long classId,
      Map<String, InvalidInput.FieldError> errors,
      Map<String, String> form,
      Model model) {
    School school = schoolToAssign(schoolId);
    Classes.SchoolClass c =
        classes.schoolClass(schoolId, classId).orElseThrow(() -> new NotFoundException("class"));
    Map<String, Long> current = new HashMap<>();
    for (Teaching.Assignment a : teaching.assignmentsOfClass(schoolId, classId)) {
      current.put("t" + a.term() + "-" + a.subjectCode(), a.staffId());
    }
    List<Row> rows = new ArrayList<>();
    for (Teaching.ProgrammeSubject s : teaching.subjects(c.grade())) {
      boolean editable =
          authorization.permits(
              Action.MANAGE_TEACHING_ASSIGNMENTS,
              Target.classSubject(schoolId, classId, s.code()).inYear(c.startYear()));
      rows.add(
          new Row(
              s.code(),
              s.name(),
              chosen(form, current, "t1-" + s.code()),
              chosen(form, current, "t2-" + s.code()),
              editable));
    }
    List<People.StaffMember> teachers = new ArrayList<>(people.staffOf(schoolId));
    teachers.sort(Comparator.comparing(People.StaffMember::name, PersonName.VIETNAMESE_ORDER));
    model.addAttribute("school", school);
    model.addAttribute("schoolClass", c);
    model.addAttribute("rows", rows);
    model.addAttribute("teachers", teachers);
    model.addAttribute("errors", errors);
    model.addAttribute("anyEditable", rows.stream().anyMatch(Row::editable));
    return "curriculum/class-teaching";
  }

  private static String chosen(Map<String, String> form, Map<String, Long> current, String key) {
    if (form != null && form.containsKey(key)) {
      return form.get(key);
    }
    Long id = current.get(key);
    return id == null ? "" : id.toString();
  }

  /** The page is open to those who may assign some subject in the school. */
  private School schoolToAssign(long schoolId) {
    if (!authorization.schoolsWhere(Action.MANAGE_TEACHING_ASSIGNMENTS).contains(schoolId)) {
      throw new AccessDeniedException(Action.MANAGE_TEACHING_ASSIGNMENTS.name());
    }
    return org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
  }

  private NotFoundException noYear() {
    return new NotFoundException("year");
  }

  /** A subject of the class with its teachers' staff ids (as the form sends them) per term. */
  record Row(String code, String name, String term1, String term2, boolean editable) {}
}
