package vn.truongso.attendance.web;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.attendance.internal.AttendanceAdmin;
import vn.truongso.attendance.internal.AttendanceOverview;
import vn.truongso.attendance.internal.MonthSheet;
import vn.truongso.attendance.internal.MonthWorkbook;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;

/**
 * Today's rolls, a class's month as the class book keeps it (on screen and in Excel), and the
 * principal's settings and closed months.
 */
@Controller
class AttendanceController {

  private final AttendanceOverview overview;
  private final MonthSheet months;
  private final MonthWorkbook workbooks;
  private final AttendanceAdmin admin;

  AttendanceController(
      AttendanceOverview overview,
      MonthSheet months,
      MonthWorkbook workbooks,
      AttendanceAdmin admin) {
    this.overview = overview;
    this.months = months;
    this.workbooks = workbooks;
    this.admin = admin;
  }

  @GetMapping("/attendance")
  String today(Model model) {
    model.addAttribute("today", overview.today());
    return "attendance/index";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/attendance/month")
  String month(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(required = false) @Nullable YearMonth month,
      Model model) {
    MonthSheet.Month m = months.month(schoolId, classId, month);
    model.addAttribute("m", m);
    model.addAttribute("mayManage", admin.mayManage(schoolId));
    return "attendance/month";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/attendance/month.xlsx")
  ResponseEntity<byte[]> monthFile(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(required = false) @Nullable YearMonth month) {
    byte[] body = workbooks.export(schoolId, classId, month);
    return Downloads.xlsx(body, "diem-danh-" + (month == null ? "thang" : month) + ".xlsx");
  }

  @GetMapping("/schools/{schoolId}/attendance/settings")
  String settings(@PathVariable long schoolId, Model model) {
    model.addAttribute("settings", admin.settings(schoolId));
    model.addAttribute("locks", admin.locks(schoolId));
    model.addAttribute("mayManage", admin.mayManage(schoolId));
    model.addAttribute("schoolId", schoolId);
    return "attendance/settings";
  }

  @PostMapping("/schools/{schoolId}/attendance/settings")
  String saveSettings(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "") String freeDays,
      @RequestParam(defaultValue = "") String monthUnexcused,
      @RequestParam(defaultValue = "") String yearThresholds,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          admin.save(
              user, schoolId, new AttendanceAdmin.Form(freeDays, monthUnexcused, yearThresholds));
          return "attendance.settings.saved";
        },
        "settings",
        "/schools/" + schoolId + "/attendance/settings",
        redirect);
  }

  @PostMapping("/schools/{schoolId}/attendance/months/{month}")
  String lockMonth(
      @PathVariable long schoolId,
      @PathVariable YearMonth month,
      @RequestParam(defaultValue = "true") boolean locked,
      @RequestParam(required = false) @Nullable Long back,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> admin.setLocked(user, schoolId, month, locked),
        "lock",
        back == null
            ? "/schools/" + schoolId + "/attendance/settings"
            : "/schools/" + schoolId + "/classes/" + back + "/attendance/month?month=" + month,
        redirect);
  }
}
