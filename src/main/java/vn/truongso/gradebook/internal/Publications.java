package vn.truongso.gradebook.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;

/** The principal's choice of what families see of a school year's grade book. */
@Service
public class Publications {

  /** Until the principal chooses: each column once its window has closed, no term published. */
  public static final Publication DEFAULT = new Publication(Mode.COLUMN, false, false);

  private final JdbcClient jdbc;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  Publications(JdbcClient jdbc, Authorization authorization, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  public enum Mode {
    /** a column as soon as its entry window has closed */
    COLUMN,
    /** a term's columns only once the term is published */
    TERM
  }

  /** {@code term2}: term II together with the year. */
  public record Publication(Mode mode, boolean term1, boolean term2) {
    public boolean published(int term) {
      return term == 1 ? term1 : term2;
    }
  }

  public Publication of(long schoolId, int startYear) {
    return jdbc.sql(
            "SELECT mode, term1, term2 FROM result_publication WHERE school_id = ? AND start_year = ?")
        .params(schoolId, startYear)
        .query(
            (rs, n) ->
                new Publication(Mode.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3)))
        .optional()
        .orElse(DEFAULT);
  }

  public boolean mayPublish(long schoolId) {
    return authorization.permits(Action.APPROVE_RESULTS, Target.school(schoolId));
  }

  @Transactional
  public void set(AuthenticatedUser user, long schoolId, int startYear, Publication p) {
    authorization.require(Action.APPROVE_RESULTS, Target.school(schoolId));
    Publication before = of(schoolId, startYear);
    jdbc.sql(
            """
            INSERT INTO result_publication (school_id, start_year, mode, term1, term2, changed_at,
                                            changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, start_year) DO UPDATE
              SET mode = excluded.mode, term1 = excluded.term1, term2 = excluded.term2,
                  changed_at = excluded.changed_at, changed_by = excluded.changed_by
            """)
        .params(
            schoolId,
            startYear,
            p.mode().name(),
            p.term1(),
            p.term2(),
            Timestamp.from(clock.instant()),
            user.accountId())
        .update();
    audit.record(
        AuditEvent.of(schoolId, "gradebook.publication.set", "result_publication", startYear)
            .before(before)
            .after(Map.of("mode", p.mode().name(), "term1", p.term1(), "term2", p.term2())));
  }
}
