package vn.truongso.platform;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * A command of {@code java -jar truongso.jar <name>} that needs no application context, database or
 * web server (e.g. evaluating one record). Found with {@link java.util.ServiceLoader}; modules list
 * theirs in {@code META-INF/services/vn.truongso.platform.StandaloneCommand}.
 */
public interface StandaloneCommand {

  String name();

  /** Runs the command and returns the process exit code. */
  int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
