package vn.truongso.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.identity.Role;
import vn.truongso.identity.internal.LoginService;
import vn.truongso.identity.internal.SecretBox;
import vn.truongso.identity.internal.Totp;
import vn.truongso.platform.BackupSecret;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestDatabases;
import vn.truongso.support.TestOrg;
import vn.truongso.support.TotpCodes;

/**
 * Backups are authenticated and can be encrypted: a backup edited and re-hashed by someone without
 * the key is refused as forged; files are the owner's only; with a passphrase the file is encrypted
 * and carries the two-factor key, so that a restore on a new machine lets a principal sign in with
 * their authenticator; without it, the restore says who must enrol again.
 */
@SpringBootTest
class BackupSealIntegrationTests {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  static final String PASSPHRASE = "một cụm mật khẩu sao lưu đủ dài 2026";

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  @Autowired Flyway flyway;
  @Autowired Clock clock;
  @Autowired BackupSeals seals;
  @Autowired SecretBox secretBox;
  @Autowired LoginService login;
  @Autowired Totp totp;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;

  @Test
  void aBackupEditedAndReHashedWithoutTheKeyIsRefusedAsForged(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("b.zip");
    BackupFiles.write(owner, file, clock, seals.seal());
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    // The forger recomputes the checksum beside it; the .mac needs the key they do not have.
    Files.writeString(
        BackupFiles.sidecar(file),
        BackupRestoreIntegrationTests.sha256(file) + "  " + file.getFileName() + "\n");
    assertThatThrownBy(() -> BackupFiles.verify(file, seals.seal()))
        .isInstanceOf(BackupException.class)
        .extracting(e -> ((BackupException) e).key())
        .isEqualTo("backup.forged");
    Files.delete(BackupFiles.macFile(file));
    assertThatThrownBy(() -> BackupFiles.verify(file, seals.seal()))
        .extracting(e -> ((BackupException) e).key())
        .isEqualTo("backup.forged");
  }

  @Test
  void anEncryptedBackupCarriesTheTwoFactorKeyAndRefusesAnyChange(@TempDir Path dir)
      throws Exception {
    TestAccounts.Created principal =
        accounts.create(testOrg.school(), Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-Mk-1", false);
    String secret = login.newTotpSecret();
    login.enrolTotp(principal.id(), secret, TotpCodes.at(secret, totp.currentStep()));

    BackupSeal seal = new BackupSeals("", PASSPHRASE, List.of(secretBox)).seal();
    Path file = dir.resolve("enc.zip");
    BackupFiles.write(owner, file, clock, seal);
    assertThat(BackupCrypto.isEncrypted(Files.readAllBytes(file))).isTrue();
    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Hiệu trưởng")
        .doesNotContain("audit_log");

    // A new machine: a new (empty) database and a key store that has not seen this key.
    Recorder newMachine = new Recorder();
    DataSource target = newDatabase();
    Restore.Result r =
        Restore.run(
            file, target, flyway.getConfiguration(), clock, "test", seal, List.of(newMachine));
    assertThat(r.mustReEnrol()).isEmpty();
    assertThat(newMachine.restored).isEqualTo(secretBox.current());
    // With the key it brought back, the restored sealed secret opens and today's code is right:
    // the principal signs in with their authenticator as before.
    String sealed =
        JdbcClient.create(target)
            .sql("SELECT totp_secret FROM account WHERE id = ?")
            .param(principal.id())
            .query(String.class)
            .single();
    String opened = secretBox.open(sealed);
    assertThat(opened).isEqualTo(secret);
    assertThat(totp.verify(opened, TotpCodes.at(secret, totp.currentStep() + 1), null)).isPresent();

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 40] ^= 0x01;
    Files.write(file, bytes);
    Files.writeString(
        BackupFiles.sidecar(file),
        BackupRestoreIntegrationTests.sha256(file) + "  " + file.getFileName() + "\n");
    assertThatThrownBy(() -> BackupFiles.verify(file, seal))
        .extracting(e -> ((BackupException) e).key())
        .isEqualTo("backup.forged");
    BackupSeal wrong = new BackupSeals("", "sai cụm mật khẩu", List.of()).seal();
    Path again = dir.resolve("again.zip");
    BackupFiles.write(owner, again, clock, seal);
    assertThatThrownBy(() -> BackupFiles.verify(again, wrong))
        .extracting(e -> ((BackupException) e).key())
        .isEqualTo("backup.forged");
    assertThatThrownBy(() -> BackupFiles.verify(again, seals.seal()))
        .extracting(e -> ((BackupException) e).key())
        .isIn("backup.needsPassphrase", "backup.forged");
  }

  @Test
  void aRestoreWithoutTheKeySaysWhoMustEnrolAgainAndSwitchesTheirCodeOff(@TempDir Path dir)
      throws Exception {
    TestAccounts.Created principal =
        accounts.create(testOrg.school(), Role.PRINCIPAL, "Hiệu trưởng", "Hieu-Truong-Mk-1", false);
    String secret = login.newTotpSecret();
    login.enrolTotp(principal.id(), secret, TotpCodes.at(secret, totp.currentStep()));
    Path file = dir.resolve("plain.zip");
    BackupFiles.write(owner, file, clock, seals.seal());

    DataSource target = newDatabase();
    Restore.Result r =
        Restore.run(
            file,
            target,
            flyway.getConfiguration(),
            clock,
            "test",
            seals.seal(),
            List.of(secretBox));
    assertThat(r.mustReEnrol()).contains(principal.username());
    assertThat(
            JdbcClient.create(target)
                .sql("SELECT totp_enabled FROM account WHERE id = ?")
                .param(principal.id())
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  /** A key store on a new machine: remembers what the restore brought back. */
  static final class Recorder implements BackupSecret {
    byte[] restored;

    @Override
    public String name() {
      return "totp-secret.key";
    }

    @Override
    public byte[] current() {
      return new byte[0];
    }

    @Override
    public void restored(byte[] bytes) {
      restored = bytes;
    }

    @Override
    public List<String> lost(DataSource d) {
      return List.of("nobody expected");
    }
  }

  private DataSource newDatabase() throws Exception {
    return TestDatabases.create(
        owner, "seal_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
  }
}
