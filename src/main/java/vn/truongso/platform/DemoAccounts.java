package vn.truongso.platform;

import java.util.List;
import java.util.Optional;

/**
 * The demo accounts, published by the demo module only while demo mode is on, so that the login
 * page can list them and show the demo two-factor code.
 */
public interface DemoAccounts {

  boolean enabled();

  List<DemoAccount> accounts();

  /** The shared TOTP secret of demo accounts that must use two-factor login. */
  Optional<String> totpSecretFor(String username);

  /**
   * The PIN of the demo's signing certificates (issued by a demo certificate authority), when the
   * demo has them.
   */
  default Optional<String> signingPin() {
    return Optional.empty();
  }

  record DemoAccount(String username, String password, String roleKey, String schoolName) {}
}
