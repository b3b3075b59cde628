package vn.truongso.reporting.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.gradebook.MarksChanged;

/**
 * A school year's anomaly flags are recomputed at most once per interval however many marks change
 * (a thousand teachers typing at once must not keep the refresh threads busy for good); another
 * school is not held back; with no interval every change refreshes at once (the tests' setting).
 */
class AnomalyRefreshThrottleTests {

  private final AnomalyFlags flags = mock(AnomalyFlags.class);
  private final Anomalies anomalies = mock(Anomalies.class);

  AnomalyRefreshThrottleTests() {
    when(flags.databaseNow()).thenReturn(Instant.parse("2026-12-01T02:00:00Z"));
  }

  @Test
  void changesInsideTheIntervalWaitForOneLaterRefresh() {
    AnomalyRefresh refresh =
        new AnomalyRefresh(flags, anomalies, mock(TransactionTemplate.class), Duration.ofHours(1));
    try {
      refresh.on(change(1));
      refresh.on(change(1));
      refresh.on(change(1));
      refresh.on(change(2));
      // one refresh now for each school; the later changes of school 1 wait for the scheduled one
      verify(flags, times(1))
          .refreshUnlessSeen(org.mockito.ArgumentMatchers.eq(1L), anyInt(), any(), any());
      verify(flags, times(1))
          .refreshUnlessSeen(org.mockito.ArgumentMatchers.eq(2L), anyInt(), any(), any());
    } finally {
      refresh.stop();
    }
  }

  @Test
  void withoutAnIntervalEveryChangeRefreshes() {
    AnomalyRefresh refresh =
        new AnomalyRefresh(flags, anomalies, mock(TransactionTemplate.class), Duration.ZERO);
    try {
      refresh.on(change(1));
      refresh.on(change(1));
      verify(flags, times(2)).refreshUnlessSeen(anyLong(), anyInt(), any(), any());
    } finally {
      refresh.stop();
    }
  }

  private static MarksChanged change(long school) {
    return new MarksChanged(school, 2026, 10, "toan", 1, Instant.parse("2026-12-01T02:00:00Z"));
  }
}
