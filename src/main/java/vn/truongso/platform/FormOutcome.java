package vn.truongso.platform;

import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a form post says back, the one way every page does it. Each form has a name; a refusal (a
 * {@link UserInputException}) becomes {@code <name>Error} with the message key and {@code
 * <name>ErrorArgs} with its arguments, so no page loses the arguments that make the message
 * precise. The empty name is a page's only form: {@code error}, {@code errorArgs}, {@code done}.
 */
public final class FormOutcome {

  private FormOutcome() {}

  /** Runs the action and redirects back, with {@code <name>Saved} when it ran. */
  public static String run(
      Runnable action, String name, String redirectTo, RedirectAttributes redirect) {
    return runTo(
        () -> {
          action.run();
          redirect.addFlashAttribute(attribute(name, "Saved"), true);
          return "redirect:" + redirectTo;
        },
        name,
        redirectTo,
        redirect);
  }

  /**
   * Runs the action and redirects back with {@code <name>Done} set to the message key it returns
   * (what it did can depend on the outcome). A form whose several fields are checked at once
   * ({@link InvalidInput}) shows its first error the same way.
   */
  public static String done(
      Supplier<String> action, String name, String redirectTo, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute(attribute(name, "Done"), action.get());
    } catch (InvalidInput e) {
      InvalidInput.FieldError first = e.errors().getFirst();
      refused(name, first.messageKey(), first.args().toArray(), redirect);
    } catch (UserInputException e) {
      refused(name, e.messageKey(), e.args(), redirect);
    }
    return "redirect:" + redirectTo;
  }

  /**
   * Runs an action that flashes what it wants and returns its view: mostly a redirect that depends
   * on what was done (the record it created), or a page that follows a step that went through. A
   * refusal redirects to {@code refusedTo}.
   */
  public static String runTo(
      Supplier<String> action, String name, String refusedTo, RedirectAttributes redirect) {
    try {
      return action.get();
    } catch (UserInputException e) {
      refused(name, e.messageKey(), e.args(), redirect);
      return "redirect:" + refusedTo;
    }
  }

  /**
   * Runs an action that returns its view; a refusal shows {@code page} instead, with {@code
   * <name>Error}, {@code <name>ErrorArgs} and {@code <name>ErrorField} (the field to mark) in the
   * model, so the form keeps what was typed.
   */
  public static String orShow(
      Supplier<String> action, String name, Model model, Supplier<String> page) {
    try {
      return action.get();
    } catch (UserInputException e) {
      String error = attribute(name, "Error");
      model.addAttribute(error, e.messageKey());
      model.addAttribute(error + "Args", e.args());
      model.addAttribute(error + "Field", e.field());
      return page.get();
    }
  }

  private static void refused(String name, String key, Object[] args, RedirectAttributes redirect) {
    String error = attribute(name, "Error");
    redirect.addFlashAttribute(error, key);
    redirect.addFlashAttribute(error + "Args", args);
  }

  private static String attribute(String name, String what) {
    return name.isEmpty() ? what.toLowerCase(java.util.Locale.ROOT) : name + what;
  }
}
