package vn.truongso.corrections;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.YearSeals;
import vn.truongso.corrections.Request.State;
import vn.truongso.corrections.internal.CorrectionStore;
import vn.truongso.corrections.internal.EvidenceFiles;
import vn.truongso.corrections.internal.RequestCells;
import vn.truongso.corrections.internal.RequestLifecycle;
import vn.truongso.corrections.internal.RequestLifecycle.Part;
import vn.truongso.corrections.internal.RequestLifecycle.Refusal;
import vn.truongso.corrections.internal.RequestLifecycle.Stage;
import vn.truongso.corrections.internal.RequestLifecycle.Step;
import vn.truongso.corrections.internal.Waivers;
import vn.truongso.gradebook.corrections.Marks;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Corrections of marks after entry has closed (DH-SD art. 5.2, BA-HBS art. 5): the teacher who
 * entered the cells files a request with the values asked for, the reason and the evidence; the
 * principal (or a delegated approver) approves or rejects it with a comment; the teacher and the
 * data administrator then both confirm, and the second confirmation carries it out: the values
 * change, each audit entry names the request, and the corrected columns are locked again.
 *
 * <p>This class checks who asks and what they send, and keeps the audit. Which step a request takes
 * from where, for whom, is {@link RequestLifecycle}'s; the rows are {@link CorrectionStore}'s; the
 * cells in the mark book {@link RequestCells}'; the filing bar and its exceptions {@link Waivers}'.
 */
@Service
public class Corrections {

  /** The same as the upload limit for one file (spring.servlet.multipart.max-file-size). */
  public static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

  static final int MAX_ITEMS = 200;

  private final CorrectionStore store;
  private final RequestCells cells;
  private final Waivers waivers;
  private final Marks marks;
  private final YearSeals seals;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  Corrections(
      CorrectionStore store,
      RequestCells cells,
      Waivers waivers,
      Marks marks,
      YearSeals seals,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.cells = cells;
    this.waivers = waivers;
    this.marks = marks;
    this.seals = seals;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
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
    Long exception = waivers.pastTheBar(schoolId, grid, f, errors);
    List<Item> items = cells.proposed(schoolId, f, errors);
    if (items.isEmpty() && !errors.has("bar")) {
      errors.add("cells", "corrections.items.none");
    }
    if (items.size() > MAX_ITEMS) {
      errors.add("cells", "corrections.items.many", MAX_ITEMS);
    }
    List<EvidenceFiles.Checked> files = EvidenceFiles.check(f.evidence(), errors);
    if (files.isEmpty() && !errors.has("evidence")) {
      errors.add("evidence", "corrections.evidence.none");
    }
    errors.throwIfAny();
    Instant now = clock.instant();
    long id = store.insert(schoolId, grid, f, reason, exception, user, now, items);
    audit.record(filed(schoolId, id, f, reason, exception, items));
    for (EvidenceFiles.Checked c : files) {
      keep(user, schoolId, id, c, now);
    }
    return id;
  }

  /** Adds a file of evidence while the request awaits the decision. */
  @Transactional
  public void addEvidence(AuthenticatedUser user, long schoolId, long id, Upload upload) {
    Request r = store.forUpdate(schoolId, id);
    take(r, stage(r), part(user, r), Step.ADD_EVIDENCE);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (store.evidenceCount(schoolId, id) >= EvidenceFiles.MAX_FILES) {
      errors.add("evidence", "corrections.evidence.many", EvidenceFiles.MAX_FILES);
    }
    List<EvidenceFiles.Checked> files =
        EvidenceFiles.check(upload == null ? List.of() : List.of(upload), errors);
    if (files.isEmpty() && !errors.has("evidence")) {
      // the form sent without a file chosen: say so, rather than fail on an empty list
      errors.add("evidence", "corrections.evidence.none");
    }
    errors.throwIfAny();
    keep(user, schoolId, id, files.getFirst(), clock.instant());
  }

