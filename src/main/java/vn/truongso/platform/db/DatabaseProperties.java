package vn.truongso.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} TruongSo runs its own embedded PostgreSQL in {@code
 * dataDir}/postgres (or, with no data dir, a throw-away cluster for tests).
 *
 * @param url JDBC URL of an external PostgreSQL (TRUONGSO_DB_URL)
 * @param user the application's role there (TRUONGSO_DB_USER)
 * @param password its password (TRUONGSO_DB_PASSWORD)
 * @param ownerUser the schema owner that runs migrations, if different (TRUONGSO_DB_OWNER_USER)
 * @param ownerPassword its password (TRUONGSO_DB_OWNER_PASSWORD)
 * @param dataDir TRUONGSO_DATA_DIR; empty means a temporary cluster
 */
@ConfigurationProperties("truongso.db")
public record DatabaseProperties(
    String url,
    String user,
    String password,
    String ownerUser,
    String ownerPassword,
    String dataDir,
    Integer poolSize) {

  public boolean external() {
    return url != null && !url.isBlank();
  }
}
