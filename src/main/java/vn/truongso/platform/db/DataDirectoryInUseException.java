package vn.truongso.platform.db;

/** The data directory is held by another running TruongSo (the server): stop it first. */
public class DataDirectoryInUseException extends IllegalStateException {

  private final String dataDir;

  public DataDirectoryInUseException(String dataDir, Throwable cause) {
    super("The data directory " + dataDir + " is in use by a running TruongSo server", cause);
    this.dataDir = dataDir;
  }

  public String dataDir() {
    return dataDir;
  }
}