  /**
   * The principal's (or the delegated approver's) decision, with a comment (required to reject).
   */
  @Transactional
  public Outcome decide(
      AuthenticatedUser user, long schoolId, long id, boolean approve, String note) {
    // asked before the request is read: who may not decide learns nothing of it, not even its id
    if (!authorization.permits(Action.APPROVE_RESULTS, Target.school(schoolId))) {
      throw new AccessDeniedException("corrections.decide");
    }
    Request r = store.forUpdate(schoolId, id);
    Part part = part(user, r);
    Stage next = take(r, stage(r), part, approve ? Step.APPROVE : Step.REJECT);
    String comment = text(note);
    if (comment.length() > 1000 || (!approve && comment.isEmpty())) {
      throw new UserInputException("note", "corrections.decide.note");
    }
    Instant now = clock.instant();
    store.decide(r, next.state(), user, now, comment.isEmpty() ? null : comment);
    audit.record(
        AuditEvent.of(schoolId, "corrections." + lower(next.state()), "correction_request", id)
            .before(Map.of("state", r.state().name()))
            .after(Map.of("state", next.state().name()))
            .because(comment.isEmpty() ? null : comment));
    if (next == Stage.APPROVED && cells.changed(r, store.items(schoolId, id))) {
      end(r, take(r, next, part, Step.MARK_STALE), now);
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
    Request r = store.forUpdate(schoolId, id);
    Part part = part(user, r);
    Stage next = take(r, stage(r), part, Step.CONFIRM);
    Instant now = clock.instant();
    store.confirm(r, part.filer(), user, now);
    audit.record(
        AuditEvent.of(schoolId, "corrections.confirmed", "correction_request", id)
            .after(Map.of("as", part.filer() ? "teacher" : "dataAdmin")));
    if (next != Stage.CARRIED_OUT) {
      return Outcome.WAITING;
    }
    List<Item> items = store.items(schoolId, id);
    if (cells.changed(r, items)) {
      end(r, take(r, stage(r), part, Step.MARK_STALE), now);
      return Outcome.STALE;
    }
    cells.write(user, r, items);
    end(r, next, now);
    return Outcome.CARRIED_OUT;
  }

  /** The teacher takes a request back before it is carried out. */
  @Transactional
  public void withdraw(AuthenticatedUser user, long schoolId, long id) {
    Request r = store.forUpdate(schoolId, id);
    end(r, take(r, stage(r), part(user, r), Step.WITHDRAW), clock.instant());
  }

  @Transactional(readOnly = true)
  public Detail detail(AuthenticatedUser user, long schoolId, long id) {
    Request r = store.request(schoolId, id).orElseThrow(() -> new NotFoundException("request"));
    Part part = part(user, r);
    if (!part.filer() && !reviewer(schoolId)) {
      throw new NotFoundException("request");
    }
    Stage stage = stage(r);
    Rights rights =
        new Rights(
            RequestLifecycle.allows(stage, part, Step.APPROVE),
            part.filer() && RequestLifecycle.allows(stage, part, Step.CONFIRM),
            !part.filer() && RequestLifecycle.allows(stage, part, Step.CONFIRM),
            RequestLifecycle.allows(stage, part, Step.WITHDRAW),
            RequestLifecycle.allows(stage, part, Step.ADD_EVIDENCE));
    return new Detail(r, store.items(schoolId, id), store.evidence(schoolId, id), rights);
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
    return Map.entry(e, store.evidenceContent(schoolId, evidenceId));
  }

  /**
   * The year's requests the user sees, newest first: a teacher their own, the principal, the
   * approvers and the data administrator all of the school's.
   */
  @Transactional(readOnly = true)
  public List<Request> list(AuthenticatedUser user, long schoolId, int startYear) {
    return store.list(schoolId, startYear, reviewer(schoolId), user.accountId());
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
    Waiver w = waivers.grant(user, schoolId, startYear, classId, reason, until);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("year", startYear);
    after.put("class", classId == null ? "" : classId);
    after.put("until", w.validUntil().toString());
    audit.record(
        AuditEvent.of(schoolId, "corrections.exception", "correction_exception", w.id())
            .after(after)
            .because(w.reason()));
    return w.id();
  }

  @Transactional(readOnly = true)
  public List<Waiver> waivers(long schoolId, int startYear) {
    return reviewer(schoolId) ? store.waivers(schoolId, startYear) : List.of();
  }

  private static AuditEvent filed(
      long schoolId, long id, Filing f, String reason, Long exception, List<Item> items) {
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
    return AuditEvent.of(schoolId, "corrections.filed", "correction_request", id)
        .after(after)
        .because(reason);
  }

  private void keep(
      AuthenticatedUser user, long schoolId, long id, EvidenceFiles.Checked c, Instant now) {
    long evidenceId = store.insertEvidence(schoolId, id, c, user, now);
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

  /** The user's part in the request: its filer, an approver, the data administrator, … */
  private Part part(AuthenticatedUser user, Request r) {
    Target school = Target.school(r.schoolId());
    return Part.of(
        r.filedBy() == user.accountId(),
        authorization.permits(Action.APPROVE_RESULTS, school),
        authorization.permits(Action.MANAGE_LOCKS, school));
  }

  private static Stage stage(Request r) {
    return Stage.of(r.state(), r.teacherConfirmedAt() != null, r.adminConfirmedAt() != null);
  }

  /** The stage the step takes the request to from {@code from}, or the refusal, thrown. */
  private static Stage take(Request r, Stage from, Part part, Step step) {
    return switch (RequestLifecycle.next(from, part, step)) {
      case RequestLifecycle.Next n -> n.stage();
      case Refusal x when x.forbidden() -> throw new AccessDeniedException(x.key());
      case Refusal x when x.namesDecider() ->
          throw new UserInputException(x.field(), x.key(), r.decidedByName());
      case Refusal x -> throw new UserInputException(x.field(), x.key());
    };
  }

  /** The request ends (carried out, stale, withdrawn), audited from the state it was read in. */
  private void end(Request r, Stage to, Instant now) {
    store.end(r, to.state(), now);
    audit.record(
        AuditEvent.of(
                r.schoolId(), "corrections." + lower(to.state()), "correction_request", r.id())
            .before(Map.of("state", r.state().name()))
            .after(Map.of("state", to.state().name())));
  }

  private static String lower(State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }
}
