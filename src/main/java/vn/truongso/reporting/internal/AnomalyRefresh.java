package vn.truongso.reporting.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.gradebook.MarksChanged;

/**
 * Keeps the stored anomaly flags current: when the grade book reports changed marks (after its
 * transaction committed), the school year's flags are recomputed in the background. The event
 * publication registry holds each delivery until this listener has returned, so a refresh cut off
 * by a crash runs again at the next start; several changes seen by one refresh cost one.
 *
 * <p>A school year is refreshed at most once per {@code truongso.reporting.refresh-min-interval}: a
 * refresh costs the whole year's computation (half a second or more), and a thousand teachers
 * typing at once would otherwise keep both refresh threads busy for good and starve the saves
 * (docs/PERFORMANCE.md, the 2026-12-03 load run). A change inside the interval is seen by one
 * refresh scheduled at its end. Flags are hints to the leaders, so a refresh lost with the server
 * in that interval waits for the school's next change.
 */
@Configuration(proxyBeanMethods = false)
class AnomalyRefresh {

  static final String EXECUTOR = "anomalyRefreshExecutor";

  private final AnomalyFlags flags;
  private final Anomalies anomalies;
  private final TransactionTemplate tx;
  private final long intervalNanos;
  private final Map<String, Long> lastStarted = new ConcurrentHashMap<>();
  private final Map<String, Boolean> scheduled = new ConcurrentHashMap<>();
  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("anomaly-refresh-later").daemon().factory());

  AnomalyRefresh(
      AnomalyFlags flags,
      Anomalies anomalies,
      TransactionTemplate tx,
      @Value("${truongso.reporting.refresh-min-interval:30s}") Duration interval) {
    this.flags = flags;
    this.anomalies = anomalies;
    this.tx = tx;
    this.intervalNanos = interval.toNanos();
  }

  // A transaction of its own: after the saver's commit, its transaction can no longer write.
  @Async(EXECUTOR)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  @TransactionalEventListener
  public void on(MarksChanged e) {
    String key = e.schoolId() + "/" + e.startYear();
    if (intervalNanos > 0) {
      long now = System.nanoTime();
      Long last = lastStarted.get(key);
      if (last != null && now - last < intervalNanos) {
        if (scheduled.putIfAbsent(key, Boolean.TRUE) == null) {
          later.schedule(
              () -> {
                scheduled.remove(key);
                lastStarted.put(key, System.nanoTime());
                tx.executeWithoutResult(s -> refresh(e));
              },
              intervalNanos - (now - last),
              TimeUnit.NANOSECONDS);
        }
        return;
      }
      lastStarted.put(key, now);
    }
    refresh(e);
  }

  private void refresh(MarksChanged e) {
    // Read before anything else: a refresh that began after this moment saw the change.
    var begin = flags.databaseNow();
    flags.refreshUnlessSeen(e.schoolId(), e.startYear(), anomalies.thresholds(e.schoolId()), begin);
  }

  @PreDestroy
  void stop() {
    later.shutdownNow();
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
