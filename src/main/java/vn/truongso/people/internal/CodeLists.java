package vn.truongso.people.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.people.People.Code;

/**
 * Reads the official code lists a profile refers to: {@code ethnic_group} and {@code religion} (the
 * Ministry's lists, loaded by migrations) and {@code admin_ward} (the 2025 wards). Read only.
 */
@Component
class CodeLists {

  /** A code list; the SQL names only these constants. */
  enum CodeList {
    ETHNIC_GROUP("ethnic_group", "name"),
    RELIGION("religion", "name"),
    WARD("admin_ward", "full_name");

    private final String table;
    private final String nameColumn;

    CodeList(String table, String nameColumn) {
      this.table = table;
      this.nameColumn = nameColumn;
    }
  }

  private final JdbcClient jdbc;

  CodeLists(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Code> all(CodeList list) {
    return jdbc.sql("SELECT code, " + list.nameColumn + " FROM " + list.table + " ORDER BY code")
        .query((rs, n) -> new Code(rs.getString(1), rs.getString(2)))
        .list();
  }

  boolean known(CodeList list, String code) {
    return !jdbc.sql("SELECT 1 FROM " + list.table + " WHERE code = ?")
        .param(code)
        .query((rs, n) -> 1)
        .list()
        .isEmpty();
  }
}
