package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.org.School;
import vn.truongso.support.TestOrg;

/**
 * {@code verify-audit --school CODE}: exit 0 on an intact chain, 1 naming the first broken entry.
 */
@SpringBootTest
class VerifyAuditCommandIntegrationTests {

  @Autowired List<Command> commands;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;
  @Autowired TestOrg testOrg;

  @Test
  void passesOnAnIntactChainAndFailsOnTheFirstAlteredEntry() throws Exception {
    School school = testOrg.school();
    tx.executeWithoutResult(
        s -> {
          for (int i = 1; i <= 3; i++) {
            audit.record(
                AuditEvent.of(school.id(), "test.score", "score", i).after(Map.of("value", "8.5")));
          }
        });
    Command verify =
        commands.stream().filter(c -> c.name().equals("verify-audit")).findFirst().orElseThrow();

    Run ok = run(verify, "--school", school.code());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("nguyên vẹn");

    // The school's chain starts with the entries of its own creation; alter the third from the end.
    long seq =
        audit
            .find(
                new AuditLog.Query(
                    List.of(school.id()), null, "test.score", null, null, null, 3, 0))
            .get(1)
            .seq();
    AuditLogIntegrationTests.tamper(school.id(), seq, "{\"value\":\"10\"}");

    Run broken = run(verify, "--school", school.code());
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.out()).contains("mục số " + seq);
  }

  @Test
  void refusesAnUnknownSchool() {
    Command verify =
        commands.stream().filter(c -> c.name().equals("verify-audit")).findFirst().orElseThrow();
    Run run = run(verify, "--school", "KHONG-CO");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("KHONG-CO");
  }

  private static Run run(Command command, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = command.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(code, bytes.toString(StandardCharsets.UTF_8));
  }

  record Run(int code, String out) {}
}
