package vn.truongso.support;

import java.util.concurrent.CountDownLatch;
import vn.truongso.platform.db.EmbeddedDatabase;

/**
 * A TruongSo stand-in for crash tests, run as its own JVM: starts the embedded PostgreSQL on the
 * data directory given, says "ready", and waits to be killed.
 */
public final class EmbeddedServerProcess {

  private EmbeddedServerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedDatabase.start(args[0]);
    System.out.println("ready");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
