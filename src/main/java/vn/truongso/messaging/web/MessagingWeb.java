package vn.truongso.messaging.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NavItem;

/** The navigation of the messages module: notices and conversations for the staff who send them. */
@Configuration(proxyBeanMethods = false)
class MessagingWeb {

  static boolean sends(Authorization authorization) {
    return authorization.permitsSomewhere(Action.SEND_NOTICES)
        || authorization.permitsSomewhere(Action.SEND_CLASS_NOTICES)
        || authorization.permitsSomewhere(Action.SEND_HEALTH_NOTICES);
  }

  @Bean
  NavItem messagesNav(Authorization authorization) {
    return new NavItem("nav.messages", "/messages", null, 24, () -> sends(authorization));
  }
}
