package vn.truongso.demo;

import org.springframework.stereotype.Component;

/** Makes sure the demo data exists in the tests' database (created once per test JVM). */
@Component
public class DemoFixture {

  public static final String PASSWORD = DemoSettings.PASSWORD;
  public static final String TOTP_SECRET = DemoSettings.TOTP_SECRET;

  private final DemoData data;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  DemoFixture(DemoData data, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.data = data;
    this.jdbc = jdbc;
  }

  /** A demo account as a signed-in user, for MockMvc's {@code authentication(…)}. */
  public org.springframework.security.core.Authentication as(String username) {
    long id =
        jdbc.sql("SELECT id FROM account WHERE username = ?")
            .param(username)
            .query(Long.class)
            .single();
    return org.springframework.security.authentication.UsernamePasswordAuthenticationToken
        .authenticated(
            new vn.truongso.platform.AuthenticatedUser(id, username, username, ""),
            null,
            java.util.List.of(
                new org.springframework.security.core.authority.SimpleGrantedAuthority(
                    "ROLE_USER")));
  }

  /** A page as a demo account sees it (200 expected), as text. */
  public static String page(
      org.springframework.test.web.servlet.MockMvc mvc,
      org.springframework.security.core.Authentication who,
      String path)
      throws Exception {
    return new String(
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.authentication(who)))
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  public synchronized void ensure() {
    if (!data.present()) {
      data.create();
    }
  }
}
