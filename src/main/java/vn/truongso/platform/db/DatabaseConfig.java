package vn.truongso.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two connections to one database: the application's pool, logged in as a role that cannot rewrite
 * the audit log, and the schema owner's, used only by Flyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfig {

  @Bean
  Connections connections(DatabaseProperties props) {
    if (props.external()) {
      String owner = blank(props.ownerUser()) ? props.user() : props.ownerUser();
      String ownerPassword = blank(props.ownerUser()) ? props.password() : props.ownerPassword();
      return new Connections(
          props.url(), props.user(), props.password(), owner, ownerPassword, props.user());
    }
    EmbeddedPostgres pg = EmbeddedDatabase.start(props.dataDir());
    String url = EmbeddedDatabase.jdbcUrl(pg);
    DatabaseSecrets secrets = EmbeddedDatabase.secrets(props.dataDir());
    return new Connections(
        url,
        EmbeddedDatabase.APP_ROLE,
        secrets.appPassword(),
        EmbeddedDatabase.OWNER,
        secrets.ownerPassword(),
        EmbeddedDatabase.APP_ROLE);
  }

  @Bean
  @Primary
  DataSource dataSource(Connections c, DatabaseProperties props) {
    HikariDataSource ds = new HikariDataSource();
    ds.setPoolName("truongso");
    ds.setJdbcUrl(c.url());
    ds.setUsername(c.appUser());
    ds.setPassword(c.appPassword());
    ds.setMaximumPoolSize(props.poolSize() == null ? 20 : props.poolSize());
    ds.addDataSourceProperty("ApplicationName", "truongso");
    return ds;
  }

  @Bean
  @FlywayDataSource
  DataSource ownerDataSource(Connections c) {
    return new SimpleDriverDataSource(
        new org.postgresql.Driver(), c.url(), c.ownerUser(), c.ownerPassword());
  }

  @Bean
  FlywayConfigurationCustomizer appRolePlaceholder(Connections c) {
    return config -> config.placeholders(java.util.Map.of("app_role", c.appRole()));
  }

  /**
   * Migrations run on every start but the restore's: a restore builds the schema itself, only up to
   * the backup's version, and only in an empty database.
   */
  @Bean
  FlywayMigrationStrategy migrateUnlessRestoring(org.springframework.core.env.Environment env) {
    return flyway -> {
      if (!"restore".equals(env.getProperty("truongso.command"))) {
        flyway.migrate();
      }
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The resolved connection settings. */
  record Connections(
      String url,
      String appUser,
      String appPassword,
      String ownerUser,
      String ownerPassword,
      String appRole) {}
}
