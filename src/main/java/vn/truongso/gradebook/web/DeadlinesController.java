package vn.truongso.gradebook.web;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.truongso.gradebook.internal.Deadlines;
import vn.truongso.platform.Action;
import vn.truongso.platform.NavItem;

/** The subject teacher's own deadlines and what is still missing. */
@Controller
class DeadlinesController {

  private final Deadlines deadlines;

  DeadlinesController(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Bean
  static NavItem deadlinesNav() {
    return new NavItem("deadlines.nav", "/gradebook/deadlines", Action.ENTER_SCORES, 30);
  }

  @GetMapping("/gradebook/deadlines")
  String page(Model model) {
    model.addAttribute("sheets", deadlines.mine());
    return "gradebook/deadlines";
  }
}
