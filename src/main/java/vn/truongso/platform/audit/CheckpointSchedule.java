package vn.truongso.platform.audit;

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

  @EventListener(ContextClosedEvent.class)
  void onStop() {
    try {
      anchorHeads();
    } catch (RuntimeException e) {
      // The database may already be gone at shutdown; the hourly anchor stands.
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
