package vn.truongso.platform;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An open endpoint's limit: at most {@code limit} requests a minute from one address (a fixed
 * one-minute window, kept in memory). Enough for a person or a school's system using it, not for
 * knocking the server over. Each endpoint keeps its own.
 */
public final class RequestsPerMinute {

  private final Clock clock;
  private final int limit;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  public RequestsPerMinute(Clock clock, int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  /** Counts the request; false when the address is over its limit for this minute. */
  public boolean allow(String address) {
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
