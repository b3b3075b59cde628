package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Period;
import vn.truongso.control.EntryGate;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.RollAbsences;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.UserInputException;

/**
 * The absences the daily roll counts, kept in the class book under the same controls as the typed
 * ones: the gate of the homeroom teacher's term (locks, cut-off, seal) and the term's approval.
 */
@Service
class RollAbsenceTotals implements RollAbsences {

  private static final HomeroomEntries.Absences NONE = new HomeroomEntries.Absences(0, 0);

  private final ScoreEntry entry;
  private final HomeroomEntries homeroom;
  private final ApprovalStates approvals;
  private final EntryGate gate;
  private final AuditLog audit;
  private final Clock clock;

  RollAbsenceTotals(
      ScoreEntry entry,
      HomeroomEntries homeroom,
      ApprovalStates approvals,
      EntryGate gate,
      AuditLog audit,
      Clock clock) {
    this.entry = entry;
    this.homeroom = homeroom;
    this.approvals = approvals;
    this.gate = gate;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void requireOpen(long schoolId, long classId, int term) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    if (!BookLevels.keepsSecondaryBook(c)) {
      return;
    }
    Period period = Period.ofTerm(term);
    EntryGate.Verdict v =
        gate.verdictForSave(
            new EntryGate.Cell(
                schoolId, c.startYear(), period.term(), c.grade(), classId, null, null),
            0);
    if (!v.open()) {
      throw EntryGate.refusal(v);
    }
    if (approvals.frozenForSave(schoolId, classId, term)) {
      throw new UserInputException(null, "gradebook.absence.frozen", term);
    }
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void fromRoll(
      long schoolId, long classId, int term, Map<Long, Sessions> byStudent, long changedBy) {
    if (!BookLevels.keepsSecondaryBook(entry.schoolClass(schoolId, classId))) {
      // Only the secondary class book counts sessions absent; the primary book and the
      // kindergarten's keep the roll's days alone.
      return;
    }
    Map<Long, HomeroomEntries.Absences> typed = new HashMap<>();
    homeroom
        .absences(schoolId, classId)
        .forEach((student, terms) -> typed.put(student, terms.get(term)));
    Set<Long> rolled = new HashSet<>();
    homeroom
        .rolledTerms(schoolId, classId)
        .forEach(
            (student, terms) -> {
              if (terms.contains(term)) {
                rolled.add(student);
              }
            });
    Instant at = clock.instant();
    for (var e : byStudent.entrySet()) {
      HomeroomEntries.Absences now =
          new HomeroomEntries.Absences(e.getValue().excused(), e.getValue().unexcused());
      HomeroomEntries.Absences was = typed.get(e.getKey());
      if (now.equals(was) && rolled.contains(e.getKey())) {
        continue;
      }
      homeroom.setFromRoll(schoolId, classId, e.getKey(), term, now, at, changedBy);
      if (now.equals(was == null ? NONE : was)) {
        // Only the source changed (a blank or typed count the roll now keeps): no figure moved.
        continue;
      }
      audit.record(
          AuditEvent.of(
                  schoolId,
                  "gradebook.absence.roll",
                  "absence_entry",
                  classId + "/" + e.getKey() + "/" + term)
              .before(was)
              .after(now));
    }
  }
}
