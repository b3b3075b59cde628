package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.truongso.gradebook.MarksChanged;

/**
 * Publishes {@link MarksChanged} for every class × subject × term whose cells a transaction writes,
 * once per transaction however many cells it writes (a file of a thousand marks is one event per
 * column group, not a thousand).
 */
@Component
class MarkEvents {

  private static final String PUBLISHED = MarkEvents.class.getName() + ".published";

  private final ApplicationEventPublisher events;
  private final JdbcClient jdbc;
  private final Clock clock;

  MarkEvents(ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
    this.events = events;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void changed(ScoreCells.Key k) {
    Set<String> published = publishedInThisTransaction();
    String group = k.schoolId() + "/" + k.classId() + "/" + k.subjectCode() + "/" + k.term();
    if (published != null && !published.add(group)) {
      return;
    }
    int startYear =
        jdbc.sql("SELECT start_year FROM school_class WHERE school_id = ? AND id = ?")
            .params(k.schoolId(), k.classId())
            .query(Integer.class)
            .single();
    events.publishEvent(
        new MarksChanged(
            k.schoolId(), startYear, k.classId(), k.subjectCode(), k.term(), clock.instant()));
  }

  @SuppressWarnings("unchecked")
  private static Set<String> publishedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Set<String> set = (Set<String>) TransactionSynchronizationManager.getResource(PUBLISHED);
    if (set == null) {
      set = new HashSet<>();
      TransactionSynchronizationManager.bindResource(PUBLISHED, set);
      TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PUBLISHED);
            }
          });
    }
    return set;
  }
}
