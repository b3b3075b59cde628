package vn.truongso.reporting.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.truongso.gradebook.MarksChanged;

/**
 * Keeps the stored anomaly flags current: when the grade book reports changed marks (after its
 * transaction committed), the school year's flags are recomputed in the background. The event
 * publication registry holds each delivery until this listener has returned, so a refresh cut off
 * by a crash runs again at the next start; several changes seen by one refresh cost one.
 */
@Configuration(proxyBeanMethods = false)
class AnomalyRefresh {

  static final String EXECUTOR = "anomalyRefreshExecutor";

  private final AnomalyFlags flags;
  private final Anomalies anomalies;

  AnomalyRefresh(AnomalyFlags flags, Anomalies anomalies) {
    this.flags = flags;
    this.anomalies = anomalies;
  }

  // A transaction of its own: after the saver's commit, its transaction can no longer write.
  @Async(EXECUTOR)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  @TransactionalEventListener
  public void on(MarksChanged e) {
    // Read before anything else: a refresh that began after this moment saw the change.
    var begin = flags.databaseNow();
    flags.refreshUnlessSeen(e.schoolId(), e.startYear(), anomalies.thresholds(e.schoolId()), begin);
  }

  /**
   * Two threads for the whole server: refreshes of one school wait for each other anyway, and a
   * burst of saves must not take the cores the pages need. Tests run them in the saving thread,
   * right after its commit, so they read the result without waiting. Not a default candidate, so
   * Spring Boot's own task executor (which backs off before any other) stays.
   */
  @Bean(name = EXECUTOR, defaultCandidate = false)
  static TaskExecutor anomalyRefreshExecutor(
      @Value("${truongso.reporting.refresh-in-background:true}") boolean background) {
    if (!background) {
      return new SyncTaskExecutor();
    }
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setThreadNamePrefix("anomaly-refresh-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(20);
    return executor;
  }
}
