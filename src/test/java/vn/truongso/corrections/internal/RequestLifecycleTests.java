package vn.truongso.corrections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.corrections.Request.State;
import vn.truongso.corrections.internal.RequestLifecycle.Next;
import vn.truongso.corrections.internal.RequestLifecycle.Part;
import vn.truongso.corrections.internal.RequestLifecycle.Refusal;
import vn.truongso.corrections.internal.RequestLifecycle.Stage;
import vn.truongso.corrections.internal.RequestLifecycle.Step;

/**
 * The life of a correction request from its table: every stage × part × step, with the stage it
 * goes to or the refusal the user meets (src/test/resources/corrections/lifecycle.csv).
 */
class RequestLifecycleTests {

  static final String TABLE = "/corrections/lifecycle.csv";

  @ParameterizedTest(name = "{0} {1} {2} → {3} {5}")
  @CsvFileSource(resources = TABLE, nullValues = "")
  void takesTheStepOrRefusesIt(
      Stage stage, Part part, Step step, String expected, String field, String key) {
    RequestLifecycle.Result result = RequestLifecycle.next(stage, part, step);

    switch (expected) {
      case "FORBIDDEN" -> assertThat(result).isEqualTo(new Refusal(true, null, key));
      case "REFUSED" -> assertThat(result).isEqualTo(new Refusal(false, field, key));
      default -> {
        assertThat(result).isEqualTo(new Next(Stage.valueOf(expected)));
        assertThat(field).isNull();
        assertThat(key).isNull();
      }
    }
    assertThat(RequestLifecycle.allows(stage, part, step)).isEqualTo(result instanceof Next);
  }

  @Test
  void theTableHasEveryCombinationOnce() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      for (Part part : Part.values()) {
        for (Step step : Step.values()) {
          expected.add(stage + "," + part + "," + step);
        }
      }
    }
    List<String> rows = rows().stream().map(r -> String.join(",", r[0], r[1], r[2])).toList();
    assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyRefusalIsAMessageInVietnameseAndEnglish() throws IOException {
    Properties vi = bundle("vi");
    Properties en = bundle("en");
    List<String> keys =
        rows().stream().filter(r -> r[3].equals("REFUSED")).map(r -> r[5]).distinct().toList();
    assertThat(keys).isNotEmpty();
    assertThat(keys).allSatisfy(k -> assertThat(vi).containsKey(k));
    assertThat(keys).allSatisfy(k -> assertThat(en).containsKey(k));
  }

  @Test
  void onlyTheDecidedMessagesNameTheDecider() {
    assertThat(RequestLifecycle.next(Stage.REJECTED, Part.APPROVER, Step.APPROVE))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.namesDecider()).isTrue());
    assertThat(RequestLifecycle.next(Stage.STALE, Part.APPROVER, Step.APPROVE))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.namesDecider()).isFalse());
  }

  /** Which permissions make which part: the filer is the filer whatever else they hold. */
  @ParameterizedTest(name = "filer {0}, approver {1}, data admin {2} → {3}")
  @CsvSource({
    "true,  false, false, FILER",
    "true,  false, true,  FILER",
    "true,  true,  false, FILER_APPROVER",
    "true,  true,  true,  FILER_APPROVER",
    "false, true,  false, APPROVER",
    "false, false, true,  DATA_ADMIN",
    "false, true,  true,  APPROVER_DATA_ADMIN",
    "false, false, false, OTHER"
  })
  void aUsersPartComesFromFilingAndPermissions(
      boolean filer, boolean approver, boolean dataAdmin, Part part) {
    assertThat(Part.of(filer, approver, dataAdmin)).isEqualTo(part);
    assertThat(part.filer()).isEqualTo(filer);
  }

  /** Which stage a stored request is at: the confirmations count only while it is approved. */
  @ParameterizedTest(name = "{0}, teacher {1}, admin {2} → {3}")
  @CsvSource({
    "FILED,       false, false, FILED",
    "APPROVED,    false, false, APPROVED",
    "APPROVED,    true,  false, TEACHER_CONFIRMED",
    "APPROVED,    false, true,  ADMIN_CONFIRMED",
    "REJECTED,    false, false, REJECTED",
    "CARRIED_OUT, true,  true,  CARRIED_OUT",
    "STALE,       true,  false, STALE",
    "WITHDRAWN,   false, true,  WITHDRAWN"
  })
  void aStoredRequestsStage(State state, boolean teacher, boolean admin, Stage stage) {
    assertThat(Stage.of(state, teacher, admin)).isEqualTo(stage);
    assertThat(stage.state()).isEqualTo(state);
  }

  @Test
  void anApprovedRequestIsNeverConfirmedTwice() {
    assertThatThrownBy(() -> Stage.of(State.APPROVED, true, true))
        .isInstanceOf(IllegalStateException.class);
  }

  /** The table's rows, six fields each (empty ones ""). */
  private static List<String[]> rows() throws IOException {
    try (InputStream in = RequestLifecycleTests.class.getResourceAsStream(TABLE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Stream.of(text.split("\n"))
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split(",", -1))
          .toList();
    }
  }

  private static Properties bundle(String language) throws IOException {
    Properties p = new Properties();
    String name = "/i18n/corrections/messages_" + language + ".properties";
    try (InputStream in = RequestLifecycleTests.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
