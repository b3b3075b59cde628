package vn.truongso.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.truongso.identity.RoleAssignment;
import vn.truongso.identity.internal.ApiTokens;
import vn.truongso.identity.internal.LoginOutcome;
import vn.truongso.identity.internal.LoginService;
import vn.truongso.identity.internal.MyAccount;
import vn.truongso.platform.AuthenticatedUser;

/** API sign-in: a bearer token for the same user, roles and authorisation as the pages. */
@RestController
@Tag(name = "Authentication")
class AuthApiController {

  private final LoginService login;
  private final ApiTokens tokens;
  private final MyAccount me;
  private final MessageSource messages;

  AuthApiController(LoginService login, ApiTokens tokens, MyAccount me, MessageSource messages) {
    this.login = login;
    this.tokens = tokens;
    this.me = me;
    this.messages = messages;
  }

  @PostMapping("/api/v1/auth/token")
  @Operation(
      summary = "Get a bearer token",
      description =
          "Username and password, plus the 6-digit TOTP code (or a recovery code) when the account"
              + " uses two-factor sign-in. Wrong answers count towards the 5-attempt lock, as on the"
              + " login page. Accounts that must change their password or enrol two-factor sign-in"
              + " must do so on the web first (403).")
  ResponseEntity<?> token(@RequestBody TokenRequest body, HttpServletRequest request) {
    String ip = request.getRemoteAddr();
    String ua = request.getHeader("User-Agent");
    if (body == null || body.username() == null || body.password() == null) {
      return problem(HttpStatus.BAD_REQUEST, "api.credentialsRequired", null);
    }
    LoginOutcome outcome = login.password(body.username(), body.password(), ip, ua);
    if (outcome instanceof LoginOutcome.Next n && n.step() == LoginOutcome.Step.TOTP) {
      if (body.totp() == null || body.totp().isBlank()) {
        return problem(HttpStatus.UNAUTHORIZED, "api.totpRequired", null);
      }
      outcome = login.secondFactor(n.accountId(), body.totp(), ip, ua);
    }
    return switch (outcome) {
      case LoginOutcome.Refused r ->
          problem(HttpStatus.UNAUTHORIZED, r.messageKey(), r.lockedUntil());
      case LoginOutcome.Next n ->
          problem(
              HttpStatus.FORBIDDEN,
              n.step() == LoginOutcome.Step.CHANGE_PASSWORD
                  ? "api.changePasswordFirst"
                  : "api.enrolTotpFirst",
              null);
      case LoginOutcome.SignedIn s -> {
        login.signedIn(s.accountId(), ip, ua);
        ApiTokens.Issued issued = tokens.issue(s.accountId(), ip);
        yield ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
      }
    };
  }

  @PostMapping("/api/v1/auth/revoke")
  @Operation(
      summary = "Revoke the bearer token",
      description =
          "Ends the token this request carries; with {\"all\": true} every token and web session"
              + " of the account (sign out everywhere).",
      security = @SecurityRequirement(name = "bearer"))
  RevokeResponse revoke(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestBody(required = false) RevokeRequest body,
      HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String token = header == null ? "" : header.replaceFirst("(?i)^Bearer\\s+", "").strip();
    boolean all = body != null && Boolean.TRUE.equals(body.all());
    return new RevokeResponse(login.revokeToken(user.accountId(), token, all));
  }

  @GetMapping("/api/v1/me")
  @Operation(
      summary = "The current user and their roles",
      security = @SecurityRequirement(name = "bearer"))
  Me me(@AuthenticationPrincipal AuthenticatedUser user) {
    List<RoleAssignment> roles =
        me.roles(user.accountId()).stream().map(MyAccount.RoleView::role).toList();
    return new Me(user.accountId(), user.username(), user.displayName(), roles);
  }

  private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Instant until) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            status,
            messages.getMessage(
                key,
                new Object[] {until == null ? "" : until.toString()},
                LocaleContextHolder.getLocale()));
    p.setProperty("code", key);
    return ResponseEntity.status(status).body(p);
  }

  record TokenRequest(String username, String password, String totp) {}

  record TokenResponse(String token, String type, Instant expiresAt) {}

  record RevokeRequest(Boolean all) {}

  record RevokeResponse(int revoked) {}

  record Me(long id, String username, String displayName, List<RoleAssignment> roles) {}
}
