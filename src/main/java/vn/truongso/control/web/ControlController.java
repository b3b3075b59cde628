package vn.truongso.control.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.control.EntryCalendar;
import vn.truongso.control.EntryLocks;
import vn.truongso.control.YearSeals;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.ScopeDirectory;

/**
 * The principal's page for the grade book's control: the calendar of entry deadlines, the test
 * dates, the school's days off, and the locks and openings in force.
 */
@Controller
class ControlController {

  private final EntryCalendar calendar;
  private final EntryLocks locks;
  private final Organisation org;
  private final Authorization authorization;
  private final List<ScopeDirectory> directories;
  private final YearSeals seals;

  ControlController(
      EntryCalendar calendar,
      EntryLocks locks,
      Organisation org,
      Authorization authorization,
      List<ScopeDirectory> directories,
      YearSeals seals) {
    this.seals = seals;
    this.calendar = calendar;
    this.locks = locks;
    this.org = org;
    this.authorization = authorization;
    this.directories = directories;
  }

  /** The user's school (the first, when they lock in several). */
  @GetMapping("/control")
  String mine() {
    TreeSet<Long> schools = new TreeSet<>(authorization.schoolsWhere(Action.LOCK_GRADEBOOK));
    schools.addAll(authorization.schoolsWhere(Action.MANAGE_LOCKS));
    if (schools.isEmpty()) {
      throw new NotFoundException("control");
    }
    return "redirect:/schools/" + schools.first() + "/control";
  }

  @GetMapping("/schools/{schoolId}/control")
  String page(
      @PathVariable long schoolId, @RequestParam(required = false) Integer year, Model model) {
    int startYear = year(schoolId, year);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute(
        "school", org.school(schoolId).orElseThrow(() -> new NotFoundException("school")));
    model.addAttribute("startYear", startYear);
    EntryCalendar.Plan plan = calendar.plan(schoolId, startYear);
    model.addAttribute("plan", plan);
    model.addAttribute("mayEdit", calendar.mayEdit(schoolId));
    boolean mayLock = locks.mayLock(schoolId);
    model.addAttribute("mayLock", mayLock);
    model.addAttribute("locks", mayLock ? locks.inForce(schoolId, startYear) : List.of());
    Map<String, String> classes = new LinkedHashMap<>();
    directories.forEach(
        d -> d.classOptions(schoolId, startYear).forEach(o -> classes.put(o.value(), o.label())));
    Map<String, String> subjects = new LinkedHashMap<>();
    directories.forEach(
        d -> d.subjectOptions(schoolId).forEach(o -> subjects.put(o.value(), o.label())));
    model.addAttribute("classes", classes);
    model.addAttribute("subjects", subjects);
    model.addAttribute("slots", EntryLocks.SLOTS);
    model.addAttribute("seal", seals.of(schoolId, startYear).orElse(null));
    model.addAttribute("maySeal", seals.maySeal(schoolId));
    return "control/control";
  }

  /** The principal closes the year for good (issue 5 part 7). */
  @PostMapping("/schools/{schoolId}/control/seal")
  String seal(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String confirmation,
      RedirectAttributes redirect) {
    return done(
        () -> seals.seal(user, schoolId, year, reason, confirmation), schoolId, year, redirect);
  }

  @GetMapping("/schools/{schoolId}/control/seal.zip")
  void archive(
      @PathVariable long schoolId,
      @RequestParam int year,
      jakarta.servlet.http.HttpServletResponse response)
      throws java.io.IOException {
    String code = org.school(schoolId).map(School::code).orElse(String.valueOf(schoolId));
    String name = "luu-tru-" + code + "-" + year + "-" + (year + 1) + ".zip";
    seals.writeArchive(
        schoolId,
        year,
        size -> Downloads.streamed(response, "application/zip", name, size),
        response.getOutputStream());
  }

  @PostMapping("/schools/{schoolId}/control/calendar")
  String saveCalendar(
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam(defaultValue = "") String regularWeeks,
      @RequestParam(defaultValue = "") String workingDays,
      @RequestParam(defaultValue = "") String retestBy,
      @RequestParam(defaultValue = "") String cutoff,
      @RequestParam(defaultValue = "") String stopDays,
      RedirectAttributes redirect) {
    return done(
        () ->
            calendar.saveSettings(
                schoolId,
                year,
                new EntryCalendar.SettingsForm(
                    regularWeeks, workingDays, retestBy, cutoff, stopDays)),
        schoolId,
        year,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/control/test-dates")
  String testDate(
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam int term,
      @RequestParam String slot,
      @RequestParam(required = false) Integer grade,
      @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String on,
      RedirectAttributes redirect) {
    return done(
        () -> calendar.setTestDate(schoolId, year, term, slot, grade, subject, on),
        schoolId,
        year,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/control/days-off")
  String dayOff(
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam(defaultValue = "") String on,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "true") boolean off,
      RedirectAttributes redirect) {
    return done(() -> calendar.setDayOff(schoolId, year, on, name, off), schoolId, year, redirect);
  }

  @PostMapping("/schools/{schoolId}/control/locks")
  String lock(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @RequestParam int year,
      @RequestParam(required = false) Integer term,
      @RequestParam(required = false) Integer grade,
      @RequestParam(required = false) Long classId,
      @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String slot,
      @RequestParam(defaultValue = "false") boolean opens,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String instruction,
      RedirectAttributes redirect) {
    EntryLocks.Scope scope =
        new EntryLocks.Scope(
            term, grade, classId, subject.isBlank() ? null : subject, slot.isBlank() ? null : slot);
    return done(
        () -> locks.lock(user, schoolId, year, scope, opens, reason, instruction),
        schoolId,
        year,
        redirect);
  }

  @PostMapping("/schools/{schoolId}/control/locks/{lockId}/lift")
  String lift(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long schoolId,
      @PathVariable long lockId,
      @RequestParam int year,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return done(() -> locks.lift(user, schoolId, lockId, reason), schoolId, year, redirect);
  }

  private int year(long schoolId, Integer year) {
    if (year != null) {
      return year;
    }
    return org.currentYear(schoolId)
        .map(SchoolYear::startYear)
        .orElseThrow(() -> new NotFoundException("year"));
  }

  private static String done(
      Runnable action, long schoolId, int year, RedirectAttributes redirect) {
    return FormOutcome.run(
        action, "control", "/schools/" + schoolId + "/control?year=" + year, redirect);
  }
}
