package vn.truongso.control.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.platform.Action;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.SecondaryBookPages;

/**
 * The control page's link: for the principal, and for the data administrator who acts on their
 * instruction; the page exists only in a school that keeps the secondary grade book.
 */
@Configuration(proxyBeanMethods = false)
class ControlWeb {

  @Bean
  NavItem controlNav() {
    return new NavItem("control.nav", "/control", Action.LOCK_GRADEBOOK, 45);
  }

  @Bean
  NavItem controlNavForDataAdmin() {
    return new NavItem("control.nav", "/control", Action.MANAGE_LOCKS, 46);
  }

  /** Deadlines, locks and the year seal are those of the secondary grade book. */
  @Bean
  SecondaryBookPages controlPages() {
    return SecondaryBookPages.of("/schools/{schoolId}/control", "/schools/{schoolId}/control/**");
  }
}
