package vn.truongso.platform.backup;

/**
 * A backup or restore that could not be done, with the message key that says why in words a data
 * administrator can act on; nothing was changed when it is thrown.
 */
public class BackupException extends RuntimeException {

  private final String key;
  private final transient Object[] args;

  public BackupException(String key, Object... args) {
    super(key);
    this.key = key;
    this.args = args;
  }

  public BackupException(Throwable cause, String key, Object... args) {
    super(key, cause);
    this.key = key;
    this.args = args;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }
}
