package vn.truongso.platform;

import java.util.List;
import javax.sql.DataSource;

/**
 * A secret kept outside the database that the data needs (the key that seals the TOTP secrets): a
 * passphrase-encrypted backup carries it, so that a restore on a new machine works end to end;
 * after a restore without it, its owner makes the data usable again and says what was reset.
 */
public interface BackupSecret {

  /** The secret's name inside a backup. */
  String name();

  byte[] current();

  /** A restore brought the secret back: use it from now on (and keep it for the next start). */
  void restored(byte[] bytes);

  /**
   * A restore without the secret, into {@code restored}: reset what cannot be opened any more;
   * returns what the operator must know (e.g. the accounts that must enrol two-factor sign-in).
   */
  List<String> lost(DataSource restored);
}
