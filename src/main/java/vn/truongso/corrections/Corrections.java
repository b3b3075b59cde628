package vn.truongso.corrections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.EntryCalendar;
import vn.truongso.control.EntryLocks;
import vn.truongso.control.YearSeals;
import vn.truongso.corrections.internal.EvidenceFiles;
import vn.truongso.gradebook.Marks;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Corrections of marks after entry has closed (seed 000 QC art. 5.2, seed 003 art. 5): the teacher
 * who entered the cells files a request with the values asked for, the reason and the evidence; the
 * principal (or a delegated approver) approves or rejects it with a comment; the teacher and the
 * data administrator then both confirm, and the second confirmation carries it out: the values
 * change, each audit entry names the request, and the corrected columns are locked again.
 */
@Service
public class Corrections {

  public enum State {
    FILED,
    APPROVED,
    REJECTED,
    CARRIED_OUT,
    /** a cell changed after the request was filed: nothing was written, a new request is needed */
    STALE,
    WITHDRAWN
  }

  public record Request(
      long id,
      long schoolId,
      int startYear,
      long classId,
      String className,
      int grade,
      String subject,
      String subjectName,
      int term,
      String reason,
      State state,
      Long exceptionId,
      long filedBy,
      String filedByName,
      Instant filedAt,
      String decidedByName,
      Instant decidedAt,
      String decisionNote,
      String teacherConfirmedName,
      Instant teacherConfirmedAt,
      String adminConfirmedName,
      Instant adminConfirmedAt,
      Instant endedAt) {}

  /** A cell of a request: its value when filed (and the stamp that tells a later change). */
  public record Item(
      int n,
      long studentId,
      String studentName,
      String slot,
      String oldText,
      String oldStamp,
      String newText) {}

  public record Evidence(
      long id, String fileName, String mediaType, int size, String sha256, Instant uploadedAt) {}

  public record Upload(String fileName, byte[] content) {}

  /** What the user may do with a request now. */
  public record Rights(
      boolean decide,
      boolean confirmAsTeacher,
      boolean confirmAsAdmin,
      boolean withdraw,
      boolean addEvidence) {}

  public record Detail(Request request, List<Item> items, List<Evidence> evidence, Rights rights) {}

  /**
   * A request as the form sends it: {@code proposed} maps "studentId:slot" to the value asked for;
   * blank values are cells left alone.
   */
  public record Filing(
      long classId,
      String subject,
      int term,
      String reason,
      Map<String, String> proposed,
      List<Upload> evidence) {}

  /** A principal's documented exception to the filing bar. */
  public record Waiver(
      long id,
      int startYear,
      Long classId,
      String reason,
      LocalDate validUntil,
      String grantedByName,
      Instant grantedAt) {}

  /** What a decision or confirmation came to. */
  public enum Outcome {
    DONE,
    /** the request waits for the other person's confirmation */
    WAITING,
    CARRIED_OUT,
    STALE
  }

  /** The same as the upload limit for one file (spring.servlet.multipart.max-file-size). */
  public static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

  static final int MAX_FILES = 10;
  static final int MAX_ITEMS = 200;
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final JdbcClient jdbc;
  private final Marks marks;
  private final EntryCalendar calendar;
  private final EntryLocks locks;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;
  private final MessageSource messages;
  private final List<ScopeDirectory> directories;

  private final YearSeals seals;

  Corrections(
      JdbcClient jdbc,
      Marks marks,
      EntryCalendar calendar,
      EntryLocks locks,
      Authorization authorization,
      AuditLog audit,
      Clock clock,
      MessageSource messages,
      List<ScopeDirectory> directories,
      YearSeals seals) {
    this.seals = seals;
    this.directories = directories;
    this.jdbc = jdbc;
    this.marks = marks;
    this.calendar = calendar;
    this.locks = locks;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
    this.messages = messages;
  }

