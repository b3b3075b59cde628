package vn.truongso.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit before anything reads its parameters. Tomcat would refuse
 * it too, but then every later reader of a parameter (the CSRF check, the error page) fails again
 * and the user gets Tomcat's English page; this answers with our own page instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooLargeFilter extends OncePerRequestFilter {

  /** The same as {@code server.tomcat.max-http-form-post-size} and the multipart request limit. */
  static final long LIMIT = 6L * 1024 * 1024;

  private final org.springframework.context.MessageSource messages;
  private final tools.jackson.databind.json.JsonMapper json =
      tools.jackson.databind.json.JsonMapper.builder().build();

  TooLargeFilter(org.springframework.context.MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > LIMIT && request.getRequestURI().startsWith("/api/")) {
      // An API client reads JSON: the same error shape as every other refusal of the API.
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json;charset=UTF-8");
      response.setHeader("Connection", "close");
      String message =
          messages.getMessage(
              "api.tooLarge", new Object[] {LIMIT / 1024 / 1024}, request.getLocale());
      response
          .getWriter()
          .write(
              json.writeValueAsString(
                  java.util.Map.of(
                      "title",
                      message,
                      "errors",
                      java.util.List.of(
                          java.util.Map.of(
                              "field", "", "code", "body.tooLarge", "message", message)))));
      return;
    }
    if (request.getContentLengthLong() > LIMIT) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Connection", "close");
      try (InputStream page = new ClassPathResource("static/errors/413.html").getInputStream()) {
        page.transferTo(response.getOutputStream());
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
