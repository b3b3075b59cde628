package vn.truongso.gradebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code java -jar truongso.jar evaluate < record.json}: no context, no database. */
class EvaluateCommandTests {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String input) {
    return new EvaluateCommand()
        .run(
            List.of(),
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsTheResultsOfAValidRecord() {
    assertThat(run(EvaluateApiExamples.read("tt22-retest.request.json"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"outcome\" : \"PROMOTED\"", "\"yearAfterRetest\" : \"DAT\"", "TT22.D14.2");
  }

  @Test
  void printsEachProblemOfAnInvalidRecordAndExitsWithOne() {
    assertThat(run(EvaluateApiExamples.read("invalid.request.json"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("subjects[0].term1.regular[1]");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
