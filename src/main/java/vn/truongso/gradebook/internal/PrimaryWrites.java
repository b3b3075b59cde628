package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.UserInputException;

/**
 * The one way a value of the primary grade book is written, under the same control as a secondary
 * mark: the sealed year, the pupil's class, the submitted or approved period (a point belongs to
 * its term), the principal's locks and the entry windows of the point's column, then the version
 * guard and the audit entry. Runs in the caller's transaction.
 */
@Component
class PrimaryWrites {

  private final PrimaryCells cells;
  private final ScoreEntry entry;
  private final Classes classes;
  private final ApprovalStates approvals;
  private final EntryGate gate;
  private final AuditLog audit;
  private final Clock clock;

  PrimaryWrites(
      PrimaryCells cells,
      ScoreEntry entry,
      Classes classes,
      ApprovalStates approvals,
      EntryGate gate,
      AuditLog audit,
      Clock clock) {
    this.cells = cells;
    this.entry = entry;
    this.classes = classes;
    this.approvals = approvals;
    this.gate = gate;
    this.audit = audit;
    this.clock = clock;
  }

  /** The gate's cell of a value: {@code item} is the subject's code, null for the homeroom's. */
  static EntryGate.Cell cell(Classes.SchoolClass c, PrimaryPoint point, Kind kind, String item) {
    return new EntryGate.Cell(
        c.schoolId(),
        c.startYear(),
        point.term(),
        c.grade(),
        c.id(),
        kind == Kind.SUBJECT ? item : null,
        point.column().name());
  }

  /** Whether the point's term has been submitted (or approved): its values wait. */
  boolean frozen(Classes.SchoolClass c, PrimaryPoint point) {
    ApprovalStates.Status s = approvals.ofClass(c.schoolId(), c.id()).get(point.term());
    return s != null && s.frozen();
  }

  /** The verdict of a value's column, for a sheet that shows why it is closed. */
  EntryGate.Verdict verdict(Classes.SchoolClass c, PrimaryPoint point, Kind kind, String item) {
    return gate.verdict(cell(c, point, kind, item), 0);
  }

  int save(
      AuthenticatedUser user,
      Classes.SchoolClass c,
      long studentId,
      PrimaryPoint point,
      Kind kind,
      String item,
      PrimaryCells.Value wanted) {
    if (!classes.classOf(c.schoolId(), studentId, entry.entryDay(c)).equals(Optional.of(c.id()))) {
      throw new UserInputException("student", "gradebook.student.notInClass");
    }
    // Submitting a term freezes its points until the principal returns it (as for secondary).
    if (approvals.frozenForSave(c.schoolId(), c.id(), point.term())) {
      throw new UserInputException("level", "gradebook.frozen");
    }
    gate.requireOpen(cell(c, point, kind, item), 0);
    PrimaryCells.Key key = new PrimaryCells.Key(c.schoolId(), c.id(), studentId, point, kind, item);
    Optional<PrimaryCells.Value> before = cells.lock(key);
    int current = before.map(PrimaryCells.Value::version).orElse(0);
    if (current != wanted.version()) {
      throw new UserInputException("version", "gradebook.primary.conflict");
    }
    int version = current + 1;
    cells.save(
        key,
        wanted.level(),
        wanted.comment(),
        wanted.score(),
        version,
        user.accountId(),
        clock.instant());
    audit.record(
        AuditEvent.of(
                c.schoolId(),
                "gradebook.primary.save",
                "primary_assessment",
                c.id() + "/" + studentId + "/" + point + "/" + kind + "/" + item)
            .before(before.map(PrimaryWrites::state).orElse(null))
            .after(
                state(
                    new PrimaryCells.Value(
                        wanted.level(), wanted.comment(), wanted.score(), version))));
    return version;
  }

  private static Map<String, Object> state(PrimaryCells.Value v) {
    Map<String, Object> m = new HashMap<>();
    m.put("level", v.level());
    m.put("comment", v.comment());
    m.put("score", v.score());
    m.put("version", v.version());
    return m;
  }
}
