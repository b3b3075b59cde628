package vn.truongso.platform.web;

import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.Navigation;

/** Puts the signed-in user and the navigation they may see into every page's model. */
@ControllerAdvice
class LayoutAdvice {

  private final Navigation navigation;

  LayoutAdvice(Navigation navigation) {
    this.navigation = navigation;
  }

  @ModelAttribute("currentUser")
  AuthenticatedUser currentUser() {
    return Navigation.currentUser();
  }

  @ModelAttribute("nav")
  List<NavItem> nav() {
    return navigation.shown();
  }
}
