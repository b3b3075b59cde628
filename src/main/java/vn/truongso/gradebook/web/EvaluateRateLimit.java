package vn.truongso.gradebook.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open evaluation endpoint takes at most {@code limit} requests a minute from one address (a
 * fixed one-minute window, kept in memory): enough for a school's system checking its figures, not
 * for knocking the server over.
 */
@Component
class EvaluateRateLimit {

  private final Clock clock;
  private final int limit;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  EvaluateRateLimit(Clock clock, @Value("${truongso.evaluate.per-minute:120}") int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  /** Counts the request; false when the address is over its limit for this minute. */
  boolean allow(String address) {
    long minute = clock.millis() / 60_000;
    if (windows.size() > 10_000) {
      windows.values().removeIf(w -> w.minute() != minute);
    }
    Window w =
        windows.compute(
            address,
            (k, old) ->
                old == null || old.minute() != minute
                    ? new Window(minute, 1)
                    : new Window(minute, old.count() + 1));
    return w.count() <= limit;
  }

  private record Window(long minute, int count) {}
}
