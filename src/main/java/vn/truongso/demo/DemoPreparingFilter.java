package vn.truongso.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo data is being made on a first start, pages answer "being prepared" (503, reloading
 * itself) rather than a sign-in page that refuses the demo accounts for 15–25 seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DemoPreparingFilter extends OncePerRequestFilter {

  DemoPreparingFilter(DemoSettings settings, Environment env) {
    // Armed before the server listens, so that no request slips in before the runner starts.
    DemoStartup.PREPARING.set(settings.enabled() && !env.containsProperty("truongso.command"));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !DemoStartup.PREPARING.get()
        || path.startsWith("/webjars/")
        || path.startsWith("/css/")
        || path.startsWith("/js/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "3");
    response.setContentType("text/html;charset=UTF-8");
    try (InputStream page =
        new ClassPathResource("static/errors/preparing.html").getInputStream()) {
      page.transferTo(response.getOutputStream());
    }
  }
}