  /** Files a request; every cell and file is checked first, nothing is kept if any is wrong. */
  @Transactional
  public long file(AuthenticatedUser user, long schoolId, Filing f) {
    if (!marks.mayFile(schoolId, f.classId(), f.subject())) {
      throw new AccessDeniedException("corrections.file");
    }
    Marks.Grid grid = marks.grid(schoolId, f.classId(), f.subject(), f.term());
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String reason = text(f.reason());
    if (reason.isEmpty() || reason.length() > 1000) {
      errors.add("reason", "corrections.reason");
    }
    seals.requireUnsealed(schoolId, grid.startYear());
    Long exception = null;
    Optional<EntryCalendar.CorrectionBar> bar =
        calendar.correctionBar(schoolId, grid.startYear(), f.term(), grid.grade(), f.subject());
    if (bar.isPresent()) {
      exception = exceptionInForce(schoolId, grid.startYear(), f.classId()).orElse(null);
      if (exception == null) {
        EntryCalendar.CorrectionBar b = bar.get();
        errors.add(
            "bar", b.key(), DAY.format(b.from()), b.until() == null ? "" : DAY.format(b.until()));
      }
    }
    List<Item> items = new ArrayList<>();
    Set<String> busy = cellsInOpenRequests(schoolId, f.classId(), f.subject(), f.term());
    for (var e : f.proposed().entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        continue;
      }
      String field = "cell-" + e.getKey();
      String[] parts = e.getKey().split(":", 2);
      if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
        errors.add(field, "gradebook.slot.unknown");
        continue;
      }
      Marks.CellRef ref =
          new Marks.CellRef(f.subject(), f.term(), Long.parseLong(parts[0]), parts[1]);
      try {
        Marks.Stored now = marks.stored(schoolId, f.classId(), ref);
        if (!now.closed()) {
          errors.add(field, "corrections.cell.open");
          continue;
        }
        if (busy.contains(e.getKey())) {
          errors.add(field, "corrections.cell.busy");
          continue;
        }
        String wanted = marks.normalise(schoolId, f.classId(), ref, e.getValue());
        if (wanted.equals(now.text())) {
          errors.add(field, "corrections.cell.same");
          continue;
        }
        items.add(
            new Item(
                items.size() + 1,
                ref.studentId(),
                now.studentName(),
                ref.slot(),
                now.text(),
                now.stamp(),
                wanted));
      } catch (UserInputException x) {
        errors.add(field, x.messageKey(), x.args());
      }
    }
    if (items.isEmpty() && !errors.has("bar")) {
      errors.add("cells", "corrections.items.none");
    }
    if (items.size() > MAX_ITEMS) {
      errors.add("cells", "corrections.items.many", MAX_ITEMS);
    }
    List<Checked> files = check(f.evidence(), errors);
    if (files.isEmpty() && !errors.has("evidence")) {
      errors.add("evidence", "corrections.evidence.none");
    }
    errors.throwIfAny();
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                """
                INSERT INTO correction_request (school_id, start_year, class_id, class_name, grade,
                  subject_code, subject_name, term_no, reason, state, exception_id, filed_by,
                  filed_by_name, filed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                grid.startYear(),
                f.classId(),
                grid.className(),
                grid.grade(),
                f.subject(),
                grid.subjectName(),
                f.term(),
                reason,
                exception,
                user.accountId(),
                user.displayName(),
                Timestamp.from(now))
            .query(Long.class)
            .single();
    for (Item i : items) {
      jdbc.sql(
              """
              INSERT INTO correction_item (school_id, request_id, n, student_id, student_name, slot,
                old_text, old_stamp, new_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              schoolId,
              id,
              i.n(),
              i.studentId(),
              i.studentName(),
              i.slot(),
              i.oldText(),
              i.oldStamp(),
              i.newText())
          .update();
    }
    List<Map<String, Object>> logged = new ArrayList<>();
    for (Item i : items) {
      logged.add(
          Map.of(
              "student", i.studentId(), "slot", i.slot(), "from", i.oldText(), "to", i.newText()));
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("class", f.classId());
    after.put("subject", f.subject() == null ? "" : f.subject());
    after.put("term", f.term());
    after.put("cells", logged);
    if (exception != null) {
      after.put("exception", exception);
    }
    audit.record(
        AuditEvent.of(schoolId, "corrections.filed", "correction_request", id)
            .after(after)
            .because(reason));
    for (Checked c : files) {
      store(user, schoolId, id, c, now);
    }
    return id;
  }

  /** Adds a file of evidence while the request awaits the decision. */
  @Transactional
  public void addEvidence(AuthenticatedUser user, long schoolId, long id, Upload upload) {
    Request r = forUpdate(schoolId, id);
    if (r.filedBy() != user.accountId()) {
      throw new AccessDeniedException("corrections.evidence");
    }
    if (r.state() != State.FILED) {
      throw new UserInputException("evidence", "corrections.evidence.late");
    }
    int count =
        jdbc.sql("SELECT count(*) FROM correction_evidence WHERE school_id = ? AND request_id = ?")
            .params(schoolId, id)
            .query(Integer.class)
            .single();
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (count >= MAX_FILES) {
      errors.add("evidence", "corrections.evidence.many", MAX_FILES);
    }
    List<Checked> files = check(List.of(upload), errors);
    errors.throwIfAny();
    store(user, schoolId, id, files.getFirst(), clock.instant());
  }

  /**
   * The principal's (or the delegated approver's) decision, with a comment (required to reject).
   */
  @Transactional
  public Outcome decide(
      AuthenticatedUser user, long schoolId, long id, boolean approve, String note) {
    if (!authorization.permits(Action.APPROVE_RESULTS, Target.school(schoolId))) {
      throw new AccessDeniedException("corrections.decide");
    }
    Request r = forUpdate(schoolId, id);
    if (r.state() != State.FILED) {
      throw settled(r);
    }
    if (r.filedBy() == user.accountId()) {
      throw new UserInputException("decision", "corrections.decide.own");
    }
    String comment = text(note);
    if (comment.length() > 1000 || (!approve && comment.isEmpty())) {
      throw new UserInputException("note", "corrections.decide.note");
    }
    Instant now = clock.instant();
    jdbc.sql(
            "UPDATE correction_request SET state = ?, decided_by = ?, decided_by_name = ?,"
                + " decided_at = ?, decision_note = ?, ended_at = ? WHERE school_id = ? AND id = ?")
        .params(
            approve ? "APPROVED" : "REJECTED",
            user.accountId(),
            user.displayName(),
            Timestamp.from(now),
            comment.isEmpty() ? null : comment,
            approve ? null : Timestamp.from(now),
            schoolId,
            id)
        .update();
    audit.record(
        AuditEvent.of(
                schoolId,
                approve ? "corrections.approved" : "corrections.rejected",
                "correction_request",
                id)
            .before(Map.of("state", "FILED"))
            .after(Map.of("state", approve ? "APPROVED" : "REJECTED"))
            .because(comment.isEmpty() ? null : comment));
    if (approve && stale(r, items(schoolId, id))) {
      end(r, State.STALE, now);
      return Outcome.STALE;
    }
    return Outcome.DONE;
  }

  /**
   * The teacher's or the data administrator's confirmation that they carry the approved correction
   * out together; the second one writes the values, all or none.
   */
  @Transactional
  public Outcome confirm(AuthenticatedUser user, long schoolId, long id) {
    Request r = forUpdate(schoolId, id);
    boolean teacher = r.filedBy() == user.accountId();
    boolean admin = !teacher && authorization.permits(Action.MANAGE_LOCKS, Target.school(schoolId));
    if (!teacher && !admin) {
      throw new AccessDeniedException("corrections.confirm");
    }
    if (r.state() != State.APPROVED) {
      throw settled(r);
    }
    if (teacher ? r.teacherConfirmedAt() != null : r.adminConfirmedAt() != null) {
      throw new UserInputException("confirm", "corrections.confirm.already");
    }
    Instant now = clock.instant();
    jdbc.sql(
            teacher
                ? "UPDATE correction_request SET teacher_confirmed_by = ?,"
                    + " teacher_confirmed_name = ?, teacher_confirmed_at = ?"
                    + " WHERE school_id = ? AND id = ?"
                : "UPDATE correction_request SET admin_confirmed_by = ?,"
                    + " admin_confirmed_name = ?, admin_confirmed_at = ?"
                    + " WHERE school_id = ? AND id = ?")
        .params(user.accountId(), user.displayName(), Timestamp.from(now), schoolId, id)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "corrections.confirmed", "correction_request", id)
            .after(Map.of("as", teacher ? "teacher" : "dataAdmin")));
    boolean other = teacher ? r.adminConfirmedAt() != null : r.teacherConfirmedAt() != null;
    if (!other) {
      return Outcome.WAITING;
    }
    List<Item> items = items(schoolId, id);
    if (stale(r, items)) {
      end(r, State.STALE, now);
      return Outcome.STALE;
    }
    marks.correct(
        user,
        schoolId,
        r.classId(),
        items.stream()
            .map(
                i ->
                    new Marks.Correction(
                        new Marks.CellRef(r.subject(), r.term(), i.studentId(), i.slot()),
                        i.oldStamp(),
                        i.newText()))
            .toList(),
        id);
    if (r.subject() != null) {
      String why = messages.getMessage("corrections.relock.reason", new Object[] {id}, VI);
      for (String slot : new LinkedHashSet<>(items.stream().map(Item::slot).toList())) {
        locks.lockCorrected(
            user,
            schoolId,
            r.startYear(),
            new EntryLocks.Scope(r.term(), null, r.classId(), r.subject(), slot),
            why);
      }
    }
    end(r, State.CARRIED_OUT, now);
    return Outcome.CARRIED_OUT;
  }

  /** The teacher takes a request back before it is carried out. */
  @Transactional
  public void withdraw(AuthenticatedUser user, long schoolId, long id) {
    Request r = forUpdate(schoolId, id);
    if (r.filedBy() != user.accountId()) {
      throw new AccessDeniedException("corrections.withdraw");
    }
    if (r.state() != State.FILED && r.state() != State.APPROVED) {
      throw settled(r);
    }
    end(r, State.WITHDRAWN, clock.instant());
  }

  @Transactional(readOnly = true)
  public Detail detail(AuthenticatedUser user, long schoolId, long id) {
    Request r = request(schoolId, id, "").orElseThrow(() -> new NotFoundException("request"));
    boolean filer = r.filedBy() == user.accountId();
    if (!filer && !reviewer(schoolId)) {
      throw new NotFoundException("request");
    }
    boolean approver = authorization.permits(Action.APPROVE_RESULTS, Target.school(schoolId));
    boolean admin = authorization.permits(Action.MANAGE_LOCKS, Target.school(schoolId));
    Rights rights =
        new Rights(
            approver && !filer && r.state() == State.FILED,
            filer && r.state() == State.APPROVED && r.teacherConfirmedAt() == null,
            admin && !filer && r.state() == State.APPROVED && r.adminConfirmedAt() == null,
            filer && (r.state() == State.FILED || r.state() == State.APPROVED),
            filer && r.state() == State.FILED);
    List<Evidence> evidence =
        jdbc.sql(
                "SELECT id, file_name, media_type, size_bytes, sha256, uploaded_at"
                    + " FROM correction_evidence WHERE school_id = ? AND request_id = ? ORDER BY id")
            .params(schoolId, id)
            .query(
                (rs, n) ->
                    new Evidence(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
            .list();
    return new Detail(r, items(schoolId, id), evidence, rights);
  }

  /** A file of evidence, for those who see its request. */
  @Transactional(readOnly = true)
  public Map.Entry<Evidence, byte[]> evidence(
      AuthenticatedUser user, long schoolId, long id, long evidenceId) {
    Detail d = detail(user, schoolId, id);
    Evidence e =
        d.evidence().stream()
            .filter(x -> x.id() == evidenceId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("evidence"));
    byte[] content =
        jdbc.sql("SELECT content FROM correction_evidence WHERE school_id = ? AND id = ?")
            .params(schoolId, evidenceId)
            .query(byte[].class)
            .single();
    return Map.entry(e, content);
  }

  /**
   * The year's requests the user sees, newest first: a teacher their own, the principal, the
   * approvers and the data administrator all of the school's.
   */
  @Transactional(readOnly = true)
  public List<Request> list(AuthenticatedUser user, long schoolId, int startYear) {
    boolean all = reviewer(schoolId);
    return jdbc.sql(
            "SELECT * FROM correction_request WHERE school_id = ? AND start_year = ?"
                + " AND (? OR filed_by = ?) ORDER BY filed_at DESC, id DESC")
        .params(schoolId, startYear, all, user.accountId())
        .query(Corrections::request)
        .list();
  }

  /** Whether the user sees every request of the school. */
  public boolean reviewer(long schoolId) {
    Target school = Target.school(schoolId);
    return authorization.permits(Action.APPROVE_RESULTS, school)
        || authorization.permits(Action.MANAGE_LOCKS, school)
        || authorization.permits(Action.LOCK_GRADEBOOK, school);
  }

  /** Whether the user may grant exceptions to the filing bar: the principal. */
  public boolean mayGrant(long schoolId) {
    return authorization.permits(Action.LOCK_GRADEBOOK, Target.school(schoolId));
  }

  /**
   * The principal opens a documented exception to the filing bar (the cut-off, the week before the
   * end-of-term tests) for a class or the whole school, until a date.
   */
  @Transactional
  public long waive(
      AuthenticatedUser user,
      long schoolId,
      int startYear,
      Long classId,
      String reason,
      String until) {
    if (!mayGrant(schoolId)) {
      throw new AccessDeniedException("corrections.grant");
    }
    String why = text(reason);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (why.isEmpty() || why.length() > 500) {
      errors.add("reason", "corrections.exception.reason");
    }
    LocalDate last = null;
    try {
      last = LocalDate.parse(text(until));
      if (last.isBefore(LocalDate.now(clock))) {
        errors.add("until", "corrections.exception.until");
      }
    } catch (java.time.format.DateTimeParseException e) {
      errors.add("until", "corrections.exception.until");
    }
    if (classId != null
        && directories.stream().noneMatch(d -> d.classBelongs(schoolId, classId, startYear))) {
      errors.add("classId", "control.lock.class");
    }
    errors.throwIfAny();
    long id =
        jdbc.sql(
                """
                INSERT INTO correction_exception (school_id, start_year, class_id, reason,
                  valid_until, granted_by, granted_by_name, granted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                startYear,
                classId,
                why,
                last,
                user.accountId(),
                user.displayName(),
                Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("year", startYear);
    after.put("class", classId == null ? "" : classId);
    after.put("until", last.toString());
    audit.record(
        AuditEvent.of(schoolId, "corrections.exception", "correction_exception", id)
            .after(after)
            .because(why));
    return id;
  }

  @Transactional(readOnly = true)
  public List<Waiver> waivers(long schoolId, int startYear) {
    if (!reviewer(schoolId)) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT * FROM correction_exception WHERE school_id = ? AND start_year = ?"
                + " ORDER BY granted_at DESC")
        .params(schoolId, startYear)
        .query(
            (rs, n) ->
                new Waiver(
                    rs.getLong("id"),
                    rs.getInt("start_year"),
                    (Long) rs.getObject("class_id"),
                    rs.getString("reason"),
                    rs.getObject("valid_until", LocalDate.class),
                    rs.getString("granted_by_name"),
                    rs.getTimestamp("granted_at").toInstant()))
        .list();
  }

  private Optional<Long> exceptionInForce(long schoolId, int startYear, long classId) {
    return jdbc.sql(
            "SELECT id FROM correction_exception WHERE school_id = ? AND start_year = ?"
                + " AND valid_until >= ? AND (class_id IS NULL OR class_id = ?)"
                + " ORDER BY class_id NULLS LAST, valid_until DESC LIMIT 1")
        .params(schoolId, startYear, LocalDate.now(clock), classId)
        .query(Long.class)
        .optional();
  }

  /** "studentId:slot" of the cells already in a request waiting for its decision or execution. */
  private Set<String> cellsInOpenRequests(long schoolId, long classId, String subject, int term) {
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                SELECT i.student_id || ':' || i.slot FROM correction_item i
                JOIN correction_request r ON r.school_id = i.school_id AND r.id = i.request_id
                WHERE r.school_id = ? AND r.class_id = ? AND r.term_no = ?
                  AND r.subject_code IS NOT DISTINCT FROM ? AND r.state IN ('FILED', 'APPROVED')
                """)
            .params(schoolId, classId, term, subject)
            .query(String.class)
            .list());
  }

  private boolean stale(Request r, List<Item> items) {
    for (Item i : items) {
      Marks.Stored now =
          marks.stored(
              r.schoolId(),
              r.classId(),
              new Marks.CellRef(r.subject(), r.term(), i.studentId(), i.slot()));
      if (!now.stamp().equals(i.oldStamp())) {
        return true;
      }
    }
    return false;
  }

  private void end(Request r, State state, Instant now) {
    jdbc.sql("UPDATE correction_request SET state = ?, ended_at = ? WHERE school_id = ? AND id = ?")
        .params(state.name(), Timestamp.from(now), r.schoolId(), r.id())
        .update();
    audit.record(
        AuditEvent.of(
                r.schoolId(),
                "corrections." + state.name().toLowerCase(Locale.ROOT),
                "correction_request",
                r.id())
            .before(Map.of("state", r.state().name()))
            .after(Map.of("state", state.name())));
  }

  /** Why a request no longer takes this step: who decided, or how it ended. */
  private static UserInputException settled(Request r) {
    return switch (r.state()) {
      case FILED -> new UserInputException("state", "corrections.state.notApproved");
      case APPROVED, REJECTED ->
          new UserInputException(
              "state",
              "corrections.state.decided." + r.state().name().toLowerCase(Locale.ROOT),
              r.decidedByName());
      default ->
          new UserInputException(
              "state", "corrections.state.ended." + r.state().name().toLowerCase(Locale.ROOT));
    };
  }

  private record Checked(String name, String mediaType, byte[] content, String sha256) {}

  private static List<Checked> check(List<Upload> uploads, InvalidInput.Collector errors) {
    List<Checked> out = new ArrayList<>();
    List<Upload> given =
        uploads.stream()
            .filter(u -> u != null && u.content() != null && u.content().length > 0)
            .toList();
    if (given.size() > MAX_FILES) {
      errors.add("evidence", "corrections.evidence.many", MAX_FILES);
      return out;
    }
    for (Upload u : given) {
      if (u.content().length > MAX_EVIDENCE_BYTES) {
        errors.add("evidence", "corrections.evidence.size", u.fileName(), 5);
        continue;
      }
      Optional<String> type = EvidenceFiles.mediaType(u.content());
      if (type.isEmpty()) {
        errors.add("evidence", "corrections.evidence.type", u.fileName());
        continue;
      }
      out.add(
          new Checked(
              EvidenceFiles.cleanName(u.fileName(), type.get()),
              type.get(),
              u.content(),
              EvidenceFiles.sha256(u.content())));
    }
    return out;
  }

  private void store(AuthenticatedUser user, long schoolId, long id, Checked c, Instant now) {
    long evidenceId =
        jdbc.sql(
                """
                INSERT INTO correction_evidence (school_id, request_id, file_name, media_type,
                  size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                id,
                c.name(),
                c.mediaType(),
                c.content().length,
                c.sha256(),
                c.content(),
                user.accountId(),
                Timestamp.from(now))
            .query(Long.class)
            .single();
    audit.record(
        AuditEvent.of(schoolId, "corrections.evidence", "correction_request", id)
            .after(
                Map.of(
                    "evidence", evidenceId,
                    "file", c.name(),
                    "type", c.mediaType(),
                    "size", c.content().length,
                    "sha256", c.sha256())));
  }

  private List<Item> items(long schoolId, long id) {
    return jdbc.sql(
            "SELECT * FROM correction_item WHERE school_id = ? AND request_id = ? ORDER BY n")
        .params(schoolId, id)
        .query(
            (rs, n) ->
                new Item(
                    rs.getInt("n"),
                    rs.getLong("student_id"),
                    rs.getString("student_name"),
                    rs.getString("slot"),
                    rs.getString("old_text"),
                    rs.getString("old_stamp"),
                    rs.getString("new_text")))
        .list();
  }

  private Request forUpdate(long schoolId, long id) {
    return request(schoolId, id, " FOR UPDATE").orElseThrow(() -> new NotFoundException("request"));
  }

  private Optional<Request> request(long schoolId, long id, String lock) {
    return jdbc.sql("SELECT * FROM correction_request WHERE school_id = ? AND id = ?" + lock)
        .params(schoolId, id)
        .query(Corrections::request)
        .optional();
  }

  private static Request request(ResultSet rs, int n) throws SQLException {
    return new Request(
        rs.getLong("id"),
        rs.getLong("school_id"),
        rs.getInt("start_year"),
        rs.getLong("class_id"),
        rs.getString("class_name"),
        rs.getInt("grade"),
        rs.getString("subject_code"),
        rs.getString("subject_name"),
        rs.getInt("term_no"),
        rs.getString("reason"),
        State.valueOf(rs.getString("state")),
        (Long) rs.getObject("exception_id"),
        rs.getLong("filed_by"),
        rs.getString("filed_by_name"),
        rs.getTimestamp("filed_at").toInstant(),
        rs.getString("decided_by_name"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("decision_note"),
        rs.getString("teacher_confirmed_name"),
        instant(rs.getTimestamp("teacher_confirmed_at")),
        rs.getString("admin_confirmed_name"),
        instant(rs.getTimestamp("admin_confirmed_at")),
        instant(rs.getTimestamp("ended_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }
}
