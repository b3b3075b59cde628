package vn.truongso.identity.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.identity.internal.LoginService;
import vn.truongso.identity.internal.MyAccount;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;

/** The signed-in user's own account: roles, sign-ins, password, recovery codes. */
@Controller
class AccountController {

  private final MyAccount me;
  private final LoginService login;
  private final vn.truongso.identity.internal.GuardianLinks links;

  AccountController(
      MyAccount me, LoginService login, vn.truongso.identity.internal.GuardianLinks links) {
    this.me = me;
    this.login = login;
    this.links = links;
  }

  @GetMapping("/account")
  String account(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("account", me.account(user.accountId()));
    model.addAttribute("roles", me.roles(user.accountId()));
    model.addAttribute("recoveryLeft", me.recoveryCodesLeft(user.accountId()));
    model.addAttribute("logins", me.logins(user.accountId(), 20));
    model.addAttribute("minLength", 10);
    model.addAttribute("links", links.pending(user.accountId()));
    return "identity/account";
  }

  @PostMapping("/account/password")
  String changePassword(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String repeat,
      Model model,
      RedirectAttributes redirect) {
    return FormOutcome.orShow(
        () -> {
          login.changePassword(user.accountId(), current, newPassword, repeat);
          redirect.addFlashAttribute("done", "password.changed");
          return "redirect:/account";
        },
        "",
        model,
        () -> account(user, model));
  }

  /** The parent's own answer to a school that asks to join its children to this account. */
  @PostMapping("/account/guardian-links/{id}")
  String decideLink(
      @AuthenticationPrincipal AuthenticatedUser user,
      @org.springframework.web.bind.annotation.PathVariable long id,
      @RequestParam boolean accept,
      RedirectAttributes redirect) {
    links.decide(user.accountId(), id, accept);
    redirect.addFlashAttribute("done", accept ? "account.linkAccepted" : "account.linkDeclined");
    return "redirect:/account";
  }

  @PostMapping("/account/sign-out-everywhere")
  String signOutEverywhere(
      @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect) {
    login.signOutEverywhereElse(user.accountId());
    redirect.addFlashAttribute("done", "account.signedOutEverywhere");
    return "redirect:/account";
  }

  @PostMapping("/account/recovery-codes")
  String renewCodes(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    List<String> codes = login.regenerateRecoveryCodes(user.accountId());
    model.addAttribute("codes", codes);
    return "identity/recovery-codes";
  }
}
