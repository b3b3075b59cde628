package vn.truongso.platform.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.truongso.platform.AuditLog.Broken;
import vn.truongso.platform.AuditLog.Entry;
import vn.truongso.platform.audit.AuditCheckpoints.Checkpoint;
import vn.truongso.platform.audit.JdbcAuditLog.ChainHash;
import vn.truongso.platform.audit.JdbcAuditLog.Head;

/**
 * Walks one chain in order and remembers the first entry that does not fit: a gap, a hash that does
 * not cover its predecessor or its content, a head that disagrees, or a checkpoint kept outside the
 * database that the chain no longer matches (rewritten and re-hashed) or goes past (cut short).
 */
final class ChainCheck {
  private final long chain;
  private final Map<Long, Checkpoint> anchors = new HashMap<>();
  private long expectedSeq = 1;
  private String prevHash = JdbcAuditLog.GENESIS;
  private long count;
  private Optional<Broken> broken = Optional.empty();

  ChainCheck(long chain, List<Checkpoint> checkpoints) {
    this.chain = chain;
    checkpoints.forEach(c -> anchors.put(c.seq(), c));
  }

  void accept(Entry e, String storedPrev, String storedHash) {
    count++;
    if (broken.isPresent()) {
      return;
    }
    if (e.seq() != expectedSeq) {
      broken = Optional.of(new Broken(chain, expectedSeq, "missing entry"));
    } else if (!prevHash.equals(storedPrev)) {
      broken = Optional.of(new Broken(chain, e.seq(), "previous hash does not match"));
    } else if (!ChainHash.of(prevHash, e).equals(storedHash)) {
      broken = Optional.of(new Broken(chain, e.seq(), "content does not match its hash"));
    } else if (anchors.containsKey(e.seq()) && !anchors.get(e.seq()).hash().equals(storedHash)) {
      broken =
          Optional.of(
              new Broken(
                  chain,
                  e.seq(),
                  "differs from the checkpoint of "
                      + when(anchors.get(e.seq()))
                      + ": the history up to this entry was rewritten"));
    }
    prevHash = storedHash;
    expectedSeq = e.seq() + 1;
  }

  void compareHead(Optional<Head> head) {
    long last = expectedSeq - 1;
    long anchored = anchors.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    if (anchored > last) {
      broken =
          Optional.of(
              new Broken(
                  chain,
                  last + 1,
                  "the checkpoint of "
                      + when(anchors.get(anchored))
                      + " saw entry "
                      + anchored
                      + ": the newest entries were removed"));
      return;
    }
    if (head.isEmpty() && last > 0) {
      broken = Optional.of(new Broken(chain, last, "the chain's head row is missing"));
      return;
    }
    if (head.isPresent()
        && (head.get().seq() != last || (last > 0 && !head.get().hash().equals(prevHash)))) {
      broken = Optional.of(new Broken(chain, last + 1, "entries after this one are missing"));
    }
  }

  long count() {
    return count;
  }

  Optional<Broken> broken() {
    return broken;
  }

  private static String when(Checkpoint c) {
    return Instant.ofEpochSecond(c.epochSecond()).toString();
  }
}
