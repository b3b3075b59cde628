package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.records.signing.SignatureCheck;
import vn.truongso.support.Browsers;

/**
 * A newcomer can sign in the demo as README.md says: last year's 9A1 at THCS Đông Hải has its year
 * approved, the homeroom teacher (thcs.gvcn) finds it on the home page, opens its học bạ from the
 * class book and signs the class with the demo PIN in the browser; the principal seals it with the
 * school's demo seal (posted as the page does: the principal's two-factor login is another test's
 * subject), and the records carry both signatures intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DemoSigningPageTests {

  @LocalServerPort int port;
  @Autowired DemoFixture demo;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired SignatureCheck check;

  @Test
  void theHomeroomTeacherSignsLastYearsClassAndThePrincipalSealsIt() throws Exception {
    demo.ensure();
    long school =
        jdbc.sql("SELECT id FROM school WHERE name = ?")
            .param("Trường THCS Đông Hải")
            .query(Long.class)
            .single();
    long lastYear =
        jdbc.sql("SELECT id FROM school_class WHERE school_id = ? AND start_year = ? AND name = ?")
            .params(school, LastYearDemo.YEAR, LastYearDemo.CLASS_NAME)
            .query(Long.class)
            .single();
    Authentication teacher = signedIn("thcs.gvcn");
    Authentication principal = signedIn("thcs.hieutruong");
    String base = "/schools/" + school + "/classes/" + lastYear + "/hocba";

    try (BrowserContext context =
        Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
      Page page = context.newPage();
      page.navigate("http://localhost:" + port + "/login");
      page.getByLabel("Tên đăng nhập").fill("thcs.gvcn");
      page.getByLabel("Mật khẩu").fill(DemoFixture.PASSWORD);
      page.locator("form button[type=submit]").click();
      page.locator("#homeroom-classes a", new Page.LocatorOptions().setHasText("2025–2026"))
          .click();
      page.locator("#class-book-link").click();
      page.locator("#hocba-link").click();
      page.locator("#sign-pin").fill(DemoSettings.SIGNING_PIN);
      page.locator("#sign").click();
      PlaywrightAssertions.assertThat(page.locator("#batch")).containsText("Đã ký 12 học bạ.");
    }
    step(base + "/seal", principal, certificate(school, "SEAL", "thcs.hieutruong"));

    assertThat(
            jdbc.sql("SELECT count(*) FROM hocba_seal WHERE school_id = ?")
                .param(school)
                .query(Integer.class)
                .single())
        .isEqualTo(12);
    long student =
        jdbc.sql("SELECT min(student_id) FROM enrolment WHERE school_id = ? AND class_id = ?")
            .params(school, lastYear)
            .query(Long.class)
            .single();
    byte[] pdf =
        mvc.perform(get(base + "/" + student + ".pdf").with(authentication(teacher)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<SignatureCheck.Found> found = check.check(pdf, List.of());
    assertThat(found).hasSize(2).noneMatch(SignatureCheck.Found::broken);
    assertThat(found.get(1).signedBy()).isEqualTo("Trường THCS Đông Hải");
  }

  private void step(String path, Authentication who, long certificate) throws Exception {
    mvc.perform(
            post(path)
                .param("certificate", String.valueOf(certificate))
                .param("pin", DemoSettings.SIGNING_PIN)
                .with(csrf())
                .with(authentication(who)))
        .andExpect(status().is3xxRedirection());
  }

  private long certificate(long school, String purpose, String username) {
    return jdbc.sql(
            """
            SELECT c.id FROM signing_certificate c, account a
            WHERE c.school_id = ? AND c.purpose = ? AND a.username = ?
              AND coalesce(c.account_id, c.registered_by) = a.id
            """)
        .params(school, purpose, username)
        .query(Long.class)
        .single();
  }

  private Authentication signedIn(String username) {
    return jdbc.sql("SELECT id, display_name FROM account WHERE username = ?")
        .param(username)
        .query(
            (rs, n) ->
                UsernamePasswordAuthenticationToken.authenticated(
                    new AuthenticatedUser(rs.getLong(1), username, rs.getString(2), ""),
                    null,
                    List.of(new SimpleGrantedAuthority("ROLE_USER"))))
        .single();
  }
}
