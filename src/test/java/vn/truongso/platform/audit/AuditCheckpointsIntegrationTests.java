package vn.truongso.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.org.School;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.support.OwnerDatabase;
import vn.truongso.support.TestOrg;

/**
 * The database owner rewrites an entry and recomputes every later hash and the head, or cuts the
 * newest entries: the chain alone still looks intact, the checkpoints kept outside the database
 * (HMAC with a key that is not in it) show the rewrite and the cut.
 */
@SpringBootTest
class AuditCheckpointsIntegrationTests {

  @Autowired AuditLog audit;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired CheckpointSchedule schedule;
  @Autowired TransactionTemplate tx;
  @Autowired TestOrg testOrg;

  @Test
  void aRewrittenAndReHashedHistoryDisagreesWithItsCheckpoint() throws Exception {
    School school = schoolWithEntries(3);
    schedule.anchorHeads();
    assertThat(audit.verify(school.id()).intact()).isTrue();

    long last = lastSeq(school.id());
    rewriteFrom(school.id(), last - 1, "{\"score\":10}");

    AuditLog.Verification v = audit.verify(school.id());
    assertThat(v.intact()).isFalse();
    // Found at the anchored entry, the first one after the rewrite that a checkpoint covers.
    assertThat(v.firstBroken().orElseThrow().seq()).isEqualTo(last);
    assertThat(v.firstBroken().orElseThrow().problem()).contains("rewritten");
  }

  @Test
  void cuttingTheNewestEntriesIsSeen() throws Exception {
    School school = schoolWithEntries(3);
    schedule.anchorHeads();
    long last = lastSeq(school.id());
    try (Connection c = OwnerDatabase.connect();
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
      try {
        st.execute("DELETE FROM audit_log WHERE school_id = " + school.id() + " AND seq = " + last);
        st.execute(
            "UPDATE audit_chain_head h SET last_seq = l.seq, last_hash = l.hash FROM audit_log l"
                + " WHERE h.school_id = l.school_id AND l.seq = "
                + (last - 1)
                + " AND h.school_id = "
                + school.id());
      } finally {
        st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
      }
    }
    AuditLog.Verification v = audit.verify(school.id());
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken().orElseThrow().problem()).contains("newest entries were removed");
  }

  @Test
  void aForgedCheckpointLineIsAFinding() throws Exception {
    School school = schoolWithEntries(1);
    Files.writeString(
        checkpoints.file(),
        "v1 " + school.id() + " 1 " + "ab".repeat(32) + " 0 " + "00".repeat(32) + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    AuditLog.Verification v = audit.verify(school.id());
    assertThat(v.firstBroken().orElseThrow().problem()).contains("altered or forged");
    // Take the forged line out again, so that the other tests' checks are not disturbed.
    List<String> lines = Files.readAllLines(checkpoints.file());
    Files.write(checkpoints.file(), lines.subList(0, lines.size() - 1));
  }

  @Test
  void everyNthEntryIsAnchoredWhenItsTransactionCommits() {
    School school = schoolWithEntries(1);
    long before = checkpoints.read().stream().filter(c -> c.chain() == school.id()).count();
    checkpoints.anchorIfMoved(school.id(), 1, "x".repeat(64));
    checkpoints.anchorIfMoved(school.id(), 1, "x".repeat(64)); // not moved: not written again
    assertThat(checkpoints.read().stream().filter(c -> c.chain() == school.id()).count())
        .isEqualTo(before + 1);
    assertThat(checkpoints.read()).allMatch(AuditCheckpoints.Checkpoint::authentic);
  }

  @Test
  void anEncryptedBackupCarriesTheCheckpointsAndTheirKeyToAnotherInstallation(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path elsewhere) {
    School school = schoolWithEntries(1);
    schedule.anchorHeads();
    AuditCheckpoints other =
        new AuditCheckpoints(elsewhere.toString(), 50, new vn.truongso.support.MovableClock());
    other.restored(checkpoints.current());
    assertThat(other.read()).isNotEmpty().allMatch(AuditCheckpoints.Checkpoint::authentic);
    assertThat(other.read()).anyMatch(c -> c.chain() == school.id());
  }

  private long lastSeq(long schoolId) {
    return audit
        .find(new AuditLog.Query(List.of(schoolId), null, null, null, null, null, 100, 0))
        .stream()
        .mapToLong(AuditLog.Entry::seq)
        .max()
        .orElseThrow();
  }

  private School schoolWithEntries(int n) {
    School school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          for (int i = 1; i <= n; i++) {
            audit.record(
                AuditEvent.of(school.id(), "test.write", "thing", i).after(Map.of("score", i)));
          }
        });
    return school;
  }

  /** What an owner who knows the hash rule would do: edit, then re-hash every later entry. */
  private void rewriteFrom(long schoolId, long seq, String after) throws SQLException {
    List<AuditLog.Entry> entries =
        audit
            .find(new AuditLog.Query(List.of(schoolId), null, null, null, null, null, 100, 0))
            .stream()
            .sorted(Comparator.comparingLong(AuditLog.Entry::seq))
            .toList();
    try (Connection c = OwnerDatabase.connect();
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
      try (PreparedStatement up =
          c.prepareStatement(
              "UPDATE audit_log SET after_state = ?, prev_hash = ?, hash = ? WHERE school_id = ?"
                  + " AND seq = ?")) {
        String prev = JdbcAuditLog.GENESIS;
        for (AuditLog.Entry e : entries) {
          AuditLog.Entry changed =
              e.seq() == seq
                  ? new AuditLog.Entry(
                      e.schoolId(),
                      e.seq(),
                      e.at(),
                      e.actorId(),
                      e.actorName(),
                      e.actorRole(),
                      e.action(),
                      e.entityType(),
                      e.entityId(),
                      e.before(),
                      after,
                      e.reason(),
                      e.ip(),
                      e.userAgent())
                  : e;
          String hash = JdbcAuditLog.ChainHash.of(prev, changed);
          up.setString(1, changed.after());
          up.setString(2, prev);
          up.setString(3, hash);
          up.setLong(4, schoolId);
          up.setLong(5, e.seq());
          up.executeUpdate();
          prev = hash;
        }
        st.execute(
            "UPDATE audit_chain_head SET last_hash = '" + prev + "' WHERE school_id = " + schoolId);
      } finally {
        st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
      }
    }
  }
}
