package vn.truongso.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import vn.truongso.identity.internal.ApiTokens;
import vn.truongso.identity.internal.SessionAccounts;

/**
 * Two filter chains: the JSON API, stateless with bearer tokens; and the pages, with sessions
 * stored in the database, CSRF tokens on every form and strict security headers. Who may do what is
 * decided by the authorisation service inside each controller, never by URL patterns alone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";
  // Swagger UI needs inline styles and its own bundle; it holds no personal data.
  static final String DOCS_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; frame-ancestors 'none'";

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
    BearerTokenFilter bearer = new BearerTokenFilter(tokens);
    http.securityMatcher("/api/v1/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .addFilterBefore(
            bearer,
            org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter
                .class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/api/v1/auth/token", "/api/v1/assessment/evaluate")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain docs(HttpSecurity http) throws Exception {
    http.securityMatcher(
            "/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**", "/api/swagger-ui/**")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(DOCS_CSP)));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(
      HttpSecurity http, SecurityContextRepository contexts, SessionAccounts sessions)
      throws Exception {
    ActiveAccountFilter active = new ActiveAccountFilter(sessions);
    http.securityContext(s -> s.securityContextRepository(contexts))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/login/**",
                        "/error",
                        "/webjars/**",
                        "/assets/**",
                        "/schemas/**",
                        "/verify",
                        "/verify/*")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .addFilterAfter(
            active, org.springframework.security.web.session.SessionManagementFilter.class)
        .logout(
            l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
        .sessionManagement(
            s -> s.sessionFixation(f -> f.changeSessionId()).invalidSessionUrl("/login?expired"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy", "camera=(), microphone=(), geolocation=()")));
    return http.build();
  }
}
