package vn.truongso.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.channel.Channel;
import vn.truongso.messaging.internal.channel.Channel.Envelope;
import vn.truongso.messaging.internal.channel.Channel.Outcome;

/**
 * Sends what the outbox holds: takes the due deliveries a batch at a time (several workers skip
 * each other's), sends them on their channels a few at a time, and settles each: sent; tried again
 * after a growing wait (1, 2, 4 … minutes, up to two hours; a phone's never inside the quiet
 * hours); given up after {@link MessageRules#MAX_ATTEMPTS}; or dropped when its address is gone.
 */
@Component
public class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  /** Sends in flight at once: SMTP servers and push services refuse a crowd from one client. */
  static final int PARALLEL = 8;

  private final DeliveryStore store;
  private final Contents contents;
  private final Map<MessageRules.Channel, Channel> channels =
      new EnumMap<>(MessageRules.Channel.class);
  private final MessagingProperties properties;
  private final Clock clock;

  DeliveryWorker(
      DeliveryStore store,
      Contents contents,
      List<Channel> channels,
      MessagingProperties properties,
      Clock clock) {
    this.store = store;
    this.contents = contents;
    channels.forEach(c -> this.channels.put(c.kind(), c));
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "${truongso.messaging.worker-cron:*/5 * * * * *}", zone = "Asia/Ho_Chi_Minh")
  void scheduled() {
    try {
      drain();
    } catch (RuntimeException e) {
      log.warn("messaging: the delivery worker stopped on {}", e.toString());
    }
  }

  /** Sends everything due now; returns how many deliveries it tried. */
  public int drain() {
    int tried = 0;
    List<DeliveryStore.Due> due;
    while (!(due = store.take(properties.batch(), clock.instant())).isEmpty()) {
      send(due);
      tried += due.size();
    }
    return tried;
  }

  private void send(List<DeliveryStore.Due> batch) {
    Map<String, Contents.Content> cache = new HashMap<>();
    Semaphore slots = new Semaphore(PARALLEL);
    List<Future<?>> running = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (DeliveryStore.Due d : batch) {
        Contents.Content c = cache.computeIfAbsent(key(d), k -> contents.of(d));
        running.add(
            pool.submit(
                () -> {
                  slots.acquireUninterruptibly();
                  try {
                    settle(d, c);
                  } finally {
                    slots.release();
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("messaging: a delivery failed unexpectedly: {}", e.getCause().toString());
    }
  }

  private void settle(DeliveryStore.Due d, Contents.Content c) {
    Channel channel = channels.get(d.channel());
    Outcome outcome =
        c.gone()
            ? new Outcome.Gone("message withdrawn")
            : channel == null
                ? new Outcome.Retry("channel off")
                : channel.send(
                    new Envelope(
                        d.id(),
                        d.address(),
                        c.title(),
                        c.body(),
                        c.link(),
                        d.urgent(),
                        c.attachment()));
    Instant now = clock.instant();
    switch (outcome) {
      case Outcome.Sent s -> store.sent(d, now);
      case Outcome.Gone g -> store.end(d, "DROPPED", g.error());
      case Outcome.Failed f -> store.end(d, "FAILED", f.error());
      case Outcome.Retry r -> {
        if (d.attempts() >= MessageRules.MAX_ATTEMPTS) {
          store.end(d, "FAILED", r.error());
        } else {
          Instant next = now.plus(MessageRules.backOff(d.attempts()));
          if (!d.urgent() && d.channel() != MessageRules.Channel.EMAIL) {
            next =
                MessageRules.notBeforeQuietEnd(
                    next, Outbox.VIETNAM, properties.quietFrom(), properties.quietUntil());
          }
          store.retry(d, next, r.error());
        }
      }
    }
  }

  private static String key(DeliveryStore.Due d) {
    return d.schoolId() + (d.messageId() != null ? "/m" + d.messageId() : "/p" + d.postId());
  }
}
