package vn.truongso.identity.web;

import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.identity.internal.AuthorizationService;
import vn.truongso.identity.internal.MyAccount;
import vn.truongso.identity.internal.SessionAccounts;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.HomePanel;
import vn.truongso.platform.NavItem;

/** Navigation and the home panel of the identity module. */
@Configuration(proxyBeanMethods = false)
class IdentityWeb {

  @Bean
  NavItem accountsNav() {
    return new NavItem("nav.accounts", "/admin/accounts", Action.MANAGE_ACCOUNTS, 80);
  }

  @Bean
  NavItem sessionsNav() {
    return new NavItem("nav.sessions", "/admin/sessions", Action.VIEW_SESSIONS, 81);
  }

  /** Everyone: their roles with scopes and the previous sign-in. */
  @Bean
  HomePanel mePanel(MyAccount me, AuthorizationService authorization) {
    return new HomePanel() {
      @Override
      public int order() {
        return 1000;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        List<SessionAccounts.LoginRow> logins = me.logins(user.accountId(), 2);
        return Optional.of(
            new Content(
                "identity/panels",
                "me",
                new MePanel(
                    me.roles(user.accountId()),
                    !authorization.taughtBy(user.accountId()).isEmpty(),
                    logins.size() > 1 ? logins.get(1) : null)));
      }
    };
  }

  /** The "me" panel: roles with their scopes, whether the user teaches, the previous sign-in. */
  record MePanel(
      List<MyAccount.RoleView> roles, boolean teaches, SessionAccounts.LoginRow previous) {}
}
