package vn.truongso.platform.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Command;

/**
 * {@code backup --out FILE} and {@code restore --from FILE}. Exit codes: 0 done, 1 refused or
 * failed (nothing changed), 2 wrong arguments.
 */
@Configuration(proxyBeanMethods = false)
class BackupCommands {

  private static final Locale VI = Locale.forLanguageTag("vi");

  @Bean
  Command backupCommand(
      @Qualifier("ownerDataSource") DataSource owner,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      MessageSource messages,
      BackupSeals seals) {
    return fileCommand(
        "backup",
        "--out",
        "backup.cli.outMissing",
        messages,
        (file, out) -> {
          BackupSeal seal = seals.seal();
          BackupFiles.write(owner, file, clock, seal);
          // Read back before saying it is done: the file on disk is what a restore will get.
          BackupFiles.Checked c = BackupFiles.verify(file, seal);
          tx.executeWithoutResult(
              s ->
                  audit.record(
                      AuditEvent.of(null, "platform.backup.created", "backup", file.getFileName())
                          .after(
                              Map.of(
                                  "sha256", c.sha256(),
                                  "rows", c.manifest().rows(),
                                  "schemaVersion", c.manifest().schemaVersion(),
                                  "madeBy", "command:" + System.getProperty("user.name")))));
          out.println(
              messages.getMessage(
                  "backup.cli.done",
                  new Object[] {
                    c.manifest().tables().size(), c.manifest().rows(), file.toString(), c.sha256()
                  },
                  VI));
          return 0;
        });
  }

  @Bean
  Command restoreCommand(
      @Qualifier("ownerDataSource") DataSource owner,
      Flyway flyway,
      Clock clock,
      MessageSource messages,
      BackupSeals seals) {
    return fileCommand(
        "restore",
        "--from",
        "backup.cli.fromMissing",
        messages,
        (file, out) -> {
          Restore.Result r =
              Restore.run(
                  file,
                  owner,
                  flyway.getConfiguration(),
                  clock,
                  "command:" + System.getProperty("user.name"),
                  seals.seal(),
                  seals.secrets());
          return report(r, messages, out);
        });
  }

  /** What a command does with its file once it has one; a refusal is a {@link BackupException}. */
  @FunctionalInterface
  private interface FileAction {
    int run(Path file, PrintStream out);
  }

  /**
   * A command that needs one file named after {@code option}: exit 2 without it, 1 when the action
   * refuses (telling why), else the action's own code.
   */
  private static Command fileCommand(
      String name, String option, String missingKey, MessageSource messages, FileAction action) {
    return new Command() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int run(List<String> args, PrintStream out) {
        Path file = option(args, option);
        if (file == null) {
          out.println(messages.getMessage(missingKey, null, VI));
          return 2;
        }
        try {
          return action.run(file, out);
        } catch (BackupException e) {
          out.println(messages.getMessage(e.key(), e.args(), VI));
          return 1;
        }
      }
    };
  }

  /**
   * Tells who must enrol their second factor again, then whether the restored audit chains hold: a
   * break already in the backup makes the command fail although the data is back.
   */
  private static int report(Restore.Result r, MessageSource messages, PrintStream out) {
    if (!r.mustReEnrol().isEmpty()) {
      out.println(
          messages.getMessage(
              "backup.restore.reEnrol",
              new Object[] {r.mustReEnrol().size(), String.join(", ", r.mustReEnrol())},
              VI));
    }
    if (r.audit().firstBroken().isPresent()) {
      AuditLog.Broken b = r.audit().firstBroken().get();
      out.println(
          messages.getMessage(
              "backup.restore.chainBroken", new Object[] {b.schoolId(), b.seq(), b.problem()}, VI));
      return 1;
    }
    out.println(
        messages.getMessage(
            "backup.cli.restored",
            new Object[] {
              r.manifest().tables().size(),
              r.manifest().rows(),
              r.manifest().schemaVersion(),
              r.version(),
              r.audit().entriesChecked()
            },
            VI));
    return 0;
  }

  private static Path option(List<String> args, String name) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? Path.of(args.get(i + 1)) : null;
  }
}
