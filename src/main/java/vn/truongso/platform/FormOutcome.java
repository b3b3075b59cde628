package vn.truongso.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form post that redirects back to its page with what happened, the one way every page does it:
 * {@code <name>Saved} when the action ran, or {@code <name>Error} with the message key and {@code
 * <name>ErrorArgs} with its arguments when the input was refused (so the page never loses the
 * arguments that make the message precise).
 */
public final class FormOutcome {

  private FormOutcome() {}

  public static String run(
      Runnable action, String name, String redirectTo, RedirectAttributes redirect) {
    try {
      action.run();
      redirect.addFlashAttribute(name + "Saved", true);
    } catch (UserInputException e) {
      redirect.addFlashAttribute(name + "Error", e.messageKey());
      redirect.addFlashAttribute(name + "ErrorArgs", e.args());
    }
    return "redirect:" + redirectTo;
  }
}
