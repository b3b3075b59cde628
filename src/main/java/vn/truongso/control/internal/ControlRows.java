package vn.truongso.control.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Owns the school year's {@code entry_control} row, the one point on which saves (share lock) and
 * changes of what is open — a lock, a lift, the seal — (exclusive lock) wait for each other.
 */
@Component
class ControlRows {

  private final JdbcClient jdbc;
  private final TransactionTemplate separately;

  ControlRows(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Creates the row on its own (so saves can wait on it), then takes it in the caller's. */
  void exclusive(long schoolId, int startYear) {
    separately.executeWithoutResult(
        s ->
            jdbc.sql(
                    "INSERT INTO entry_control (school_id, start_year) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(schoolId, startYear)
                .update());
    jdbc.sql("SELECT 1 FROM entry_control WHERE school_id = ? AND start_year = ? FOR UPDATE")
        .params(schoolId, startYear)
        .query(Integer.class)
        .single();
  }

  /**
   * Share-locks the row in the caller's transaction (a save's), creating it when this is the year's
   * first save.
   */
  void share(long schoolId, int startYear) {
    boolean exists =
        jdbc.sql("SELECT 1 FROM entry_control WHERE school_id = ? AND start_year = ? FOR SHARE")
            .params(schoolId, startYear)
            .query(Integer.class)
            .optional()
            .isPresent();
    if (!exists) {
      // Inserted in the save's own transaction: a lock being set meanwhile waits on this row.
      jdbc.sql(
              "INSERT INTO entry_control (school_id, start_year) VALUES (?, ?)"
                  + " ON CONFLICT DO NOTHING")
          .params(schoolId, startYear)
          .update();
      jdbc.sql("SELECT 1 FROM entry_control WHERE school_id = ? AND start_year = ? FOR SHARE")
          .params(schoolId, startYear)
          .query(Integer.class)
          .single();
    }
  }
}
