package vn.truongso.kindergarten.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * When each child is next to be weighed and measured: every {@code under24} months before the
 * second birthday, every {@code from24} months after (by default 1 and 3, as TTLT 13/2016 is
 * commonly applied, evidence [U] in {@code shared/domain/kindergarten.md} §5); the nurse or the
 * principal sets the school's schedule.
 */
@Service
public class GrowthSchedule {

  public record Intervals(int under24, int from24) {}

  static final Intervals DEFAULT = new Intervals(1, 3);

  private final JdbcClient jdbc;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  GrowthSchedule(JdbcClient jdbc, Authorization authorization, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  public Intervals of(long schoolId) {
    return jdbc.sql(
            "SELECT under_24_months, from_24_months FROM growth_schedule WHERE school_id = ?")
        .param(schoolId)
        .query((rs, n) -> new Intervals(rs.getInt(1), rs.getInt(2)))
        .optional()
        .orElse(DEFAULT);
  }

  /** The day the child is next due: today when never measured. */
  public static LocalDate due(
      Intervals i, LocalDate birth, @Nullable LocalDate last, LocalDate today) {
    if (last == null) {
      return today;
    }
    boolean baby = ChronoUnit.MONTHS.between(birth, last) < 24;
    return last.plusMonths(baby ? i.under24() : i.from24());
  }

  public boolean maySet(long schoolId) {
    return authorization.permits(Action.MANAGE_HEALTH, Target.school(schoolId))
        || authorization.permits(Action.MANAGE_CLASSES, Target.school(schoolId));
  }

  @Transactional
  public void set(AuthenticatedUser user, long schoolId, int under24, int from24) {
    if (!maySet(schoolId)) {
      authorization.require(Action.MANAGE_HEALTH, Target.school(schoolId));
    }
    if (under24 < 1 || under24 > 6 || from24 < 1 || from24 > 12) {
      throw new UserInputException("under24", "kindergarten.growth.scheduleInvalid");
    }
    jdbc.sql(
            """
            INSERT INTO growth_schedule (school_id, under_24_months, from_24_months, changed_by,
              changed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (school_id) DO UPDATE SET
              under_24_months = EXCLUDED.under_24_months, from_24_months = EXCLUDED.from_24_months,
              changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
            """)
        .params(schoolId, under24, from24, user.accountId(), Timestamp.from(clock.instant()))
        .update();
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.growth.schedule", "growth_schedule", schoolId)
            .after(new Intervals(under24, from24)));
  }
}
