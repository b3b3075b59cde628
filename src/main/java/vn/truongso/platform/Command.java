package vn.truongso.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of {@code java -jar truongso.jar <name>}. Modules contribute commands as beans; the
 * command line starts the application without the web server and runs the one named.
 */
public interface Command {

  String name();

  /** Runs the command and returns the process exit code. */
  int run(List<String> args, PrintStream out);
}
