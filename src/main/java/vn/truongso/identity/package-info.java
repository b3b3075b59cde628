/**
 * Identity and access: accounts, Argon2id passwords and their policy, lockout, two-factor login
 * (TOTP), scoped role assignments, sessions and API tokens. Implements the platform's one
 * authorisation port.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity and access",
    allowedDependencies = {"platform", "org", "people"})
package vn.truongso.identity;
