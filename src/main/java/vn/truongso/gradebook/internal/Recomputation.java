package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.control.YearSeals;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.UserInputException;

/**
 * Recomputes a school year's stored results in the background, class by class, after a policy
 * correction: each class in its own transaction (so a long run holds no locks for long and a
 * failure loses one class, not the night's work), progress written after each class for the page to
 * show, every class whose results changed audited.
 */
@Service
public class Recomputation {

  private static final Logger LOG = LoggerFactory.getLogger(Recomputation.class);

  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  public record Job(
      long id,
      long schoolId,
      int startYear,
      State state,
      int total,
      int done,
      int changed,
      Instant requestedAt,
      Instant finishedAt) {
    public int percent() {
      return total == 0 ? (state == State.DONE ? 100 : 0) : done * 100 / total;
    }

    public boolean running() {
      return state == State.QUEUED || state == State.RUNNING;
    }
  }

  /** Jobs started by this instance, until they end: for a caller that must wait for the result. */
  private final Map<Long, CompletableFuture<Job>> running = new ConcurrentHashMap<>();

  private final JdbcClient jdbc;
  private final Classes classes;
  private final Approvals approvals;
  private final ApprovalStates states;
  private final ClassBook classBook;
  private final StoredResults stored;
  private final AuditLog audit;
  private final TaskExecutor executor;
  private final YearSeals seals;
  private final TransactionTemplate tx;
  private final Clock clock;

  Recomputation(
      JdbcClient jdbc,
      Classes classes,
      Approvals approvals,
      ApprovalStates states,
      ClassBook classBook,
      StoredResults stored,
      AuditLog audit,
      @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor")
          TaskExecutor executor,
      TransactionTemplate tx,
      Clock clock,
      YearSeals seals) {
    this.seals = seals;
    this.jdbc = jdbc;
    this.classes = classes;
    this.approvals = approvals;
    this.states = states;
    this.classBook = classBook;
    this.stored = stored;
    this.audit = audit;
    this.executor = executor;
    this.tx = tx;
    this.clock = clock;
  }

  /** Queues a run for the school year and starts it once the request's transaction commits. */
  @Transactional
  public long start(AuthenticatedUser user, long schoolId, int startYear) {
    if (!approvals.mayApprove(schoolId)) {
      throw new AccessDeniedException("gradebook.recompute");
    }
    // A sealed year's stored results are its archive's: nothing recomputes them.
    seals.requireUnsealed(schoolId, startYear);
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  INSERT INTO recompute_job (school_id, start_year, state, requested_by, requested_at)
                  VALUES (?, ?, 'QUEUED', ?, ?) RETURNING id
                  """)
              .params(schoolId, startYear, user.accountId(), ts(clock.instant()))
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw new UserInputException("year", "recompute.running");
    }
    audit.record(
        AuditEvent.of(schoolId, "gradebook.recompute.start", "recompute_job", id)
            .after(Map.of("year", startYear)));
    long jobId = id;
    running.put(jobId, new CompletableFuture<>());
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            executor.execute(() -> run(schoolId, jobId));
          }
        });
    return id;
  }

  /** Runs a queued job to its end; a class that fails marks the job failed and stops it. */
  public void run(long schoolId, long jobId) {
    Job job = job(schoolId, jobId).orElseThrow();
    List<Classes.SchoolClass> all =
        tx.execute(
            s ->
                classes.classes(schoolId, job.startYear()).stream()
                    .filter(BookLevels::keepsSecondaryBook)
                    .toList());
    update(jobId, schoolId, "RUNNING", all.size(), 0, 0, null);
    int done = 0;
    int changed = 0;
    try {
      for (Classes.SchoolClass c : all) {
        changed += tx.execute(s -> recomputeClass(c, jobId));
        done++;
        update(jobId, schoolId, "RUNNING", all.size(), done, changed, null);
      }
      update(jobId, schoolId, "DONE", all.size(), done, changed, clock.instant());
    } catch (RuntimeException e) {
      LOG.error("Recomputation job {} of school {} failed", jobId, schoolId, e);
      update(jobId, schoolId, "FAILED", all.size(), done, changed, clock.instant());
    } finally {
      CompletableFuture<Job> waiting = running.remove(jobId);
      if (waiting != null) {
        waiting.complete(job(schoolId, jobId).orElseThrow());
      }
    }
  }

  /**
   * Completes when the job has ended (at once if it already has): for the benchmark and the tests,
   * which must not guess how long a run takes.
   */
  public CompletableFuture<Job> completion(long schoolId, long jobId) {
    CompletableFuture<Job> waiting = running.get(jobId);
    if (waiting != null) {
      return waiting;
    }
    Job job = job(schoolId, jobId).orElseThrow();
    return job.running()
        ? running.computeIfAbsent(jobId, k -> new CompletableFuture<>())
        : CompletableFuture.completedFuture(job);
  }

  /** The class's approved periods, stored again from the current inputs; how many rows changed. */
  int recomputeClass(Classes.SchoolClass c, long jobId) {
    Map<Integer, ApprovalStates.Status> approval = states.ofClass(c.schoolId(), c.id());
    List<StoredResults.Row> rows = new java.util.ArrayList<>();
    ClassBook.Book book = null;
    for (int period = 1; period <= 2; period++) {
      ApprovalStates.Status status = approval.get(period);
      if (status != null && status.approved()) {
        // One class book serves both periods.
        book = book != null ? book : classBook.compute(c);
        rows.addAll(Approvals.rows(book, period));
      }
    }
    int changed = stored.write(rows, clock.instant());
    if (changed > 0) {
      audit.record(
          AuditEvent.of(c.schoolId(), "gradebook.results.recompute", "school_class", c.id())
              .after(Map.of("changed", changed, "job", jobId)));
    }
    return changed;
  }

  @Transactional(readOnly = true)
  public Optional<Job> job(long schoolId, long jobId) {
    return jdbc.sql("SELECT * FROM recompute_job WHERE school_id = ? AND id = ?")
        .params(schoolId, jobId)
        .query(Recomputation::map)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<Job> latest(long schoolId) {
    if (!approvals.mayApprove(schoolId)) {
      throw new AccessDeniedException("gradebook.recompute");
    }
    return jdbc.sql("SELECT * FROM recompute_job WHERE school_id = ? ORDER BY id DESC LIMIT 1")
        .param(schoolId)
        .query(Recomputation::map)
        .optional();
  }

  private void update(
      long jobId, long schoolId, String state, int total, int done, int changed, Instant finished) {
    jdbc.sql(
            "UPDATE recompute_job SET state = ?, total = ?, done = ?, changed = ?, finished_at = ?"
                + " WHERE school_id = ? AND id = ?")
        .params(
            state, total, done, changed, finished == null ? null : ts(finished), schoolId, jobId)
        .update();
  }

  private static OffsetDateTime ts(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  private static Job map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new Job(
        rs.getLong("id"),
        rs.getLong("school_id"),
        rs.getInt("start_year"),
        State.valueOf(rs.getString("state")),
        rs.getInt("total"),
        rs.getInt("done"),
        rs.getInt("changed"),
        rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
