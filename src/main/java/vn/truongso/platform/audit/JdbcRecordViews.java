package vn.truongso.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.RecordViews;
import vn.truongso.platform.Target;

/** {@link RecordViews} in the {@code record_view} table. */
@Repository
class JdbcRecordViews implements RecordViews {

  private final JdbcClient jdbc;
  private final Authorization authorization;
  private final Clock clock;

  JdbcRecordViews(JdbcClient jdbc, Authorization authorization, Clock clock) {
    this.jdbc = jdbc;
    this.authorization = authorization;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void viewed(long schoolId, long studentId, String what) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user)) {
      return;
    }
    Target student = Target.student(schoolId, null, studentId);
    if (authorization.permits(Action.VIEW_OWN_CHILD, student)
        || authorization.permits(Action.VIEW_OWN_RECORD, student)) {
      return;
    }
    jdbc.sql(
            "INSERT INTO record_view (school_id, student_id, viewed_at, viewer_id, viewer_name,"
                + " viewer_role, what) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            schoolId,
            studentId,
            Timestamp.from(clock.instant()),
            user.accountId(),
            user.displayName(),
            user.roleSummary(),
            what)
        .update();
  }

  @Override
  @Transactional(readOnly = true)
  public List<View> of(long schoolId, long studentId, int limit) {
    return jdbc.sql(
            "SELECT viewed_at, viewer_name, viewer_role, what FROM record_view WHERE school_id = ?"
                + " AND student_id = ? ORDER BY viewed_at DESC LIMIT ?")
        .params(schoolId, studentId, limit)
        .query(
            (rs, n) ->
                new View(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }
}
