package vn.truongso.people.internal;

import java.util.Collection;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which personal IDs and student codes are already taken, read from the {@code student} and {@code
 * staff} tables: the form's, the import's and the API's checks ask the same question of one column.
 * Owns no table; the unique indexes remain the last word.
 */
@Component
class UniqueKeys {

  // A moved student's old record keeps its IDs for the old school's books: only current ones count.
  private static final String CURRENT_STUDENT = " AND moved_to_student_id IS NULL";

  /** A column whose value one person holds at most; the SQL names only these constants. */
  enum Key {
    STUDENT_PERSONAL_ID("student", "personal_id", CURRENT_STUDENT),
    STUDENT_CODE("student", "student_code", CURRENT_STUDENT),
    STAFF_PERSONAL_ID("staff", "personal_id", "");

    private final String table;
    private final String column;
    private final String filter;

    Key(String table, String column, String filter) {
      this.table = table;
      this.column = column;
      this.filter = filter;
    }

    private String from() {
      return " FROM " + table + " WHERE " + column;
    }
  }

  private final JdbcClient jdbc;

  UniqueKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether anyone holds the value. */
  boolean taken(Key key, String value) {
    return exists("SELECT 1" + key.from() + " = ?" + key.filter + " LIMIT 1", value);
  }

  /** Whether anyone but the record being edited holds the value. */
  boolean takenByOther(Key key, String value, long schoolId, long id) {
    return exists(
        "SELECT 1"
            + key.from()
            + " = ?"
            + key.filter
            + " AND NOT (school_id = ? AND id = ?) LIMIT 1",
        value,
        schoolId,
        id);
  }

  /** Which of the values someone holds. */
  Set<String> inUse(Key key, Collection<String> values) {
    return Set.copyOf(
        jdbc.sql("SELECT " + key.column + key.from() + " = ANY(?)" + key.filter)
            .param(values.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  private boolean exists(String sql, Object... params) {
    return !jdbc.sql(sql).params(params).query((rs, n) -> 1).list().isEmpty();
  }
}
