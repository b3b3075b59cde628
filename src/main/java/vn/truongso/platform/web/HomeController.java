package vn.truongso.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.HomePanel;

/** The home page: the panels the modules have for the signed-in user's roles. */
@Controller
class HomeController {

  private final List<HomePanel> panels;

  HomeController(List<HomePanel> panels) {
    this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute(
        "panels", panels.stream().map(p -> p.content(user)).flatMap(Optional::stream).toList());
    return "platform/home";
  }
}
