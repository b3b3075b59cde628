package vn.truongso.support;

import java.sql.Connection;
import java.sql.SQLException;
import vn.truongso.platform.db.EmbeddedDatabase;

/**
 * A connection as the schema owner to the tests' embedded database: for tests that play an attacker
 * with direct database access.
 */
public final class OwnerDatabase {

  private OwnerDatabase() {}

  public static Connection connect() throws SQLException {
    return EmbeddedDatabase.start("")
        .getDatabase(EmbeddedDatabase.OWNER, EmbeddedDatabase.DATABASE)
        .getConnection();
  }
}
