package vn.truongso.platform.audit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, and when TruongSo stops, each chain whose head moved since its last checkpoint is
 * anchored, so that a quiet school's newest entries are covered too, not only every N-th.
 */
@Component
class CheckpointSchedule {

  private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final AuditCheckpoints checkpoints;

  CheckpointSchedule(JdbcClient jdbc, AuditCheckpoints checkpoints) {
    this.jdbc = jdbc;
    this.checkpoints = checkpoints;
  }

  @Scheduled(cron = "${truongso.audit.checkpoint-cron:0 0 * * * *}", zone = "Asia/Ho_Chi_Minh")
  void hourly() {
    anchorHeads();
  }

  /**
   * The database may already be gone at shutdown (an external server stopped first, a killed one):
   * the pool would then hold the stop for its 30-second connection timeout, so the anchor gets a
   * few seconds and is given up after them; the hourly anchor stands.
   */
  @EventListener(ContextClosedEvent.class)
  void onStop() {
    FutureTask<Void> anchor = new FutureTask<>(this::anchorHeads, null);
    Thread.ofVirtual().name("audit-checkpoint-at-stop").start(anchor);
    try {
      anchor.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      anchor.cancel(true);
      log.warn("No audit checkpoint at shutdown: the database did not answer ({})", e.toString());
    } catch (InterruptedException e) {
      anchor.cancel(true);
      Thread.currentThread().interrupt();
    }
  }

  void anchorHeads() {
    jdbc.sql("SELECT school_id, last_seq, last_hash FROM audit_chain_head WHERE last_seq > 0")
        .query(
            rs -> {
              checkpoints.anchorIfMoved(rs.getLong(1), rs.getLong(2), rs.getString(3));
            });
  }
}
