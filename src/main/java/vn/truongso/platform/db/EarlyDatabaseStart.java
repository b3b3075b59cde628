package vn.truongso.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;

/**
 * Starts the embedded PostgreSQL on its own thread as soon as the configuration is known, so that
 * the server's second of start-up overlaps the application context's scan instead of following it.
 * The data source bean then finds the server running ({@link EmbeddedDatabase#start} is one per
 * directory). A failure here is only logged: the bean starts the server again and reports it.
 */
public final class EarlyDatabaseStart
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  private static final Logger log = LoggerFactory.getLogger(EarlyDatabaseStart.class);

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
      return; // the build's ahead-of-time processing runs main() but must not start a server
    }
    DatabaseProperties props =
        Binder.get(event.getEnvironment())
            .bind("truongso.db", DatabaseProperties.class)
            .orElse(null);
    if (props == null || props.external() || props.dataDir() == null || props.dataDir().isBlank()) {
      return;
    }
    Thread.ofPlatform()
        .name("embedded-postgres-start")
        .daemon()
        .start(() -> startQuietly(props.dataDir()));
  }

  private static void startQuietly(String dataDir) {
    try {
      EmbeddedDatabase.start(dataDir);
    } catch (RuntimeException e) {
      log.debug("Early start of the embedded PostgreSQL failed; the data source will retry", e);
    }
  }
}
