package vn.truongso.corrections.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.platform.Action;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.SecondaryBookPages;

/** The corrections link: for those who file, decide or carry out requests. */
@Configuration(proxyBeanMethods = false)
class CorrectionsWeb {

  @Bean
  NavItem correctionsNavForTeachers() {
    return new NavItem("corrections.nav", "/corrections", Action.ENTER_SCORES, 47);
  }

  @Bean
  NavItem correctionsNavForHomeroom() {
    return new NavItem("corrections.nav", "/corrections", Action.ENTER_CONDUCT, 48);
  }

  @Bean
  NavItem correctionsNavForApprovers() {
    return new NavItem("corrections.nav", "/corrections", Action.APPROVE_RESULTS, 49);
  }

  @Bean
  NavItem correctionsNavForDataAdmin() {
    return new NavItem("corrections.nav", "/corrections", Action.MANAGE_LOCKS, 50);
  }

  /** Corrections change marks of the secondary grade book, so they exist only where it is kept. */
  @Bean
  SecondaryBookPages correctionPages() {
    return SecondaryBookPages.of(
        "/schools/{schoolId}/corrections", "/schools/{schoolId}/corrections/**");
  }
}
