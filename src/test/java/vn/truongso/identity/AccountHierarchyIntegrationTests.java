package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.internal.AccountAdmin;
import vn.truongso.org.OrgUnit;
import vn.truongso.org.School;
import vn.truongso.platform.UserInputException;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * The attacks on account administration, each refused: the data administrator granting itself the
 * principal's role or the export permission, resetting the principal's password, disabling the
 * principal or taking the principal's role away. The ward office may manage the principal.
 */
@SpringBootTest
class AccountHierarchyIntegrationTests {

  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired AccountAdmin admin;
  @Autowired JdbcClient jdbc;

  School school;
  OrgUnit ward;
  TestAccounts.Created principal;
  TestAccounts.Created dataAdmin;
  TestAccounts.Created teacher;

  @BeforeEach
  void setUp() {
    ward = testOrg.wardOffice(testOrg.province(), "11411");
    school = testOrg.school(ward, "Trường THCS " + TestOrg.unique("Thứ bậc"));
    principal = accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-Mk-1", false);
    dataAdmin = accounts.create(school, Role.DATA_ADMIN, "Quản trị", "Quan-Tri-Mk-1", false);
    teacher = accounts.create(school, Role.CLERK, "Văn thư", "Van-Thu-Mk-1", false);
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theDataAdministratorCannotGrantItselfOrOthersALeadersRole() {
    signIn(dataAdmin);
    refused(
        () -> admin.assignRole(dataAdmin.id(), Role.PRINCIPAL, school.id(), Scope.none()),
        "role.notToYourself");
    refused(
        () -> admin.assignRole(dataAdmin.id(), Role.DATA_EXPORTER, school.id(), Scope.none()),
        "role.notToYourself");
    refused(
        () -> admin.assignRole(teacher.id(), Role.PRINCIPAL, school.id(), Scope.none()),
        "role.notYoursToGrant");
    refused(
        () -> admin.assignRole(teacher.id(), Role.DATA_EXPORTER, school.id(), Scope.none()),
        "role.notYoursToGrant");
    refused(
        () -> admin.create(school.id(), TestOrg.unique("pho"), "Phó", Role.VICE_PRINCIPAL, null),
        "role.notYoursToGrant");
    assertThat(activeRoles(dataAdmin.id())).containsExactly("DATA_ADMIN");
    // Within its reach it still works.
    admin.assignRole(teacher.id(), Role.LIBRARIAN, school.id(), Scope.none());
    assertThat(activeRoles(teacher.id())).contains("LIBRARIAN");
  }

  @Test
  void theDataAdministratorCannotActOnThePrincipalsAccount() {
    String hashBefore = passwordHash(principal.id());
    signIn(dataAdmin);
    refused(() -> admin.resetPassword(principal.id(), "quên mật khẩu"), "account.aboveYourRole");
    refused(() -> admin.setEnabled(principal.id(), false, "nghỉ"), "account.aboveYourRole");
    long principalRole = roleId(principal.id(), "PRINCIPAL");
    refused(() -> admin.revokeRole(principalRole, "thôi"), "role.notYoursToGrant");
    assertThat(passwordHash(principal.id())).isEqualTo(hashBefore);
    assertThat(activeRoles(principal.id())).containsExactly("PRINCIPAL");
    assertThat(enabled(principal.id())).isTrue();
    // And not another data administrator either (equal rank).
    TestAccounts.Created second =
        accounts.create(school, Role.DATA_ADMIN, "Quản trị 2", "Quan-Tri-Mk-2", false);
    refused(() -> admin.resetPassword(second.id(), null), "account.aboveYourRole");
  }

  @Test
  void thePrincipalGrantsBelowButNeverToThemself() {
    signIn(principal);
    refused(
        () -> admin.assignRole(principal.id(), Role.DATA_EXPORTER, school.id(), Scope.none()),
        "role.notToYourself");
    refused(
        () -> admin.assignRole(teacher.id(), Role.PRINCIPAL, school.id(), Scope.none()),
        "role.notYoursToGrant");
    admin.assignRole(teacher.id(), Role.DATA_EXPORTER, school.id(), Scope.none());
    assertThat(admin.resetPassword(dataAdmin.id(), "quên")).isNotBlank();
    // The principal may reset their own password (the level-above rule's one exception).
    assertThat(admin.resetPassword(principal.id(), "tự đặt lại")).isNotBlank();
  }

  @Test
  void theWardOfficeManagesThePrincipalsAccount() {
    TestAccounts.Created officer = wardOfficer();
    signIn(officer);
    assertThat(admin.resetPassword(principal.id(), "hiệu trưởng quên mật khẩu")).isNotBlank();
    admin.setEnabled(principal.id(), false, "nghỉ hưu");
    assertThat(enabled(principal.id())).isFalse();
    // It appoints principals but does not administer the school's staff.
    refused(() -> admin.resetPassword(teacher.id(), null), "account.aboveYourRole");
  }

  private TestAccounts.Created wardOfficer() {
    return accounts.officer(ward, Role.DISTRICT_OFFICER, "Chuyên viên phường");
  }

  private void signIn(TestAccounts.Created a) {
    SecurityContextHolder.getContext().setAuthentication(a.signedIn());
  }

  private static void refused(Runnable action, String key) {
    assertThatThrownBy(action::run)
        .isInstanceOf(UserInputException.class)
        .extracting(e -> ((UserInputException) e).messageKey())
        .isEqualTo(key);
  }

  private List<String> activeRoles(long account) {
    return jdbc.sql(
            "SELECT role FROM role_assignment WHERE account_id = ? AND revoked_at IS NULL ORDER BY role")
        .param(account)
        .query(String.class)
        .list();
  }

  private long roleId(long account, String role) {
    return jdbc.sql("SELECT id FROM role_assignment WHERE account_id = ? AND role = ?")
        .params(account, role)
        .query(Long.class)
        .single();
  }

  private String passwordHash(long account) {
    return jdbc.sql("SELECT password_hash FROM account WHERE id = ?")
        .param(account)
        .query(String.class)
        .single();
  }

  private boolean enabled(long account) {
    return jdbc.sql("SELECT enabled FROM account WHERE id = ?")
        .param(account)
        .query(Boolean.class)
        .single();
  }
}
