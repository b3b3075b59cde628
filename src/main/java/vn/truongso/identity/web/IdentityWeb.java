package vn.truongso.identity.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.identity.internal.AuthorizationService;
import vn.truongso.identity.internal.MyAccount;
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
        Map<String, Object> model = new HashMap<>();
        model.put("roles", me.roles(user.accountId()));
        model.put("teaches", !authorization.taughtBy(user.accountId()).isEmpty());
        List<?> logins = me.logins(user.accountId(), 2);
        model.put("previous", logins.size() > 1 ? logins.get(1) : null);
        return Optional.of(new Content("identity/panels", "me", model));
      }
    };
  }
}
