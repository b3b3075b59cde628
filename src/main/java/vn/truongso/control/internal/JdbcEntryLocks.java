package vn.truongso.control.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.EntryLocks;
import vn.truongso.control.YearSeals;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * The locks and openings in SQL: owns the {@code entry_lock} rows (a lift stamps the row, which
 * stays as history). Setting or lifting one takes the year's {@code entry_control} row exclusively
 * through {@link ControlRows}, so saves in flight finish first and a sealed year is refused.
 */
@Service
class JdbcEntryLocks implements EntryLocks {

  private final JdbcClient jdbc;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;
  private final List<ScopeDirectory> directories;
  private final Organisation org;
  private final YearSeals seals;
  private final ControlRows rows;

  JdbcEntryLocks(
      JdbcClient jdbc,
      Authorization authorization,
      AuditLog audit,
      Clock clock,
      List<ScopeDirectory> directories,
      Organisation org,
      YearSeals seals,
      ControlRows rows) {
    this.seals = seals;
    this.rows = rows;
    this.org = org;
    this.directories = directories;
    this.jdbc = jdbc;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** Narrowed in SQL: a save weighs only the few that can touch its cells. */
  @Override
  public List<Lock> touching(
      long schoolId, int startYear, int grade, long classId, int term, String subject) {
    return jdbc.sql(
            """
            SELECT * FROM entry_lock WHERE school_id = ? AND start_year = ? AND lifted_at IS NULL
              AND (class_id IS NULL OR class_id = ?) AND (grade IS NULL OR grade = ?)
              AND (term_no IS NULL OR term_no = ?)
              AND (subject_code IS NULL OR subject_code = ?)
            """)
        .params(schoolId, startYear, classId, grade, term, subject)
        .query(JdbcEntryLocks::lock)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Lock> inForce(long schoolId, int startYear) {
    mayView(schoolId);
    return inForceForBackgroundWork(schoolId, startYear);
  }

  @Override
  public List<Lock> inForceForBackgroundWork(long schoolId, int startYear) {
    return jdbc.sql(
            "SELECT * FROM entry_lock WHERE school_id = ? AND start_year = ?"
                + " AND lifted_at IS NULL ORDER BY locked_at DESC, id DESC")
        .params(schoolId, startYear)
        .query(JdbcEntryLocks::lock)
        .list();
  }

  @Override
  public boolean mayLock(long schoolId) {
    return principal(schoolId)
        || authorization.permits(Action.MANAGE_LOCKS, Target.school(schoolId));
  }

  @Override
  @Transactional
  public long lock(
      AuthenticatedUser user,
      long schoolId,
      int startYear,
      Scope scope,
      boolean opens,
      String reason,
      String instruction) {
    String why = text(reason);
    String order = text(instruction);
    boolean principal = principal(schoolId);
    if (!principal && !authorization.permits(Action.MANAGE_LOCKS, Target.school(schoolId))) {
      throw new AccessDeniedException("control.lock");
    }
    if (why.isEmpty() || why.length() > 500) {
      throw new UserInputException("reason", "control.lock.reason");
    }
    if (!principal && (order.isEmpty() || order.length() > 500)) {
      throw new UserInputException("instruction", "control.lock.instruction");
    }
    if (scope.slot() != null
        && (scope.classId() == null || scope.subject() == null || scope.term() == null)) {
      throw new UserInputException("slot", "control.lock.column");
    }
    if (org.years(schoolId).stream().noneMatch(y -> y.startYear() == startYear)) {
      throw new UserInputException("year", "control.year");
    }
    if (scope.term() != null && scope.term() != 1 && scope.term() != 2) {
      throw new UserInputException("term", "control.lock.term");
    }
    if (scope.grade() != null && (scope.grade() < 1 || scope.grade() > 12)) {
      throw new UserInputException("grade", "control.lock.grade");
    }
    if (scope.slot() != null && !SLOTS.contains(scope.slot())) {
      throw new UserInputException("slot", "control.lock.column");
    }
    if (scope.classId() != null
        && directories.stream()
            .noneMatch(d -> d.classBelongs(schoolId, scope.classId(), startYear))) {
      throw new UserInputException("classId", "control.lock.class");
    }
    if (scope.subject() != null
        && directories.stream()
            .flatMap(d -> d.subjectOptions(schoolId).stream())
            .noneMatch(o -> o.value().equals(scope.subject()))) {
      throw new UserInputException("subject", "control.lock.subject");
    }
    return insert(user, schoolId, startYear, scope, opens, why, order);
  }

  @Override
  @Transactional
  public long lockCorrected(
      AuthenticatedUser user, long schoolId, int startYear, Scope column, String reason) {
    if (column.slot() == null) {
      throw new IllegalArgumentException("a column");
    }
    return insert(user, schoolId, startYear, column, false, text(reason), "");
  }

  private long insert(
      AuthenticatedUser user,
      long schoolId,
      int startYear,
      Scope scope,
      boolean opens,
      String why,
      String order) {
    exclusive(schoolId, startYear);
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                """
                INSERT INTO entry_lock (school_id, start_year, term_no, grade, class_id,
                  subject_code, slot, opens, reason, instruction, locked_by, locked_by_name,
                  locked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                startYear,
                scope.term(),
                scope.grade(),
                scope.classId(),
                scope.subject(),
                scope.slot(),
                opens,
                why,
                order.isEmpty() ? null : order,
                user.accountId(),
                user.displayName(),
                ts(now))
            .query(Long.class)
            .single();
    Map<String, Object> after = describe(startYear, scope);
    after.put("opens", opens);
    if (!order.isEmpty()) {
      after.put("instruction", order);
    }
    audit.record(
        AuditEvent.of(schoolId, opens ? "control.open" : "control.lock", "entry_lock", id)
            .after(after)
            .because(why));
    return id;
  }

  @Override
  @Transactional
  public void lift(AuthenticatedUser user, long schoolId, long lockId, String reason) {
    if (!mayLock(schoolId)) {
      throw new AccessDeniedException("control.lift");
    }
    String why = text(reason);
    if (why.isEmpty() || why.length() > 500) {
      throw new UserInputException("reason", "control.lock.reason");
    }
    Integer year =
        jdbc.sql(
                "SELECT start_year FROM entry_lock WHERE school_id = ? AND id = ?"
                    + " AND lifted_at IS NULL")
            .params(schoolId, lockId)
            .query(Integer.class)
            .optional()
            .orElseThrow(() -> new UserInputException("lock", "control.lock.gone"));
    exclusive(schoolId, year);
    int lifted =
        jdbc.sql(
                "UPDATE entry_lock SET lifted_by = ?, lifted_at = ?, lift_reason = ?"
                    + " WHERE school_id = ? AND id = ? AND lifted_at IS NULL")
            .params(user.accountId(), ts(clock.instant()), why, schoolId, lockId)
            .update();
    if (lifted == 0) {
      throw new UserInputException("lock", "control.lock.gone");
    }
    audit.record(
        AuditEvent.of(schoolId, "control.lift", "entry_lock", lockId)
            .before(Map.of("inForce", true))
            .because(why));
  }

  /** Takes the year's control row (saves in flight finish first); a sealed year is refused. */
  private void exclusive(long schoolId, int startYear) {
    rows.exclusive(schoolId, startYear);
    seals.requireUnsealed(schoolId, startYear);
  }

  private boolean principal(long schoolId) {
    return authorization.permits(Action.LOCK_GRADEBOOK, Target.school(schoolId));
  }

  /** Those who lock, approve results, or check the book (the vice-principals) see the locks. */
  private void mayView(long schoolId) {
    if (!mayLock(schoolId)
        && !authorization.permits(Action.APPROVE_RESULTS, Target.school(schoolId))
        && !authorization.permits(Action.MONITOR_GRADEBOOK, Target.school(schoolId))) {
      throw new AccessDeniedException("control.view");
    }
  }

  private static Map<String, Object> describe(int startYear, Scope s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", startYear);
    if (s.term() != null) m.put("term", s.term());
    if (s.grade() != null) m.put("grade", s.grade());
    if (s.classId() != null) m.put("class", s.classId());
    if (s.subject() != null) m.put("subject", s.subject());
    if (s.slot() != null) m.put("slot", s.slot());
    return m;
  }

  private static Lock lock(ResultSet rs, int n) throws SQLException {
    return new Lock(
        rs.getLong("id"),
        rs.getBoolean("opens"),
        new Scope(
            (Integer) rs.getObject("term_no"),
            (Integer) rs.getObject("grade"),
            (Long) rs.getObject("class_id"),
            rs.getString("subject_code"),
            rs.getString("slot")),
        rs.getString("reason"),
        rs.getString("instruction"),
        rs.getLong("locked_by"),
        rs.getString("locked_by_name"),
        rs.getObject("locked_at", OffsetDateTime.class).toInstant());
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  private static OffsetDateTime ts(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
