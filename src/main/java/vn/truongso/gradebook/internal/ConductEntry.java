package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/**
 * The homeroom teacher's entry for the whole class at once: each student's conduct per term, the
 * year and the summer, the terms' comments, and the sessions absent. Only the homeroom teacher
 * enters; every value is checked and nothing is written if any is wrong or changes a period that
 * the approval, a lock, the cut-off or the summer's date has closed; each change is logged, and a
 * change of the summer's conduct asks for the results to be computed again.
 */
@Service
public class ConductEntry {

  private static final HomeroomEntries.Absences NONE = new HomeroomEntries.Absences(0, 0);

  private final ClassBook classBook;
  private final HomeroomEntries homeroom;
  private final ApprovalStates approvals;
  private final EntryGate gate;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ConductEntry(
      ClassBook classBook,
      HomeroomEntries homeroom,
      ApprovalStates approvals,
      EntryGate gate,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.classBook = classBook;
    this.homeroom = homeroom;
    this.approvals = approvals;
    this.gate = gate;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** One student's conduct and absences as the form sends them; blank levels clear the entry. */
  public record Form(
      String hk1,
      String hk2,
      String cn,
      String he,
      String comment1,
      String comment2,
      String absent1Excused,
      String absent1Unexcused,
      String absent2Excused,
      String absent2Unexcused) {}

  /** Conduct (student → period → entry) and absences (student → term → sessions) of a class. */
  private record Entries(
      Map<Long, Map<String, HomeroomEntries.Conduct>> conduct,
      Map<Long, Map<Integer, HomeroomEntries.Absences>> absences) {}

  /** What closes the homeroom teacher's columns: the terms' approval, and the gate per period. */
  private record Closed(
      boolean term1Frozen,
      boolean term2Frozen,
      Map<String, EntryGate.Verdict> gates,
      Map<Long, Set<Integer>> rolled) {
    /** Whether the approval of the period (1 or 2; 0: the summer's, never) freezes it. */
    boolean frozen(int period) {
      return period == 1 ? term1Frozen : period == 2 && term2Frozen;
    }
  }

  /**
   * Saves the homeroom teacher's entries for the whole class at once: every value checked first,
   * nothing written if any is wrong, each change logged.
   */
  @Transactional
  public void save(AuthenticatedUser user, long schoolId, long classId, Map<Long, Form> entries) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    if (!classBook.mayEdit(c)) {
      throw new AccessDeniedException("gradebook.conduct");
    }
    Set<Long> inClass = new HashSet<>();
    classBook.roster(c).forEach(s -> inClass.add(s.id()));
    // What was stored, to log only what changes; the results need not be computed for that.
    Entries stored =
        new Entries(homeroom.conduct(schoolId, classId), homeroom.absences(schoolId, classId));
    boolean term1Frozen = approvals.frozenForSave(schoolId, classId, 1);
    boolean term2Frozen = approvals.frozenForSave(schoolId, classId, 2);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Entries wanted = wanted(classBook.policy(c), inClass, entries, stored, errors);
    Closed closed =
        new Closed(term1Frozen, term2Frozen, gates(c), homeroom.rolledTerms(schoolId, classId));
    refuseClosedConduct(stored, wanted, closed, errors);
    refuseClosedAbsences(stored, wanted, closed, errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    boolean summerChanged = writeConduct(user, c, stored, wanted, now);
    writeAbsences(user, c, stored, wanted, now);
    if (summerChanged) {
      events.publishEvent(new ResultInputsChanged(schoolId, classId));
    }
  }

  /** The entries the form asks for, student by student, with the errors of what is wrong. */
  private static Entries wanted(
      SecondaryPolicy policy,
      Set<Long> inClass,
      Map<Long, Form> entries,
      Entries stored,
      InvalidInput.Collector errors) {
    Entries wanted = new Entries(new LinkedHashMap<>(), new LinkedHashMap<>());
    for (var e : entries.entrySet()) {
      long id = e.getKey();
      if (!inClass.contains(id)) {
        errors.add("student-" + id, "gradebook.student.notInClass");
        continue;
      }
      Form in = e.getValue();
      wanted
          .conduct()
          .put(id, conduct(policy, in, stored.conduct().getOrDefault(id, Map.of()), id, errors));
      wanted
          .absences()
          .put(id, absences(in, stored.absences().getOrDefault(id, Map.of()), id, errors));
    }
    return wanted;
  }

  /** A field the form did not send (disabled: a frozen period) keeps what is stored. */
  private static Map<String, HomeroomEntries.Conduct> conduct(
      SecondaryPolicy policy,
      Form in,
      Map<String, HomeroomEntries.Conduct> kept,
      long id,
      InvalidInput.Collector errors) {
    Map<String, HomeroomEntries.Conduct> levels = new LinkedHashMap<>();
    levels.put(
        Period.HK1.name(), level(policy, in.hk1(), in.comment1(), kept, Period.HK1, id, errors));
    levels.put(
        Period.HK2.name(), level(policy, in.hk2(), in.comment2(), kept, Period.HK2, id, errors));
    if (policy != null && policy.conductYearGiven()) {
      levels.put(Period.CN.name(), level(policy, in.cn(), null, kept, Period.CN, id, errors));
    }
    levels.put(Period.HE.name(), level(policy, in.he(), null, kept, Period.HE, id, errors));
    return levels;
  }

  private static HomeroomEntries.Conduct level(
      SecondaryPolicy policy,
      String level,
      String comment,
      Map<String, HomeroomEntries.Conduct> kept,
      Period period,
      long id,
      InvalidInput.Collector errors) {
    return level == null
        ? kept.get(period.name())
        : HomeroomValues.conduct(policy, level, comment, period.name() + "-" + id, errors);
  }

  private static Map<Integer, HomeroomEntries.Absences> absences(
      Form in,
      Map<Integer, HomeroomEntries.Absences> kept,
      long id,
      InvalidInput.Collector errors) {
    Map<Integer, HomeroomEntries.Absences> a = new LinkedHashMap<>();
    a.put(
        1,
        in.absent1Excused() == null && in.absent1Unexcused() == null
            ? kept.getOrDefault(1, NONE)
            : HomeroomValues.absences(
                in.absent1Excused(), in.absent1Unexcused(), "absent1-" + id, errors));
    a.put(
        2,
        in.absent2Excused() == null && in.absent2Unexcused() == null
            ? kept.getOrDefault(2, NONE)
            : HomeroomValues.absences(
                in.absent2Excused(), in.absent2Unexcused(), "absent2-" + id, errors));
    return a;
  }

  /**
   * Locks, the cut-off and the summer's date close the homeroom teacher's columns as well; the
   * year's conduct is a term II cell and shares its gate.
   */
  private Map<String, EntryGate.Verdict> gates(Classes.SchoolClass c) {
    Map<String, EntryGate.Verdict> gates = new HashMap<>();
    for (Period period : List.of(Period.HK1, Period.HK2, Period.HE)) {
      gates.put(
          period.name(),
          gate.verdictForSave(
              new EntryGate.Cell(
                  c.schoolId(),
                  c.startYear(),
                  period.term(),
                  c.grade(),
                  c.id(),
                  null,
                  period.summer() ? period.name() : null),
              0));
    }
    gates.put(Period.CN.name(), gates.get(Period.HK2.name()));
    return gates;
  }

  /**
   * A frozen or closed period's values may be sent back unchanged (the form holds every field), not
   * changed.
   */
  private static void refuseClosedConduct(
      Entries stored, Entries wanted, Closed closed, InvalidInput.Collector errors) {
    for (var e : wanted.conduct().entrySet()) {
      var old = stored.conduct().getOrDefault(e.getKey(), Map.of());
      for (var p : e.getValue().entrySet()) {
        if (HomeroomValues.sameConduct(p.getValue(), old.get(p.getKey()))) {
          continue;
        }
        String field = p.getKey() + "-" + e.getKey();
        if (closed.frozen(Period.parse(p.getKey()).orElseThrow().approvalTerm())) {
          errors.add(field, "gradebook.frozen.field");
        }
        refuseIfShut(closed.gates().get(p.getKey()), field, errors);
      }
    }
  }

  private static void refuseClosedAbsences(
      Entries stored, Entries wanted, Closed closed, InvalidInput.Collector errors) {
    for (var e : wanted.absences().entrySet()) {
      var old = stored.absences().getOrDefault(e.getKey(), Map.of());
      for (var t : e.getValue().entrySet()) {
        if (t.getValue() == null || t.getValue().equals(old.getOrDefault(t.getKey(), NONE))) {
          continue;
        }
        String field = "absent" + t.getKey() + "-" + e.getKey();
        refuseIfShut(closed.gates().get(Period.ofTerm(t.getKey()).name()), field, errors);
        if (closed.rolled().getOrDefault(e.getKey(), Set.of()).contains(t.getKey())) {
          // Counted from the daily roll: a change goes through the roll, where each day is kept.
          errors.add(field, "gradebook.absence.rolled");
        } else if (closed.frozen(t.getKey())) {
          errors.add(field, "gradebook.frozen.field");
        }
      }
    }
  }

  private static void refuseIfShut(
      EntryGate.Verdict v, String field, InvalidInput.Collector errors) {
    if (!v.open()) {
      UserInputException refused = EntryGate.refusal(v);
      errors.add(field, refused.messageKey(), refused.args());
    }
  }

  /** Writes and logs the conduct entries that change; whether the summer's did. */
  private boolean writeConduct(
      AuthenticatedUser user, Classes.SchoolClass c, Entries stored, Entries wanted, Instant at) {
    boolean summerChanged = false;
    for (var e : wanted.conduct().entrySet()) {
      var old = stored.conduct().getOrDefault(e.getKey(), Map.of());
      for (var p : e.getValue().entrySet()) {
        HomeroomEntries.Conduct now = p.getValue();
        HomeroomEntries.Conduct was = old.get(p.getKey());
        String oldLevel = was == null ? null : was.level();
        if (HomeroomValues.sameConduct(now, was)) {
          continue;
        }
        summerChanged |= Period.HE.name().equals(p.getKey());
        homeroom.setConduct(
            c.schoolId(), c.id(), e.getKey(), p.getKey(), now, at, user.accountId());
        audit.record(
            AuditEvent.of(
                    c.schoolId(),
                    "gradebook.conduct.set",
                    "conduct_entry",
                    c.id() + "/" + e.getKey() + "/" + p.getKey())
                .before(oldLevel == null ? null : Map.of("level", oldLevel))
                .after(now == null ? null : Map.of("level", now.level())));
      }
    }
    return summerChanged;
  }

  private void writeAbsences(
      AuthenticatedUser user, Classes.SchoolClass c, Entries stored, Entries wanted, Instant at) {
    for (var e : wanted.absences().entrySet()) {
      var old = stored.absences().getOrDefault(e.getKey(), Map.of());
      for (var t : e.getValue().entrySet()) {
        HomeroomEntries.Absences was = old.getOrDefault(t.getKey(), NONE);
        if (was.equals(t.getValue())) {
          continue;
        }
        homeroom.setAbsences(
            c.schoolId(), c.id(), e.getKey(), t.getKey(), t.getValue(), at, user.accountId());
        audit.record(
            AuditEvent.of(
                    c.schoolId(),
                    "gradebook.absence.set",
                    "absence_entry",
                    c.id() + "/" + e.getKey() + "/" + t.getKey())
                .before(was)
                .after(t.getValue()));
      }
    }
  }
}
