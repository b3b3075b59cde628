package vn.truongso.platform.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.SchoolNames;
import vn.truongso.platform.backup.BackupException;
import vn.truongso.platform.backup.BackupSettings;
import vn.truongso.platform.backup.Backups;

/**
 * The data administrator's backups: the files with their checks, "back up now", "check again", and
 * how a restore is done. A backup holds every school in the database, so the page is for those who
 * manage backups for all of them (one school's administrator on a one-school server; the system
 * administrator on a shared one).
 */
@Controller
class BackupsController {

  private final Backups backups;
  private final BackupSettings settings;
  private final Authorization authorization;
  private final SchoolNames schools;

  BackupsController(
      Backups backups, BackupSettings settings, Authorization authorization, SchoolNames schools) {
    this.backups = backups;
    this.settings = settings;
    this.authorization = authorization;
    this.schools = schools;
  }

  /** Shown only to whoever may back up every school in the database, as the page requires. */
  @Bean
  static NavItem backupsNav(Authorization authorization, SchoolNames schools) {
    return new NavItem(
        "backups.nav",
        "/backups",
        Action.MANAGE_BACKUPS,
        95,
        () -> authorization.schoolsWhere(Action.MANAGE_BACKUPS).containsAll(schools.everySchool()));
  }

  @GetMapping("/backups")
  String page(Model model) {
    boolean everySchool = mayManage();
    model.addAttribute("everySchool", everySchool);
    model.addAttribute("dir", backups.dir().toString());
    model.addAttribute("keep", settings.keepOrDefault());
    model.addAttribute("scheduled", !"-".equals(settings.cron()));
    model.addAttribute("cron", settings.cron());
    model.addAttribute("files", everySchool ? backups.list() : java.util.List.of());
    return "platform/backups";
  }

  @PostMapping("/backups")
  String backUp(@AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect) {
    requireEverySchool();
    try {
      Backups.Listed b = backups.backUp(user.username());
      redirect.addFlashAttribute("done", "backups.done.created");
      redirect.addFlashAttribute("doneArgs", new Object[] {b.name()});
    } catch (BackupException e) {
      redirect.addFlashAttribute("error", e.key());
      redirect.addFlashAttribute("errorArgs", e.args());
    }
    return "redirect:/backups";
  }

  @PostMapping("/backups/verify")
  String verify(@RequestParam String name, RedirectAttributes redirect) {
    requireEverySchool();
    try {
      Backups.Listed b = backups.verify(name);
      if (Boolean.TRUE.equals(b.verifiedOk())) {
        redirect.addFlashAttribute("done", "backups.done.verified");
        redirect.addFlashAttribute("doneArgs", new Object[] {b.name()});
      } else {
        redirect.addFlashAttribute("error", b.problemKey());
        redirect.addFlashAttribute("errorArgs", new Object[] {b.problemArg()});
      }
    } catch (BackupException e) {
      redirect.addFlashAttribute("error", e.key());
      redirect.addFlashAttribute("errorArgs", e.args());
    }
    return "redirect:/backups";
  }

  private boolean mayManage() {
    Set<Long> mine = authorization.schoolsWhere(Action.MANAGE_BACKUPS);
    if (mine.isEmpty()) {
      authorization.require(Action.MANAGE_BACKUPS, null);
    }
    return mine.containsAll(schools.everySchool());
  }

  private void requireEverySchool() {
    if (!mayManage()) {
      throw new org.springframework.security.access.AccessDeniedException("backups");
    }
  }
}
