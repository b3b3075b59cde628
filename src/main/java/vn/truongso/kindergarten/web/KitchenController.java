package vn.truongso.kindergarten.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.kindergarten.internal.kitchen.Dishes;
import vn.truongso.kindergarten.internal.kitchen.KitchenAccess;
import vn.truongso.kindergarten.internal.kitchen.KitchenAdmin;
import vn.truongso.kindergarten.internal.kitchen.KitchenSheets;
import vn.truongso.kindergarten.internal.kitchen.KitchenToday;
import vn.truongso.kindergarten.internal.kitchen.Menus;
import vn.truongso.kindergarten.internal.nutrition.Menu;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.org.School;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.HomePanel;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.UserInputException;

/**
 * The kindergarten kitchen's pages for the cook and the leaders: the week's menus of each band,
 * built dish by dish with the balance against the norms shown as it changes, and the day's kitchen
 * sheets with the food-check log.
 */
@Controller
class KitchenController {

  private final Menus menus;
  private final Dishes dishes;
  private final KitchenSheets sheets;
  private final KitchenAdmin admin;
  private final KitchenAccess access;
  private final SheetWorkbook workbook;
  private final SheetPrint print;
  private final Clock clock;

  KitchenController(
      Menus menus,
      Dishes dishes,
      KitchenSheets sheets,
      KitchenAdmin admin,
      KitchenAccess access,
      SheetWorkbook workbook,
      SheetPrint print,
      Clock clock) {
    this.print = print;
    this.menus = menus;
    this.dishes = dishes;
    this.sheets = sheets;
    this.admin = admin;
    this.access = access;
    this.workbook = workbook;
    this.clock = clock;
  }

  @Bean
  static NavItem kitchenNav(KitchenAccess access) {
    return new NavItem(
        "nav.kitchen", "/kitchen", Action.MANAGE_KITCHEN, 27, () -> !access.schools().isEmpty());
  }

  /** The kitchen's day on the home page of the cook and the leaders of a kindergarten. */
  @Bean
  static HomePanel kitchenPanel(KitchenToday today) {
    return new HomePanel() {
      @Override
      public int order() {
        return 27;
      }

      @Override
      public java.util.Optional<Content> content(AuthenticatedUser user) {
        List<KitchenToday.Day> days = today.today();
        return days.isEmpty()
            ? java.util.Optional.empty()
            : java.util.Optional.of(new Content("kindergarten/kitchen-fragments", "panel", days));
      }
    };
  }

  @GetMapping("/kitchen")
  String home(Model model) {
    List<School> schools = access.schools();
    if (schools.size() == 1) {
      return "redirect:/schools/" + schools.getFirst().id() + "/kitchen/menus";
    }
    model.addAttribute("schools", schools);
    return "kindergarten/kitchen-home";
  }

  @GetMapping("/schools/{schoolId}/kitchen/menus")
  String week(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "MAU_GIAO") Norms.Band band,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate week,
      Model model) {
    LocalDate day = week == null ? LocalDate.now(clock) : week;
    model.addAttribute("school", access.require(schoolId));
    model.addAttribute("week", menus.week(schoolId, band, day));
    model.addAttribute("bands", Norms.Band.values());
    model.addAttribute("dishes", dishes.all(schoolId));
    model.addAttribute("today", LocalDate.now(clock));
    return "kindergarten/kitchen-menus";
  }

  /** A dish put on a meal: the day's card again (htmx), or the week's page. */
  @PostMapping("/schools/{schoolId}/kitchen/menus/{day}/{band}")
  String put(
      @PathVariable long schoolId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @PathVariable Norms.Band band,
      @RequestParam Menu.MealKind meal,
      @RequestParam(defaultValue = "0") long dishId,
      @RequestParam(defaultValue = "100") int portion,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      Model model,
      RedirectAttributes redirect) {
    return edited(
        schoolId,
        day,
        band,
        htmx,
        model,
        redirect,
        () -> menus.put(schoolId, day, band, meal, dishId, portion));
  }

  @PostMapping("/schools/{schoolId}/kitchen/menus/{day}/{band}/remove")
  String remove(
      @PathVariable long schoolId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @PathVariable Norms.Band band,
      @RequestParam Menu.MealKind meal,
      @RequestParam long dishId,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      Model model,
      RedirectAttributes redirect) {
    return edited(
        schoolId,
        day,
        band,
        htmx,
        model,
        redirect,
        () -> menus.remove(schoolId, day, band, meal, dishId));
  }

  private String edited(
      long schoolId,
      LocalDate day,
      Norms.Band band,
      @Nullable String htmx,
      Model model,
      RedirectAttributes redirect,
      Runnable edit) {
    String back = "/schools/" + schoolId + "/kitchen/menus?band=" + band + "&week=" + day;
    if (htmx == null) {
      return FormOutcome.run(edit, "menu", back, redirect);
    }
    try {
      edit.run();
    } catch (UserInputException e) {
      model.addAttribute("menuError", e.messageKey());
      model.addAttribute("menuErrorArgs", e.args());
    }
    model.addAttribute("school", access.require(schoolId));
    model.addAttribute("d", menus.day(schoolId, band, day));
    model.addAttribute("band", band);
    model.addAttribute("dishes", dishes.all(schoolId));
    return "kindergarten/kitchen-fragments :: day";
  }

  @GetMapping("/schools/{schoolId}/kitchen/days/{day}")
  String sheet(
      @PathVariable long schoolId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      Model model) {
    model.addAttribute("school", access.require(schoolId));
    model.addAttribute("sheet", sheets.sheet(schoolId, day));
    model.addAttribute("checks", admin.checks(schoolId, day));
    model.addAttribute("steps", KitchenAdmin.STEPS);
    return "kindergarten/kitchen-sheet";
  }

  @GetMapping("/schools/{schoolId}/kitchen/days/{day}/sheet.xlsx")
  ResponseEntity<byte[]> sheetXlsx(
      @PathVariable long schoolId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    School school = access.require(schoolId);
    return Downloads.xlsx(
        workbook.write(school, sheets.sheet(schoolId, day)), "so-tinh-khau-phan-" + day + ".xlsx");
  }

  @GetMapping("/schools/{schoolId}/kitchen/days/{day}/sheet.pdf")
  ResponseEntity<byte[]> sheetPdf(
      @PathVariable long schoolId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    School school = access.require(schoolId);
    return Downloads.pdf(
        print.pdf(school, sheets.sheet(schoolId, day)), "so-tinh-khau-phan-" + day + ".pdf");
  }

  @PostMapping("/schools/{schoolId}/kitchen/days/{day}/checks")
  String check(
      @PathVariable long schoolId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @RequestParam(defaultValue = "") String step,
      @RequestParam(defaultValue = "true") boolean passed,
      @RequestParam(defaultValue = "") String note,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () -> admin.check(user, schoolId, day, step, passed, note),
        "check",
        "/schools/" + schoolId + "/kitchen/days/" + day,
        redirect);
  }
}
