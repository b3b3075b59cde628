package vn.truongso.attendance.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.Target;

/**
 * The principal's (or, on the principal's instruction, the data administrator's) side of the roll:
 * the free days and warning thresholds, and closing a month so that its rolls no longer change.
 */
@Service
public class AttendanceAdmin {

  private final AttendanceSettings settings;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  AttendanceAdmin(
      AttendanceSettings settings, Authorization authorization, AuditLog audit, Clock clock) {
    this.settings = settings;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** The settings form as typed. */
  public record Form(String freeDays, String monthUnexcused, String yearThresholds) {}

  public boolean mayManage(long schoolId) {
    return authorization.permits(Action.MANAGE_ATTENDANCE, Target.school(schoolId));
  }

  @Transactional(readOnly = true)
  public AttendanceSettings.Settings settings(long schoolId) {
    authorization.require(Action.VIEW_SCHOOL, Target.school(schoolId));
    return settings.of(schoolId);
  }

  @Transactional(readOnly = true)
  public List<AttendanceSettings.MonthLock> locks(long schoolId) {
    authorization.require(Action.VIEW_SCHOOL, Target.school(schoolId));
    return settings.locks(schoolId);
  }

  @Transactional
  public void save(AuthenticatedUser user, long schoolId, Form form) {
    authorization.require(Action.MANAGE_ATTENDANCE, Target.school(schoolId));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    int free = number(form.freeDays(), 0, 7, "freeDays", errors);
    int month = number(form.monthUnexcused(), 1, 31, "monthUnexcused", errors);
    TreeSet<Integer> thresholds = new TreeSet<>();
    for (String part : form.yearThresholds().split("[,;\\s]+")) {
      if (!part.isBlank()) {
        thresholds.add(number(part, 1, 200, "yearThresholds", errors));
      }
    }
    if (thresholds.isEmpty() || thresholds.size() > 5) {
      errors.add("yearThresholds", "attendance.settings.thresholds");
    }
    errors.throwIfAny();
    AttendanceSettings.Settings before = settings.of(schoolId);
    AttendanceSettings.Settings after =
        new AttendanceSettings.Settings(free, month, new ArrayList<>(thresholds));
    settings.save(schoolId, after, user.accountId(), clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "attendance.settings.save", "attendance_setting", schoolId)
            .before(before)
            .after(after));
  }

  /** Closes or reopens a month for the school; false when it already was so. */
  @Transactional
  public boolean setLocked(AuthenticatedUser user, long schoolId, YearMonth month, boolean lock) {
    authorization.require(Action.MANAGE_ATTENDANCE, Target.school(schoolId));
    boolean changed =
        lock
            ? settings.lock(schoolId, month.atDay(1), user.accountId(), clock.instant())
            : settings.unlock(schoolId, month.atDay(1));
    if (changed) {
      audit.record(
          AuditEvent.of(
                  schoolId,
                  lock ? "attendance.month.lock" : "attendance.month.unlock",
                  "attendance_month_lock",
                  schoolId + "/" + month)
              .after(Map.of("month", month.toString())));
    }
    return changed;
  }

  private static int number(
      String typed, int min, int max, String field, InvalidInput.Collector errors) {
    try {
      int n = Integer.parseInt(typed.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    errors.add(field, "attendance.settings.range", min, max);
    return min;
  }
}
