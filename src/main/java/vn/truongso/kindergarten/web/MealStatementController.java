package vn.truongso.kindergarten.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.enrolment.Classes;
import vn.truongso.kindergarten.internal.kitchen.KitchenAccess;
import vn.truongso.kindergarten.internal.kitchen.MealStatements;
import vn.truongso.org.Organisation;

/** The month's meal statement of each group, for the kitchen and the leaders. */
@Controller
class MealStatementController {

  private final MealStatements statements;
  private final KitchenAccess access;
  private final Classes classes;
  private final Organisation org;
  private final Clock clock;

  MealStatementController(
      MealStatements statements,
      KitchenAccess access,
      Classes classes,
      Organisation org,
      Clock clock) {
    this.statements = statements;
    this.access = access;
    this.classes = classes;
    this.org = org;
    this.clock = clock;
  }

  @GetMapping("/schools/{schoolId}/kitchen/statements")
  String statement(
      @PathVariable long schoolId,
      @RequestParam(required = false) @Nullable Long group,
      @RequestParam(required = false) @Nullable YearMonth month,
      Model model) {
    model.addAttribute("school", access.require(schoolId));
    YearMonth m = month == null ? YearMonth.from(LocalDate.now(clock)) : month;
    var groups =
        org.currentYear(schoolId).stream()
            .flatMap(y -> classes.classes(schoolId, y.startYear()).stream())
            .filter(c -> c.grade() == 0)
            .toList();
    model.addAttribute("groups", groups);
    model.addAttribute("month", m);
    Long chosen = group != null ? group : groups.isEmpty() ? null : groups.getFirst().id();
    if (chosen != null) {
      model.addAttribute("st", statements.statement(schoolId, chosen, m));
    }
    return "kindergarten/kitchen-statements";
  }
}
