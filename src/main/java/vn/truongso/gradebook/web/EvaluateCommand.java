package vn.truongso.gradebook.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.truongso.platform.StandaloneCommand;

/**
 * {@code java -jar truongso.jar evaluate < record.json}: the stateless evaluation on the command
 * line, without starting the application or its database.
 */
public final class EvaluateCommand implements StandaloneCommand {

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      err.println(text().getString("cli.evaluate.help"));
      return 2;
    }
    String body;
    try {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(e.getMessage());
      return 2;
    }
    ResourceBundle messages = bundle();
    EvaluationJson json =
        new EvaluationJson(
            (key, a) -> {
              try {
                return new MessageFormat(messages.getString(key), messages.getLocale()).format(a);
              } catch (MissingResourceException e) {
                return key;
              }
            });
    EvaluationJson.Answer answer = json.evaluate(body);
    String text =
        EvaluationJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body());
    (answer.valid() ? out : err).println(text);
    return answer.valid() ? 0 : 1;
  }

  private static Locale locale() {
    return Locale.forLanguageTag(System.getenv().getOrDefault("TRUONGSO_LANG", "vi"));
  }

  private static ResourceBundle bundle() {
    try {
      return ResourceBundle.getBundle("i18n/gradebook/messages", locale(), noFallback());
    } catch (MissingResourceException e) {
      return ResourceBundle.getBundle(
          "i18n/gradebook/messages", Locale.forLanguageTag("vi"), noFallback());
    }
  }

  private static ResourceBundle text() {
    return ResourceBundle.getBundle("i18n/platform/cli", locale());
  }

  // Without this, a machine in English would fall back to the JVM's locale instead of Vietnamese.
  private static ResourceBundle.Control noFallback() {
    return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  }
}
