package vn.truongso.platform.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The daily backup (BA-HBS art. 4.4: "sao lưu dữ liệu định kỳ"). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledBackups {

  static final String SCHEDULE = "schedule";
  private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

  private final Backups backups;
  private final Environment env;

  ScheduledBackups(Backups backups, Environment env) {
    this.backups = backups;
    this.env = env;
  }

  @Scheduled(cron = "${truongso.backup.cron}", zone = "Asia/Ho_Chi_Minh")
  void daily() {
    if (env.containsProperty("truongso.command")) {
      return;
    }
    try {
      Backups.Listed b = backups.backUp(SCHEDULE);
      log.info("Backup {} written and checked ({} rows)", b.name(), b.rows());
    } catch (BackupException e) {
      // Another server took tonight's backup, or the disk is full: the page shows the gap.
      log.warn("Scheduled backup not made: {}", e.getMessage(), e.getCause());
    }
  }
}
