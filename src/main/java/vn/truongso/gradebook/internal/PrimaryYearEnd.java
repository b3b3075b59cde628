package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.control.YearSeals;
import vn.truongso.enrolment.Classes;
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
 * A primary pupil's year end besides the four points (TT27): the homeroom teacher's proposal of an
 * outstanding pupil agreed by the class (art. 13.1b) and the individual education plan (art. 10);
 * the supplementary assessment of a pupil not completed (art. 12.2), whose values replace the
 * year-end ones they name; and the principal's decision on promotion or repeating when the
 * evaluation leaves it to them, with its reason. Every change is audited.
 */
@Service
public class PrimaryYearEnd {

  private final PrimaryYearRows rows;
  private final PrimaryCells cells;
  private final PrimarySupplements supplements;
  private final PrimaryYears years;
  private final PrimaryEntry primary;
  private final PrimaryHomeroom homeroom;
  private final PrimaryWrites writes;
  private final ScoreEntry entry;
  private final YearSeals seals;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  PrimaryYearEnd(
      PrimaryYearRows rows,
      PrimaryCells cells,
      PrimarySupplements supplements,
      PrimaryYears years,
      PrimaryEntry primary,
      PrimaryHomeroom homeroom,
      PrimaryWrites writes,
      ScoreEntry entry,
      YearSeals seals,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.rows = rows;
    this.cells = cells;
    this.supplements = supplements;
    this.years = years;
    this.primary = primary;
    this.homeroom = homeroom;
    this.writes = writes;
    this.entry = entry;
    this.seals = seals;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The pupil's year end for its page: the evaluation as it stands, the stored facts, the
   * supplementary values, and what the viewer may do.
   */
  public record Pupil(
      Classes.SchoolClass schoolClass,
      PrimaryYears.Pupil evaluation,
      PrimaryYearRows.Year year,
      List<Reassessed> reassessed,
      boolean mayPropose,
      boolean maySupplement,
      boolean mayDecide,
      boolean mayKeepRecords) {

    /** The result the supplementary assessment follows: the year-end one. */
    public PrimaryResult yearEndResult() {
      return yearEnd(evaluation);
    }
  }

  /**
   * What the supplementary assessment takes again: a subject at C or tested below 5, a quality or
   * competency at C (art. 9.2 says what Hoàn thành needs). {@code name} null for a quality or
   * competency (its name is a message); letters as the book writes them.
   */
  public record Reassessed(
      String item,
      String name,
      boolean subject,
      boolean tested,
      String level,
      Integer score,
      String againLevel,
      Integer againScore) {}

  @Transactional(readOnly = true)
  public Pupil pupil(long schoolId, long classId, long studentId) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    if (!entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.primary.year");
    }
    PrimaryYears.Pupil p = evaluation(c, studentId);
    Map<String, PrimaryYearRows.Supplementary> again = new HashMap<>();
    for (var s : rows.supplementary(schoolId, classId).getOrDefault(studentId, List.of())) {
      again.put(s.item(), s);
    }
    PrimaryYearRows.Year year =
        rows.years(schoolId, classId).getOrDefault(studentId, PrimaryYearRows.Year.NONE);
    Map<String, PrimaryCells.Value> values = new HashMap<>();
    for (PrimaryCells.Row r : cells.ofPupil(schoolId, classId, studentId, PrimaryPoint.CN)) {
      values.put(r.item(), r.value());
    }
    List<Reassessed> reassessed = new java.util.ArrayList<>();
    for (var s : years.assessed(c.grade())) {
      PrimaryCells.Value v = values.get(s.code());
      boolean tested = s.testPoints().contains(PrimaryPoint.CN.name());
      boolean short5 = tested && v != null && v.score() != null && v.score() < 5;
      if (v != null && ("C".equals(v.level()) || short5) || again.containsKey(s.code())) {
        reassessed.add(line(s.code(), s.name(), true, tested, v, again.get(s.code())));
      }
    }
    for (String item : PrimaryHomeroom.ITEMS) {
      PrimaryCells.Value v = values.get(item);
      if (v != null && "C".equals(v.level()) || again.containsKey(item)) {
        reassessed.add(line(item, null, false, false, v, again.get(item)));
      }
    }
    boolean edits = homeroom.mayEdit(c);
    return new Pupil(
        c,
        p,
        year,
        reassessed,
        edits && !writes.frozen(c, PrimaryPoint.CN),
        edits && yearEnd(p) == PrimaryResult.CHUA_HOAN_THANH,
        mayDecide(c) && decidable(p, year),
        edits || authorization.permits(Action.PRINT_BOOKS, Target.school(schoolId)));
  }

  private static Reassessed line(
      String item,
      String name,
      boolean subject,
      boolean tested,
      PrimaryCells.Value v,
      PrimaryYearRows.Supplementary again) {
    return new Reassessed(
        item,
        name,
        subject,
        tested,
        v == null || v.level() == null ? null : PrimaryHomeroom.letter(v.level()),
        v == null ? null : v.score(),
        again == null ? null : PrimaryHomeroom.letter(again.level()),
        again == null ? null : again.score());
  }

