package vn.truongso.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.ServiceLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar truongso.jar [command] [options]}: with no command it serves; otherwise it runs
 * one {@link Command} in an application context that listens on no port and exits with its code.
 */
public final class CommandLine {

  public static final int KEEP_SERVING = Integer.MIN_VALUE;
  static final List<String> COMMANDS =
      List.of("serve", "demo", "verify-audit", "evaluate", "backup", "restore");

  private CommandLine() {}

  public static int run(Class<?> application, String[] args) {
    PrintStream out = System.out;
    ResourceBundle text = text();
    if (args.length > 0 && isHelp(args[0])) {
      out.println(text.getString("cli.help"));
      return 0;
    }
    String name = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
    List<String> rest =
        args.length == 0 || args[0].startsWith("-")
            ? Arrays.asList(args)
            : Arrays.asList(args).subList(1, args.length);
    if (!COMMANDS.contains(name)) {
      System.err.println(String.format(text.getString("cli.unknown"), name));
      System.err.println(text.getString("cli.help"));
      return 2;
    }
    if (rest.stream().anyMatch(CommandLine::isHelp)) {
      out.println(text.getString("cli." + name + ".help"));
      return 0;
    }
    for (StandaloneCommand standalone : ServiceLoader.load(StandaloneCommand.class)) {
      if (standalone.name().equals(name)) {
        return standalone.run(rest, System.in, out, System.err);
      }
    }
    if (name.equals("serve")) {
      SpringApplication app = new SpringApplication(application);
      app.addListeners(new vn.truongso.platform.db.EarlyDatabaseStart());
      app.run(rest.toArray(String[]::new));
      return KEEP_SERVING;
    }
    try {
      return runInContext(application, name, rest, out);
    } catch (RuntimeException e) {
      if (inUse(e)) {
        // The server holds the data directory: one line, not a stack trace.
        System.err.println(text.getString("cli.dataDirInUse"));
        return 1;
      }
      throw e;
    }
  }

  private static int runInContext(
      Class<?> application, String name, List<String> rest, PrintStream out) {
    try (ConfigurableApplicationContext context =
        // The whole application, web layer included (its security beans need it), but listening
        // on no port: a command never serves.
        new SpringApplicationBuilder(application)
            .web(WebApplicationType.SERVLET)
            .properties(
                "truongso.command=" + name,
                "server.port=-1",
                // A failed start is reported by run() (one line when the server holds the data
                // directory, the exception otherwise), not logged again as a page of stack trace.
                "logging.level.org.springframework.boot.SpringApplication=off",
                "logging.level.org.springframework.boot.autoconfigure.logging=off",
                "logging.level.org.springframework.boot.web.server.servlet.context=error")
            .run(new String[0])) {
      Command command =
          context.getBeansOfType(Command.class).values().stream()
              .filter(c -> c.name().equals(name))
              .findFirst()
              .orElseThrow();
      return command.run(rest, out);
    }
  }

  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof vn.truongso.platform.db.DataDirectoryInUseException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private static ResourceBundle text() {
    String lang = System.getenv().getOrDefault("TRUONGSO_LANG", "vi");
    try {
      return ResourceBundle.getBundle("i18n/platform/cli", Locale.forLanguageTag(lang));
    } catch (MissingResourceException e) {
      return ResourceBundle.getBundle("i18n/platform/cli", Locale.forLanguageTag("vi"));
    }
  }
}
