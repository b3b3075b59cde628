package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.org.School;
import vn.truongso.support.OwnerDatabase;
import vn.truongso.support.TestOrg;

/** The audit log on the real embedded PostgreSQL: chained per school, append-only, verifiable. */
@SpringBootTest
class AuditLogIntegrationTests {

  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired TestOrg testOrg;

  @Test
  void chainsEntriesPerSchoolAndVerifies() {
    School school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          audit.record(
              AuditEvent.of(school.id(), "test.write", "thing", 1).after(Map.of("score", "8.5")));
          audit.record(
              AuditEvent.of(school.id(), "test.write", "thing", 2).because("lý do <script>"));
        });

    List<AuditLog.Entry> entries =
        audit.find(
            new AuditLog.Query(List.of(school.id()), null, "test.write", null, null, null, 10, 0));
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).after()).isEqualTo("{\"score\":\"8.5\"}");
    assertThat(audit.verify(school.id()).intact()).isTrue();
  }

  @Test
  void theApplicationRoleCannotRewriteTheLog() {
    School school = testOrg.school();
    tx.executeWithoutResult(
        s -> audit.record(AuditEvent.of(school.id(), "test.write", "thing", 1)));

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE audit_log SET reason = 'x' WHERE school_id = ?")
                    .param(school.id())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM audit_log WHERE school_id = ?").param(school.id()).update())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void aDeletedChainHeadIsAFindingAndNeverAnErrorForUsers() {
    School school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          audit.record(AuditEvent.of(school.id(), "test.write", "thing", 1));
          audit.record(AuditEvent.of(school.id(), "test.write", "thing", 2));
        });
    jdbc.sql("DELETE FROM audit_chain_head WHERE school_id = ?").param(school.id()).update();

    AuditLog.Verification v = audit.verify(school.id());
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken().orElseThrow().problem()).contains("head row is missing");

    // The school's next audited action still works and continues the chain where it was.
    tx.executeWithoutResult(
        s -> audit.record(AuditEvent.of(school.id(), "test.write", "thing", 3)));
    assertThat(
            audit.find(
                new AuditLog.Query(
                    List.of(school.id()), null, "test.write", null, null, null, 10, 0)))
        .hasSize(3);
    assertThat(audit.verify(school.id()).intact()).isTrue();
  }

  @Test
  void theTriggerRefusesEvenTheOwner() throws SQLException {
    School school = testOrg.school();
    tx.executeWithoutResult(
        s -> audit.record(AuditEvent.of(school.id(), "test.write", "thing", 1)));

    try (Connection c = OwnerDatabase.connect();
        Statement st = c.createStatement()) {
      assertThatThrownBy(
              () -> st.executeUpdate("DELETE FROM audit_log WHERE school_id = " + school.id()))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void aRowAlteredDirectlyInTheDatabaseBreaksTheChain() throws SQLException {
    School school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          for (int i = 1; i <= 3; i++) {
            audit.record(
                AuditEvent.of(school.id(), "test.write", "thing", i).after(Map.of("score", i)));
          }
        });
    assertThat(audit.verify(school.id()).intact()).isTrue();

    tamper(school.id(), 2, "{\"score\":10}");

    AuditLog.Verification v = audit.verify(school.id());
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken().orElseThrow().seq()).isEqualTo(2);
  }

  /** What an attacker with the owner's password would do: switch the trigger off and edit. */
  static void tamper(long schoolId, long seq, String after) throws SQLException {
    try (Connection c = OwnerDatabase.connect();
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
      st.executeUpdate(
          "UPDATE audit_log SET after_state = '"
              + after
              + "' WHERE school_id = "
              + schoolId
              + " AND seq = "
              + seq);
      st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
    }
  }
}
