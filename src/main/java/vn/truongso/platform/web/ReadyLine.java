package vn.truongso.platform.web;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line on the console when TruongSo is ready to use (after the demo data, if any, is made): the
 * address to open.
 */
@Component
class ReadyLine {

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null
        && web.getWebServer().getPort() > 0
        && !event.getApplicationContext().getEnvironment().containsProperty("truongso.command")) {
      int port = web.getWebServer().getPort();
      String lang = System.getenv().getOrDefault("TRUONGSO_LANG", "vi");
      java.util.ResourceBundle text =
          java.util.ResourceBundle.getBundle(
              "i18n/platform/cli", java.util.Locale.forLanguageTag(lang));
      System.out.println(String.format(text.getString("cli.ready"), port));
    }
  }
}
