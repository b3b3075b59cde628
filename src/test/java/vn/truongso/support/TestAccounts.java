package vn.truongso.support;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.org.School;

/** Creates an account with one school-wide role, with a unique username, in its own transaction. */
@Component
public class TestAccounts {

  private final Provisioning provisioning;
  private final TransactionTemplate tx;

  public TestAccounts(Provisioning provisioning, TransactionTemplate tx) {
    this.provisioning = provisioning;
    this.tx = tx;
  }

  public Created create(
      School school, Role role, String displayName, String password, boolean mustChange) {
    String username = TestOrg.unique(role.name().toLowerCase().replace('_', '.'));
    long id =
        tx.execute(
            s -> {
              long a =
                  provisioning.createAccount(
                      username, displayName, password, school.id(), mustChange);
              provisioning.grant(a, role, school.id(), Scope.school(school.id()));
              return a;
            });
    return new Created(id, username);
  }

  /** A guardian's account holding one student of the school ({@code phuhuynh…}). */
  public Created guardian(School school, long student, String displayName, String password) {
    String username = TestOrg.unique("phuhuynh");
    long id =
        tx.execute(
            s -> {
              long a =
                  provisioning.createAccount(username, displayName, password, school.id(), false);
              provisioning.grant(
                  a, Role.GUARDIAN, school.id(), new Scope(school.id(), null, null, null, student));
              return a;
            });
    return new Created(id, username);
  }

  /** An account with an organisation-wide role (a ward or provincial officer) on the unit. */
  public Created officer(vn.truongso.org.OrgUnit unit, Role role, String displayName) {
    String username = TestOrg.unique(role.name().toLowerCase().replace('_', '.'));
    long id =
        tx.execute(
            s -> {
              long a =
                  provisioning.createAccount(username, displayName, "Can-Bo-Mk-2026", null, false);
              provisioning.grant(a, role, unit.id(), Scope.none());
              return a;
            });
    return new Created(id, username);
  }

  public record Created(long id, String username) {
    /** This account as a signed-in user, for MockMvc's {@code authentication(…)}. */
    public org.springframework.security.core.Authentication signedIn() {
      return org.springframework.security.authentication.UsernamePasswordAuthenticationToken
          .authenticated(
              new vn.truongso.platform.AuthenticatedUser(id, username, username, ""),
              null,
              java.util.List.of(
                  new org.springframework.security.core.authority.SimpleGrantedAuthority(
                      "ROLE_USER")));
    }
  }
}