  /** The result at the end of the year, before any supplementary assessment; null if missing. */
  static PrimaryResult yearEnd(PrimaryYears.Pupil p) {
    var r = p.result();
    if (r == null) {
      return null;
    }
    return r.beforeSupplementary() != null ? r.beforeSupplementary() : r.result();
  }

  /** The homeroom teacher's proposal (art. 13.1b) and the individual plan (art. 10). */
  @Transactional
  public void propose(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      long studentId,
      boolean outstanding,
      String note,
      boolean individualPlan,
      int basedOnVersion) {
    Classes.SchoolClass c = editable(schoolId, classId);
    if (writes.frozen(c, PrimaryPoint.CN)) {
      throw new UserInputException("outstanding", "gradebook.frozen");
    }
    evaluation(c, studentId);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String why = PrimaryEntry.comment("note", note, errors);
    errors.throwIfAny();
    PrimaryYearRows.Year before = locked(c, studentId, basedOnVersion);
    PrimaryYearRows.Year after =
        new PrimaryYearRows.Year(
            outstanding,
            outstanding ? why : null,
            individualPlan,
            before.principalPromotes(),
            before.decisionReason(),
            before.decidedBy(),
            before.decidedAt(),
            before.version() + 1);
    save(user, c, studentId, before, after, "gradebook.primary.propose", null);
  }

  /**
   * The supplementary assessment's values (art. 12.2), item by item; a blank leaves the year-end
   * value. Only for a pupil whose year-end result is Chưa hoàn thành.
   */
  @Transactional
  public int supplement(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      long studentId,
      Map<String, String> levels,
      Map<String, String> scores) {
    Classes.SchoolClass c = editable(schoolId, classId);
    if (yearEnd(evaluation(c, studentId)) != PrimaryResult.CHUA_HOAN_THANH) {
      throw new UserInputException("student", "gradebook.primary.supplementary.notNeeded");
    }
    return supplements.write(user, c, studentId, levels, scores);
  }

  /** The principal's decision on promotion or repeating, with its reason (art. 12.2, 10). */
  @Transactional
  public void decide(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      long studentId,
      boolean promotes,
      String reason) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    seals.requireUnsealed(schoolId, c.startYear());
    if (!mayDecide(c)) {
      throw new AccessDeniedException("gradebook.primary.decide");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw new UserInputException("reason", "gradebook.primary.decision.reason");
    }
    PrimaryYears.Pupil p = evaluation(c, studentId);
    PrimaryYearRows.Year before = rows.lock(schoolId, classId, studentId);
    if (!decidable(p, before)) {
      throw new UserInputException("student", "gradebook.primary.decision.notNeeded");
    }
    Instant at = clock.instant();
    PrimaryYearRows.Year after =
        new PrimaryYearRows.Year(
            before.outstandingProposed(),
            before.outstandingNote(),
            before.individualPlan(),
            promotes,
            why,
            user.accountId(),
            at,
            before.version() + 1);
    save(user, c, studentId, before, after, "gradebook.primary.decide", why);
  }

  private static boolean decidable(PrimaryYears.Pupil p, PrimaryYearRows.Year year) {
    return p.result() != null
        && (p.result().outcome() == Outcome.PRINCIPAL_DECIDES || year.principalPromotes() != null);
  }

  private boolean mayDecide(Classes.SchoolClass c) {
    return authorization.permits(Action.APPROVE_RESULTS, Target.school(c.schoolId()));
  }

  private Classes.SchoolClass editable(long schoolId, long classId) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    seals.requireUnsealed(schoolId, c.startYear());
    if (!homeroom.mayEdit(c)) {
      throw new AccessDeniedException("gradebook.primary.year");
    }
    return c;
  }

  private PrimaryYears.Pupil evaluation(Classes.SchoolClass c, long studentId) {
    return years.at(c, PrimaryPoint.CN).stream()
        .filter(p -> p.student().id() == studentId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("pupil " + studentId));
  }

  private PrimaryYearRows.Year locked(Classes.SchoolClass c, long studentId, int basedOn) {
    PrimaryYearRows.Year before = rows.lock(c.schoolId(), c.id(), studentId);
    if (before.version() != basedOn) {
      throw new UserInputException("version", "gradebook.primary.conflict");
    }
    return before;
  }

  private void save(
      AuthenticatedUser user,
      Classes.SchoolClass c,
      long studentId,
      PrimaryYearRows.Year before,
      PrimaryYearRows.Year after,
      String event,
      String because) {
    rows.save(c.schoolId(), c.id(), studentId, after, user.accountId(), clock.instant());
    var e =
        AuditEvent.of(c.schoolId(), event, "primary_year", c.id() + "/" + studentId)
            .before(state(before))
            .after(state(after));
    audit.record(because == null ? e : e.because(because));
  }

  private static Map<String, Object> state(PrimaryYearRows.Year y) {
    Map<String, Object> m = new HashMap<>();
    m.put("outstanding", y.outstandingProposed());
    m.put("individualPlan", y.individualPlan());
    m.put("principalPromotes", y.principalPromotes());
    m.put("version", y.version());
    return m;
  }
}
