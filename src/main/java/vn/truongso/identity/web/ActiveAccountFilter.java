package vn.truongso.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.truongso.identity.internal.SessionAccounts;
import vn.truongso.platform.AuthenticatedUser;

/** Ends the session of an account that was disabled while signed in. */
class ActiveAccountFilter extends OncePerRequestFilter {

  private final SessionAccounts sessions;

  ActiveAccountFilter(SessionAccounts sessions) {
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.getPrincipal() instanceof AuthenticatedUser user
        && !sessions.stillActive(user.accountId())) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?ended");
      return;
    }
    chain.doFilter(request, response);
  }
}
