package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class FormOutcomeTests {

  @Test
  void aRefusalKeepsItsMessageArgumentsAndASuccessSaysSo() {
    RedirectAttributesModelMap refused = new RedirectAttributesModelMap();
    String to =
        FormOutcome.run(
            () -> {
              throw new UserInputException("x", "some.key", 3, "6A1");
            },
            "arrangement",
            "/back",
            refused);
    assertThat(to).isEqualTo("redirect:/back");
    assertThat(new java.util.HashMap<String, Object>(refused.getFlashAttributes()))
        .containsEntry("arrangementError", "some.key")
        .doesNotContainKey("arrangementSaved");
    assertThat((Object[]) refused.getFlashAttributes().get("arrangementErrorArgs"))
        .containsExactly(3, "6A1");

    RedirectAttributesModelMap saved = new RedirectAttributesModelMap();
    FormOutcome.run(() -> {}, "control", "/back", saved);
    assertThat(new java.util.HashMap<String, Object>(saved.getFlashAttributes()))
        .containsEntry("controlSaved", true)
        .doesNotContainKey("controlError");
  }
}
