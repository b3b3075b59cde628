package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.truongso.TruongSoApplication;

/** The command line answers --help for itself and every command without starting anything. */
class CommandLineTests {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream originalOut;
  PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void printsTheGeneralHelp() {
    assertThat(CommandLine.run(TruongSoApplication.class, new String[] {"--help"})).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("serve", "demo", "verify-audit", "evaluate");
  }

  @Test
  void printsEachCommandsHelp() {
    for (String command : new String[] {"serve", "demo", "verify-audit", "evaluate"}) {
      out.reset();
      assertThat(CommandLine.run(TruongSoApplication.class, new String[] {command, "--help"}))
          .isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .startsWith("java -jar truongso.jar")
          .contains(command);
    }
  }

  @Test
  void refusesAnUnknownCommand() {
    assertThat(CommandLine.run(TruongSoApplication.class, new String[] {"xoa-het"})).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("xoa-het");
  }
}
