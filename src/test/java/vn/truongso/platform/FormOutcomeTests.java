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

  @Test
  void aPageWithOneFormSaysDoneWithTheKeyOrTheFirstOfSeveralErrors() {
    RedirectAttributesModelMap done = new RedirectAttributesModelMap();
    assertThat(FormOutcome.done(() -> "x.done", "", "/back", done)).isEqualTo("redirect:/back");
    assertThat(new java.util.HashMap<String, Object>(done.getFlashAttributes()))
        .containsEntry("done", "x.done")
        .doesNotContainKey("error");

    RedirectAttributesModelMap refused = new RedirectAttributesModelMap();
    FormOutcome.done(
        () -> {
          throw new InvalidInput.Collector()
              .add("a", "first.key", 7).add("b", "second.key").errors().stream()
                  .collect(
                      java.util.stream.Collectors.collectingAndThen(
                          java.util.stream.Collectors.toList(), InvalidInput::new));
        },
        "approval",
        "/back",
        refused);
    assertThat(new java.util.HashMap<String, Object>(refused.getFlashAttributes()))
        .containsEntry("approvalError", "first.key")
        .doesNotContainKey("approvalDone");
    assertThat((Object[]) refused.getFlashAttributes().get("approvalErrorArgs")).containsExactly(7);
  }

  @Test
  void anActionThatChoosesWhereToGoIsRedirectedBackWhenRefused() {
    RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
    assertThat(FormOutcome.runTo(() -> "redirect:/made/5", "import", "/start", redirect))
        .isEqualTo("redirect:/made/5");
    assertThat(redirect.getFlashAttributes()).isEmpty();

    String to =
        FormOutcome.runTo(
            () -> {
              throw new UserInputException("file", "import.uploadGone");
            },
            "import",
            "/start",
            redirect);
    assertThat(to).isEqualTo("redirect:/start");
    assertThat(new java.util.HashMap<String, Object>(redirect.getFlashAttributes()))
        .containsEntry("importError", "import.uploadGone")
        .containsKey("importErrorArgs");
  }

  @Test
  void aRefusedFormIsShownAgainWithItsMessageArgumentsAndField() {
    org.springframework.ui.ExtendedModelMap model = new org.springframework.ui.ExtendedModelMap();
    String view =
        FormOutcome.orShow(
            () -> {
              throw new UserInputException("username", "admin.taken", "an");
            },
            "",
            model,
            () -> "identity/admin-accounts");
    assertThat(view).isEqualTo("identity/admin-accounts");
    assertThat(model).containsEntry("error", "admin.taken").containsEntry("errorField", "username");
    assertThat((Object[]) model.get("errorArgs")).containsExactly("an");

    assertThat(FormOutcome.orShow(() -> "redirect:/done", "rollOver", model, () -> "page"))
        .isEqualTo("redirect:/done");
  }
}
