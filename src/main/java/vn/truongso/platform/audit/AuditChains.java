package vn.truongso.platform.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;

/**
 * The audit log of a database other than the application's own: a restore checks and extends the
 * chains of the database it has just filled, before any application connects to it.
 */
public final class AuditChains {

  private final JdbcAuditLog log;
  private final TransactionTemplate tx;

  public AuditChains(DataSource database, Clock clock) {
    this.log = new JdbcAuditLog(JdbcClient.create(database), clock);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(database));
  }

  public AuditLog.Verification verify() {
    return verify(null);
  }

  /** One school's chain ({@code 0}: the system's), or with null every chain. */
  public AuditLog.Verification verify(Long schoolId) {
    return tx.execute(s -> log.verify(schoolId));
  }

  public void record(AuditEvent event) {
    tx.executeWithoutResult(s -> log.record(event));
  }
}
