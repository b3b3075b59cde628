package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.control.YearSeals;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Submission and approval of a primary class's book, as for secondary (DH-SD, KD-CSDL): the
 * homeroom teacher submits the first term once every value of its end point is in, and the year
 * once every pupil's year-end result can be computed; the principal approves or returns with a
 * reason. A submitted term takes no more changes at its two points. The year is approved with
 * pupils still ahead of a supplementary assessment (TT27 art. 12.2), never with a decision of the
 * principal's still open.
 */
@Service
public class PrimaryApprovals {

  private final ApprovalStates states;
  private final PrimaryYears years;
  private final PrimaryHomeroom homeroom;
  private final PrimaryEntry primary;
  private final YearSeals seals;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  PrimaryApprovals(
      ApprovalStates states,
      PrimaryYears years,
      PrimaryHomeroom homeroom,
      PrimaryEntry primary,
      YearSeals seals,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.states = states;
    this.years = years;
    this.homeroom = homeroom;
    this.primary = primary;
    this.seals = seals;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public void submit(AuthenticatedUser user, long schoolId, long classId, int term) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    term(term);
    seals.requireUnsealed(schoolId, c.startYear());
    if (!homeroom.mayEdit(c)) {
      throw new AccessDeniedException("gradebook.primary.submit");
    }
    var now = states.forUpdate(schoolId, classId, term);
    if (now.isPresent() && now.get().frozen()) {
      throw new UserInputException("period", "gradebook.approval.alreadySubmitted");
    }
    if (term == 2 && !states.forUpdate(schoolId, classId, 1).map(s -> s.approved()).orElse(false)) {
      throw new UserInputException("period", "gradebook.approval.term1First");
    }
    PrimaryPoint end = term == 1 ? PrimaryPoint.CHKI : PrimaryPoint.CN;
    long missing = years.at(c, end).stream().mapToLong(p -> p.missing().size()).sum();
    if (missing > 0) {
      throw new UserInputException("period", "gradebook.primary.incomplete", missing);
    }
    states.submit(schoolId, classId, term, user.accountId(), clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "gradebook.primary.submit", "result_approval", classId + "/" + term)
            .before(now.map(s -> Map.of("state", s.state().name())).orElse(null))
            .after(Map.of("state", "SUBMITTED")));
  }

  @Transactional
  public void approve(AuthenticatedUser user, long schoolId, long classId, int term) {
    Classes.SchoolClass c = decidable(schoolId, classId, term);
    if (term == 2) {
      long undecided =
          years.at(c, PrimaryPoint.CN).stream()
              .filter(p -> p.result() != null)
              .filter(p -> p.result().outcome() == Outcome.PRINCIPAL_DECIDES)
              .count();
      if (undecided > 0) {
        throw new UserInputException("period", "gradebook.approval.undecided", undecided);
      }
    }
    states.decide(
        schoolId,
        classId,
        term,
        ApprovalStates.State.APPROVED,
        user.accountId(),
        clock.instant(),
        null);
    audit.record(
        AuditEvent.of(
                schoolId, "gradebook.primary.approve", "result_approval", classId + "/" + term)
            .before(Map.of("state", "SUBMITTED"))
            .after(Map.of("state", "APPROVED")));
  }

  @Transactional
  public void returnToTeacher(
      AuthenticatedUser user, long schoolId, long classId, int term, String note) {
    String why = note == null ? "" : note.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw new UserInputException("note", "gradebook.approval.noteRequired");
    }
    decidable(schoolId, classId, term);
    states.decide(
        schoolId,
        classId,
        term,
        ApprovalStates.State.RETURNED,
        user.accountId(),
        clock.instant(),
        why);
    audit.record(
        AuditEvent.of(schoolId, "gradebook.primary.return", "result_approval", classId + "/" + term)
            .before(Map.of("state", "SUBMITTED"))
            .after(Map.of("state", "RETURNED"))
            .because(why));
  }

  public boolean mayApprove(long schoolId) {
    return authorization.permits(Action.APPROVE_RESULTS, Target.school(schoolId));
  }

  private Classes.SchoolClass decidable(long schoolId, long classId, int term) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    term(term);
    seals.requireUnsealed(schoolId, c.startYear());
    if (!mayApprove(schoolId)) {
      throw new AccessDeniedException("gradebook.primary.approve");
    }
    boolean submitted =
        states
            .forUpdate(schoolId, classId, term)
            .map(s -> s.state() == ApprovalStates.State.SUBMITTED)
            .orElse(false);
    if (!submitted) {
      throw new UserInputException("period", "gradebook.approval.notSubmitted");
    }
    return c;
  }

  private static void term(int term) {
    if (term != 1 && term != 2) {
      throw new UserInputException("period", "gradebook.approval.period");
    }
  }
}
