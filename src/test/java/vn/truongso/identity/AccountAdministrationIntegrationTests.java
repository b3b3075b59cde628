package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.truongso.org.School;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * Account administration through the pages, with bad input: missing CSRF tokens, script-laden
 * names, forged roles and another school's ids. Each gets a clear answer and changes nothing else.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountAdministrationIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired TestOrg testOrg;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  School school;
  School otherSchool;
  Authentication principal;
  long otherAccount;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    otherSchool = testOrg.school();
    TestAccounts.Created principalAccount =
        accounts.create(
            school, Role.PRINCIPAL, "Hiệu trưởng Kiểm thử", "Mat-Khau-Hieu-Truong", false);
    long id = principalAccount.id();
    String username = principalAccount.username();
    otherAccount =
        accounts
            .create(otherSchool, Role.CLERK, "Văn thư trường khác", "Mat-Khau-Van-Thu-1", false)
            .id();
    principal =
        UsernamePasswordAuthenticationToken.authenticated(
            new AuthenticatedUser(id, username, "Hiệu trưởng Kiểm thử", "PRINCIPAL"),
            null,
            List.of(new SimpleGrantedAuthority("ROLE_USER")));
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    int before = count();
    // No token (a form from a session that has expired): back to the login page, saying so.
    mvc.perform(
            post("/admin/accounts")
                .with(authentication(principal))
                .param("school", "" + school.id())
                .param("username", "khong-csrf")
                .param("displayName", "X")
                .param("role", "CLERK"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            result ->
                assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?expired"));
    // A forged token: refused.
    int forged =
        mvc.perform(
                post("/admin/accounts")
                    .with(authentication(principal))
                    .with(csrf().useInvalidToken())
                    .param("school", "" + school.id())
                    .param("username", "token-gia")
                    .param("displayName", "X")
                    .param("role", "CLERK"))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(forged).isIn(302, 403);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void createsAnAccountWithAOneTimePasswordAndAuditsIt() throws Exception {
    String username = TestOrg.unique("moi").toLowerCase();
    MvcResult result =
        mvc.perform(
                post("/admin/accounts")
                    .with(authentication(principal))
                    .with(csrf())
                    .param("school", "" + school.id())
                    .param("username", username)
                    .param("displayName", "<script>alert('x')</script> Nguyễn Văn An")
                    .param("role", "CLERK"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String location = result.getResponse().getRedirectedUrl();
    String page =
        mvc.perform(get(location).with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Nguyễn Văn An")
        .doesNotContain("<script>alert");
    // Shown once on the next page (a flash attribute), never stored in clear.
    assertThat((String) result.getFlashMap().get("oneTime")).matches("[A-Za-z2-9]{12}");
    Boolean mustChange =
        jdbc.sql("SELECT must_change_password FROM account WHERE username = ?")
            .param(username)
            .query(Boolean.class)
            .single();
    assertThat(mustChange).isTrue();
    assertThat(
            audit.find(
                new AuditLog.Query(
                    List.of(school.id()),
                    null,
                    "identity.account.create",
                    null,
                    null,
                    null,
                    10,
                    0)))
        .anyMatch(e -> e.after().contains(username) && e.actorRole().equals("PRINCIPAL"));
  }

  @Test
  void aForgedRoleOrAnotherSchoolIsRefused() throws Exception {
    int grantsBefore = grants();
    String page =
        mvc.perform(
                post("/admin/accounts")
                    .with(authentication(principal))
                    .with(csrf())
                    .param("school", "" + school.id())
                    .param("username", TestOrg.unique("x").toLowerCase())
                    .param("displayName", "Ai Đó")
                    .param("role", "SYSTEM_ADMIN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Vai trò này không giao được ở cấp trường.");

    mvc.perform(
            post("/admin/accounts")
                .with(authentication(principal))
                .with(csrf())
                .param("school", "" + otherSchool.id())
                .param("username", TestOrg.unique("y").toLowerCase())
                .param("displayName", "Ai Đó")
                .param("role", "CLERK"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/admin/accounts/" + otherAccount).with(authentication(principal)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/admin/accounts/" + otherAccount + "/password")
                .with(authentication(principal))
                .with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(grants()).isEqualTo(grantsBefore);
  }

  @Test
  void badInputGetsAVietnameseMessageNotAStackTrace() throws Exception {
    String page =
        mvc.perform(
                post("/admin/accounts")
                    .with(authentication(principal))
                    .with(csrf())
                    .param("school", "" + school.id())
                    .param("username", "a b")
                    .param("displayName", "x".repeat(5000))
                    .param("role", "CLERK"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Vui lòng nhập họ và tên (tối đa 120 ký tự).")
        .doesNotContain("Exception");
  }

  @Test
  void revokingARoleNeedsAReasonAndKeepsTheHistory() throws Exception {
    long account =
        accounts.create(school, Role.LIBRARIAN, "Giáo viên", "Mat-Khau-Giao-Vien", false).id();
    long assignment =
        jdbc.sql("SELECT id FROM role_assignment WHERE account_id = ?")
            .param(account)
            .query(Long.class)
            .single();

    String page =
        mvc.perform(
                post("/admin/roles/" + assignment + "/revoke")
                    .with(authentication(principal))
                    .with(csrf())
                    .param("account", "" + account)
                    .param("reason", " "))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Vui lòng ghi lý do thu hồi vai trò.");

    mvc.perform(
            post("/admin/roles/" + assignment + "/revoke")
                .with(authentication(principal))
                .with(csrf())
                .param("account", "" + account)
                .param("reason", "Chuyển công tác"))
        .andExpect(status().is3xxRedirection());
    String reason =
        jdbc.sql("SELECT revoke_reason FROM role_assignment WHERE id = ?")
            .param(assignment)
            .query(String.class)
            .single();
    assertThat(reason).isEqualTo("Chuyển công tác");
    assertThat(
            audit.find(
                new AuditLog.Query(
                    List.of(school.id()), null, "identity.role.revoke", null, null, null, 10, 0)))
        .anyMatch(e -> "Chuyển công tác".equals(e.reason()));
  }

  private int count() {
    return jdbc.sql("SELECT count(*) FROM account").query(Integer.class).single();
  }

  private int grants() {
    return jdbc.sql("SELECT count(*) FROM role_assignment").query(Integer.class).single();
  }
}
