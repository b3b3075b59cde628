package vn.truongso.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.identity.internal.LoginOutcome;
import vn.truongso.identity.internal.LoginOutcome.Next;
import vn.truongso.identity.internal.LoginOutcome.Refused;
import vn.truongso.identity.internal.LoginOutcome.SignedIn;
import vn.truongso.identity.internal.LoginService;
import vn.truongso.identity.internal.SessionAccounts;
import vn.truongso.identity.internal.Totp;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.DemoAccounts;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.Formats;

/** The login steps as pages: password, code, forced password change, 2FA enrolment. */
@Controller
class LoginController {

  private final LoginService login;
  private final SessionAccounts sessions;
  private final SecurityContextRepository contexts;
  private final ObjectProvider<DemoAccounts> demo;
  private final Totp totp;
  private final Formats fmt;
  private final Clock clock;

  LoginController(
      LoginService login,
      SessionAccounts sessions,
      SecurityContextRepository contexts,
      ObjectProvider<DemoAccounts> demo,
      Totp totp,
      Formats fmt,
      Clock clock) {
    this.login = login;
    this.sessions = sessions;
    this.contexts = contexts;
    this.demo = demo;
    this.totp = totp;
    this.fmt = fmt;
    this.clock = clock;
  }

  @GetMapping("/login")
  String loginPage(Model model) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && !(auth instanceof AnonymousAuthenticationToken) && auth.isAuthenticated()) {
      return "redirect:/";
    }
    addDemo(model);
    return "identity/login";
  }

  @PostMapping("/login")
  String submitPassword(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (username.length() > 100 || password.length() > 500) {
      return refuse(model, username, new Refused("login.failed", null));
    }
    LoginOutcome outcome =
        login.password(username, password, request.getRemoteAddr(), userAgent(request));
    return follow(outcome, username, request, response, model);
  }

  @GetMapping("/login/totp")
  String totpPage(HttpSession session, Model model) {
    PendingLogin p = pending(session, LoginOutcome.Step.TOTP);
    if (p == null) {
      return "redirect:/login";
    }
    demoCode(p, model);
    return "identity/login-totp";
  }

  @PostMapping("/login/totp")
  String submitTotp(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    PendingLogin p = pending(request.getSession(), LoginOutcome.Step.TOTP);
    if (p == null) {
      return "redirect:/login";
    }
    LoginOutcome outcome =
        login.secondFactor(p.accountId(), code, request.getRemoteAddr(), userAgent(request));
    if (outcome instanceof Refused r) {
      model.addAttribute("error", r.messageKey());
      model.addAttribute("until", r.lockedUntil() == null ? "" : fmt.dateTime(r.lockedUntil()));
      if (r.lockedUntil() != null) {
        request.getSession().removeAttribute(PendingLogin.ATTRIBUTE);
        addDemo(model);
        return "identity/login";
      }
      demoCode(p, model);
      return "identity/login-totp";
    }
    return follow(outcome, p.username(), request, response, model);
  }

  @GetMapping("/login/password")
  String passwordPage(HttpSession session) {
    return pending(session, LoginOutcome.Step.CHANGE_PASSWORD) == null
        ? "redirect:/login"
        : "identity/login-password";
  }

  @PostMapping("/login/password")
  String submitNewPassword(
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String repeat,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    PendingLogin p = pending(request.getSession(), LoginOutcome.Step.CHANGE_PASSWORD);
    if (p == null) {
      return "redirect:/login";
    }
    return FormOutcome.orShow(
        () ->
            follow(
                login.forcedChange(p.accountId(), newPassword, repeat),
                p.username(),
                request,
                response,
                model),
        "",
        model,
        () -> {
          model.addAttribute("minLength", 10);
          return "identity/login-password";
        });
  }

  @GetMapping("/login/enrol")
  String enrolPage(HttpSession session, Model model) {
    PendingLogin p = pending(session, LoginOutcome.Step.ENROL_TOTP);
    if (p == null) {
      return "redirect:/login";
    }
    if (p.enrolSecret() == null) {
      p = p.withSecret(login.newTotpSecret());
      session.setAttribute(PendingLogin.ATTRIBUTE, p);
    }
    enrolModel(p, model);
    return "identity/login-enrol";
  }

  @PostMapping("/login/enrol")
  String submitEnrol(
      @RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
    PendingLogin p = pending(request.getSession(), LoginOutcome.Step.ENROL_TOTP);
    if (p == null || p.enrolSecret() == null) {
      return "redirect:/login";
    }
    return FormOutcome.orShow(
        () -> {
          List<String> codes = login.enrolTotp(p.accountId(), p.enrolSecret(), code);
          request.getSession().setAttribute(PendingLogin.ATTRIBUTE, p.withSecret(null));
          model.addAttribute("codes", codes);
          return "identity/login-recovery-codes";
        },
        "",
        model,
        () -> {
          enrolModel(p, model);
          return "identity/login-enrol";
        });
  }

  @PostMapping("/login/enrolled")
  String afterRecoveryCodes(HttpServletRequest request, HttpServletResponse response) {
    PendingLogin p = pending(request.getSession(), LoginOutcome.Step.ENROL_TOTP);
    if (p == null) {
      return "redirect:/login";
    }
    return signIn(p.accountId(), request, response);
  }

  private String follow(
      LoginOutcome outcome,
      String username,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return switch (outcome) {
      case Refused r -> refuse(model, username, r);
      case SignedIn s -> signIn(s.accountId(), request, response);
      case Next n -> {
        request
            .getSession()
            .setAttribute(
                PendingLogin.ATTRIBUTE, new PendingLogin(n.accountId(), username, n.step(), null));
        yield switch (n.step()) {
          case TOTP -> "redirect:/login/totp";
          case CHANGE_PASSWORD -> "redirect:/login/password";
          case ENROL_TOTP -> "redirect:/login/enrol";
        };
      }
    };
  }

  private String refuse(Model model, String username, Refused r) {
    model.addAttribute("error", r.messageKey());
    model.addAttribute("until", r.lockedUntil() == null ? "" : fmt.dateTime(r.lockedUntil()));
    model.addAttribute("username", username);
    addDemo(model);
    return "identity/login";
  }

  private String signIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
    HttpSession old = request.getSession();
    old.removeAttribute(PendingLogin.ATTRIBUTE);
    // A new session id at every sign-in: a session fixed before login is worth nothing after it.
    request.changeSessionId();
    AuthenticatedUser user = sessions.principal(accountId);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    sessions.started(
        request.getSession().getId(),
        accountId,
        request.getRemoteAddr(),
        userAgent(request),
        clock.instant());
    login.signedIn(accountId, request.getRemoteAddr(), userAgent(request));
    return "redirect:/";
  }

  private static PendingLogin pending(HttpSession session, LoginOutcome.Step step) {
    if (session == null) {
      return null;
    }
    return session.getAttribute(PendingLogin.ATTRIBUTE) instanceof PendingLogin p
            && p.step() == step
        ? p
        : null;
  }

  private void enrolModel(PendingLogin p, Model model) {
    model.addAttribute("secret", p.enrolSecret());
    model.addAttribute("qr", totp.qrDataUri(p.enrolSecret(), p.username()));
  }

  private void addDemo(Model model) {
    DemoAccounts d = demo.getIfAvailable();
    if (d != null && d.enabled()) {
      model.addAttribute("demoAccounts", d.accounts());
      d.signingPin().ifPresent(pin -> model.addAttribute("demoSigningPin", pin));
    }
  }

  private void demoCode(PendingLogin p, Model model) {
    DemoAccounts d = demo.getIfAvailable();
    if (d != null && d.enabled()) {
      d.totpSecretFor(p.username())
          .ifPresent(
              secret ->
                  model.addAttribute(
                      "demoCode", totp.codeAt(secret, login.nextUsableStep(p.accountId()))));
    }
  }

  private static String userAgent(HttpServletRequest request) {
    return request.getHeader("User-Agent");
  }
}
