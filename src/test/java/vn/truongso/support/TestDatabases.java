package vn.truongso.support;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** New, empty databases on the test server, for restores. */
public final class TestDatabases {

  private TestDatabases() {}

  /** Creates {@code name} as the embedded server's owner, with the collation TruongSo's uses. */
  public static DataSource create(DataSource owner, String name) throws Exception {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE "
              + name
              + " ENCODING 'UTF8' TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN'"
              + " LOCALE 'C.UTF-8'");
    }
    SimpleDriverDataSource base = (SimpleDriverDataSource) owner;
    return new SimpleDriverDataSource(
        new org.postgresql.Driver(),
        base.getUrl().replaceFirst("/truongso(?=$|\\?)", "/" + name),
        base.getUsername(),
        base.getPassword());
  }
}
