package vn.truongso.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.StudentAttendance;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.FamilyResults;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * The periodic results summaries (DH-QT art. 3): the principal prepares one per student of the
 * school for a period (a month, a term), reads some, and releases them; only then do families see
 * them and are told. Each shows only what is published, and marks the values new since the family's
 * last released summary.
 */
@Service
public class Summaries {

  /** Longest period one summary covers: a term. */
  static final int MAX_DAYS = 150;

  private final JdbcClient jdbc;
  private final MessageStore store;
  private final Fanout fanout;
  private final SummaryText texts;
  private final FamilyResults results;
  private final StudentAttendance attendance;
  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  Summaries(
      JdbcClient jdbc,
      MessageStore store,
      Fanout fanout,
      SummaryText texts,
      FamilyResults results,
      StudentAttendance attendance,
      Classes classes,
      Organisation org,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.fanout = fanout;
    this.texts = texts;
    this.results = results;
    this.attendance = attendance;
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** A batch as the list shows it. */
  public record Batch(
      long id,
      LocalDate from,
      LocalDate to,
      Instant createdAt,
      @Nullable Instant releasedAt,
      int messages) {}

  /** Prepares a batch for the period; returns its id. Nothing reaches a family yet. */
  @Transactional
  public long prepare(AuthenticatedUser user, long schoolId, LocalDate from, LocalDate to) {
    authorization.require(Action.RELEASE_SUMMARIES, Target.school(schoolId));
    LocalDate today = LocalDate.now(clock);
    if (to.isBefore(from) || to.isAfter(today) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
      throw new UserInputException("from", "messaging.error.summaryPeriod", MAX_DAYS);
    }
    int year =
        org.currentYear(schoolId)
            .orElseThrow(() -> new UserInputException(null, "messaging.error.noYear"))
            .startYear();
    Instant now = clock.instant();
    long batch =
        jdbc.sql(
                "INSERT INTO message_summary_batch (school_id, from_day, to_day, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
            .params(schoolId, from, to, user.accountId(), Timestamp.from(now))
            .query(Long.class)
            .single();
    int written = 0;
    for (Classes.SchoolClass c : classes.classes(schoolId, year)) {
      for (var s : classes.roster(schoolId, c.id(), to)) {
        SummaryText.Summary text =
            texts.of(
                s.name().full(),
                c.name(),
                from,
                to,
                results.of(schoolId, s.id(), year).orElse(null),
                attendance.marks(schoolId, s.id(), from, to),
                shownBefore(schoolId, s.id()));
        long id =
            store.insert(
                new MessageStore.NewMessage(
                    schoolId,
                    MessageRules.Kind.SUMMARY,
                    "STUDENT:" + s.id(),
                    s.name().full(),
                    user.accountId(),
                    user.displayName(),
                    text.title(),
                    text.body(),
                    null,
                    batch,
                    now,
                    null));
        jdbc.sql(
                "INSERT INTO summary_value (school_id, batch_id, student_id, shown)"
                    + " VALUES (?, ?, ?, ?)")
            .params(schoolId, batch, s.id(), text.shown().toArray(String[]::new))
            .update();
        written++;
      }
    }
    audit.record(
        AuditEvent.of(schoolId, "messaging.summary.prepare", "message_summary_batch", batch)
            .after(Map.of("from", from.toString(), "to", to.toString(), "students", written)));
    return batch;
  }

  /** Releases a prepared batch: each family sees its child's summary and is told. */
  @Transactional
  public int release(AuthenticatedUser user, long schoolId, long batchId) {
    authorization.require(Action.RELEASE_SUMMARIES, Target.school(schoolId));
    Instant now = clock.instant();
    int updated =
        jdbc.sql(
                "UPDATE message_summary_batch SET released_by = ?, released_at = ?"
                    + " WHERE school_id = ? AND id = ? AND released_at IS NULL")
            .params(user.accountId(), Timestamp.from(now), schoolId, batchId)
            .update();
    if (updated == 0) {
      batch(schoolId, batchId);
      throw new UserInputException(null, "messaging.error.summaryReleased");
    }
    Map<Long, Long> messages = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT id, split_part(audience, ':', 2)::bigint FROM message WHERE school_id = ?"
                + " AND summary_batch = ? ORDER BY id")
        .params(schoolId, batchId)
        .query(
            rs -> {
              messages.put(rs.getLong(1), rs.getLong(2));
            });
    int families = 0;
    for (Map.Entry<Long, Long> m : messages.entrySet()) {
      store.release(schoolId, m.getKey(), now);
      families += fanout.toFamilies(schoolId, m.getKey(), Set.of(m.getValue()), false);
    }
    audit.record(
        AuditEvent.of(schoolId, "messaging.summary.release", "message_summary_batch", batchId)
            .after(Map.of("messages", messages.size(), "families", families)));
    return families;
  }

  @Transactional(readOnly = true)
  public List<Batch> batches(long schoolId) {
    authorization.require(Action.RELEASE_SUMMARIES, Target.school(schoolId));
    return jdbc.sql(BATCHES + " WHERE b.school_id = ? ORDER BY b.id DESC LIMIT 24")
        .param(schoolId)
        .query(Summaries::batchRow)
        .list();
  }

  /** A batch with a few of its summaries to read before releasing. */
  public record View(Batch batch, List<MessageStore.Full> samples) {}

  @Transactional(readOnly = true)
  public View view(long schoolId, long batchId) {
    authorization.require(Action.RELEASE_SUMMARIES, Target.school(schoolId));
    Batch b = batch(schoolId, batchId);
    List<Long> ids =
        jdbc.sql(
                "SELECT id FROM message WHERE school_id = ? AND summary_batch = ? ORDER BY id"
                    + " LIMIT 5")
            .params(schoolId, batchId)
            .query(Long.class)
            .list();
    return new View(b, ids.stream().map(id -> store.inSchool(schoolId, id).orElseThrow()).toList());
  }

  private Batch batch(long schoolId, long batchId) {
    return jdbc.sql(BATCHES + " WHERE b.school_id = ? AND b.id = ?")
        .params(schoolId, batchId)
        .query(Summaries::batchRow)
        .optional()
        .orElseThrow(() -> new NotFoundException("messaging.summary"));
  }

  /** The values the family's last released summary showed. */
  private Set<String> shownBefore(long schoolId, long studentId) {
    return jdbc.sql(
            """
            SELECT v.shown FROM summary_value v
              JOIN message_summary_batch b ON b.school_id = v.school_id AND b.id = v.batch_id
             WHERE v.school_id = ? AND v.student_id = ? AND b.released_at IS NOT NULL
             ORDER BY b.released_at DESC, b.id DESC LIMIT 1
            """)
        .params(schoolId, studentId)
        .query((rs, n) -> new HashSet<>(List.of((String[]) rs.getArray(1).getArray())))
        .optional()
        .orElseGet(HashSet::new);
  }

  private static final String BATCHES =
      "SELECT b.id, b.from_day, b.to_day, b.created_at, b.released_at, (SELECT count(*) FROM"
          + " message m WHERE m.school_id = b.school_id AND m.summary_batch = b.id)"
          + " FROM message_summary_batch b";

  private static Batch batchRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp released = rs.getTimestamp(5);
    return new Batch(
        rs.getLong(1),
        rs.getObject(2, LocalDate.class),
        rs.getObject(3, LocalDate.class),
        rs.getTimestamp(4).toInstant(),
        released == null ? null : released.toInstant(),
        rs.getInt(6));
  }
}
