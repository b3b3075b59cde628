package vn.truongso.platform.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how often the server backs up.
 *
 * @param dir TRUONGSO_BACKUP_DIR, default {@code <data dir>/backups}; put it on another disk
 * @param keep how many backups of the schedule to keep (older ones are deleted), default 14
 * @param cron TRUONGSO_BACKUP_CRON in Vietnam time, default 01:30 daily; {@code -} turns it off
 */
@ConfigurationProperties("truongso.backup")
public record BackupSettings(Path dir, Integer keep, String cron) {

  public int keepOrDefault() {
    return keep == null || keep < 1 ? 14 : keep;
  }
}
