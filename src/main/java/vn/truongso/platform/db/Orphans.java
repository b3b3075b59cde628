package vn.truongso.platform.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After TruongSo was killed (kill -9, a crash), its PostgreSQL lives on holding the data directory,
 * and the next start would fail on "postmaster.pid already exists". Before starting, a server for
 * this directory is stopped cleanly (SIGINT, PostgreSQL's fast shutdown) when it is ours and
 * orphaned: its postmaster.pid names this directory, its program is a PostgreSQL server, and no
 * live TruongSo holds the directory's lock file (which zonky's process holds while it runs). A
 * server of another program, or one whose TruongSo is alive, is never touched.
 */
final class Orphans {

  private static final Logger log = LoggerFactory.getLogger(Orphans.class);
  static final String LOCK_FILE = "epg-lock";

  private Orphans() {}

  static void stopOrphanedServer(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    if (process.isEmpty() || !process.get().isAlive()) {
      return; // a stale file: PostgreSQL itself removes it
    }
    ProcessHandle p = process.get();
    String program = p.info().command().orElse("");
    if (!program.endsWith("/postgres")
        || !Path.of(lines.get(1).strip()).toAbsolutePath().equals(pgDir.toAbsolutePath())) {
      return; // not a PostgreSQL of this directory: leave it, PostgreSQL will say what is wrong
    }
    if (heldByALiveTruongSo(pgDir)) {
      throw new DataDirectoryInUseException(pgDir.getParent().toString(), null);
    }
    log.warn("Stopping the PostgreSQL server (pid {}) left behind by a crashed TruongSo", p.pid());
    try {
      // SIGINT is PostgreSQL's "fast shutdown": clients (dead with their TruongSo) are cut off,
      // every committed transaction is on disk, the next start needs no recovery.
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(30, TimeUnit.SECONDS);
      p.onExit().get(120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("The orphaned PostgreSQL (pid " + p.pid() + ") did not stop", e);
    }
  }

  /** The process that started the server holds an exclusive lock on the file while it lives. */
  private static boolean heldByALiveTruongSo(Path pgDir) throws IOException {
    Path lockFile = pgDir.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (RandomAccessFile f = new RandomAccessFile(lockFile.toFile(), "rw");
        FileChannel channel = f.getChannel()) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return true; // this JVM holds it
    }
  }
}
