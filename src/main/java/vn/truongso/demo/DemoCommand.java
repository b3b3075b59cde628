package vn.truongso.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.truongso.platform.Command;

/**
 * {@code demo}: erases the embedded database and creates the demo data again. Refused with an
 * external database, where erasing would destroy a real school's data.
 */
@Component
class DemoCommand implements Command {

  private final DemoSettings settings;
  private final DemoData data;
  private final Flyway flyway;
  private final MessageSource messages;

  DemoCommand(DemoSettings settings, DemoData data, Flyway flyway, MessageSource messages) {
    this.settings = settings;
    this.data = data;
    this.flyway = flyway;
    this.messages = messages;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    Locale vi = Locale.forLanguageTag("vi");
    if (settings.externalDatabase()) {
      out.println(messages.getMessage("demo.refusedExternal", null, vi));
      return 2;
    }
    Flyway cleaner =
        Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load();
    cleaner.clean();
    cleaner.migrate();
    data.create();
    out.println(messages.getMessage("demo.created", null, vi));
    return 0;
  }
}
