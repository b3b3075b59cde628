package vn.truongso.kindergarten.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.kindergarten.internal.kitchen.KitchenAccess;
import vn.truongso.kindergarten.internal.kitchen.KitchenStock;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;

/** The kitchen's store of dry goods: balances, receipts, the day's issues from the sheet. */
@Controller
class StockController {

  private final KitchenStock stock;
  private final KitchenAccess access;
  private final Clock clock;

  StockController(KitchenStock stock, KitchenAccess access, Clock clock) {
    this.stock = stock;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/schools/{schoolId}/kitchen/stock")
  String stock(@PathVariable long schoolId, Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("school", access.require(schoolId));
    model.addAttribute("balances", stock.balances(schoolId));
    model.addAttribute("moves", stock.moves(schoolId, today.withDayOfMonth(1), today));
    model.addAttribute("today", today);
    return "kindergarten/kitchen-stock";
  }

  @PostMapping("/schools/{schoolId}/kitchen/stock")
  String receive(
      @PathVariable long schoolId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @RequestParam(defaultValue = "") String foodCode,
      @RequestParam(defaultValue = "") String kg,
      @RequestParam(defaultValue = "") String price,
      @RequestParam(defaultValue = "") String note,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          stock.receive(user, schoolId, day, foodCode, kg, price, note);
          return "kindergarten.stock.received";
        },
        "stock",
        "/schools/" + schoolId + "/kitchen/stock",
        redirect);
  }

  @PostMapping("/schools/{schoolId}/kitchen/days/{day}/issue")
  String issue(
      @PathVariable long schoolId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          stock.issue(user, schoolId, day);
          return "kindergarten.stock.issued";
        },
        "issue",
        "/schools/" + schoolId + "/kitchen/days/" + day,
        redirect);
  }
}
