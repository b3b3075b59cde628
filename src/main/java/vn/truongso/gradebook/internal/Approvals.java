package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.YearResult;
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
 * Submission and approval of a class's results (DH-SD, KD-CSDL): the homeroom teacher submits a
 * complete term, the principal (or a vice-principal the principal delegated) approves it or returns
 * it with a reason. Submitting freezes the period's inputs; approving stores the results. Re-test
 * scores and the conduct after summer training come afterwards and recompute the stored year.
 */
@Service
public class Approvals {

  private final ClassBook classBook;
  private final ApprovalStates states;
  private final StoredResults stored;
  private final Classes classes;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  Approvals(
      ClassBook classBook,
      ApprovalStates states,
      StoredResults stored,
      Classes classes,
      Authorization authorization,
      AuditLog audit,
      Clock clock,
      YearSeals seals) {
    this.seals = seals;
    this.classBook = classBook;
    this.states = states;
    this.stored = stored;
    this.classes = classes;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  private final YearSeals seals;

  /** A class of the school with its periods' status, for the approver's list. */
  public record ClassRow(
      Classes.SchoolClass schoolClass, Map<Integer, ApprovalStates.Status> states) {}

  @Transactional(readOnly = true)
  public List<ClassRow> school(long schoolId, int startYear) {
    if (!mayApprove(schoolId)) {
      throw new AccessDeniedException("gradebook.approvals");
    }
    List<Classes.SchoolClass> all =
        classes.classes(schoolId, startYear).stream()
            .filter(BookLevels::keepsSecondaryBook)
            .toList();
    var byClass = states.ofSchool(schoolId, all.stream().map(Classes.SchoolClass::id).toList());
    return all.stream().map(c -> new ClassRow(c, byClass.getOrDefault(c.id(), Map.of()))).toList();
  }

  @Transactional
  public void submit(AuthenticatedUser user, long schoolId, long classId, int period) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    period(period);
    seals.requireUnsealed(schoolId, c.startYear());
    if (!classBook.mayEdit(c)) {
      throw new AccessDeniedException("gradebook.submit");
    }
    var now = states.forUpdate(schoolId, classId, period);
    if (now.isPresent() && now.get().frozen()) {
      throw new UserInputException("period", "gradebook.approval.alreadySubmitted");
    }
    if (period == 2
        && !states
            .forUpdate(schoolId, classId, 1)
            .map(s -> s.state() == ApprovalStates.State.APPROVED)
            .orElse(false)) {
      throw new UserInputException("period", "gradebook.approval.term1First");
    }
    long missing =
        classBook.compute(c).lines().stream()
            .flatMap(l -> l.missing().stream())
            .filter(m -> blocks(m, period))
            .count();
    if (missing > 0) {
      throw new UserInputException("period", "gradebook.approval.incomplete", missing);
    }
    Instant at = clock.instant();
    states.submit(schoolId, classId, period, user.accountId(), at);
    audit.record(
        AuditEvent.of(schoolId, "gradebook.results.submit", "result_approval", key(c, period))
            .before(now.map(s -> Map.of("state", s.state().name())).orElse(null))
            .after(Map.of("state", "SUBMITTED")));
  }

  @Transactional
  public void approve(AuthenticatedUser user, long schoolId, long classId, int period) {
    Classes.SchoolClass c = decidable(schoolId, classId, period);
    List<StoredResults.Row> rows = rows(c, period);
    long undecided =
        rows.stream().filter(r -> Outcome.PRINCIPAL_DECIDES.name().equals(r.outcome())).count();
    if (undecided > 0) {
      throw new UserInputException("period", "gradebook.approval.undecided", undecided);
    }
    Instant at = clock.instant();
    states.decide(
        schoolId, classId, period, ApprovalStates.State.APPROVED, user.accountId(), at, null);
    int written = stored.write(rows, at);
    audit.record(
        AuditEvent.of(schoolId, "gradebook.results.approve", "result_approval", key(c, period))
            .before(Map.of("state", "SUBMITTED"))
            .after(Map.of("state", "APPROVED", "results", written)));
  }

  @Transactional
  public void returnToTeacher(
      AuthenticatedUser user, long schoolId, long classId, int period, String note) {
    String why = note == null ? "" : note.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw new UserInputException("note", "gradebook.approval.noteRequired");
    }
    Classes.SchoolClass c = decidable(schoolId, classId, period);
    states.decide(
        schoolId,
        classId,
        period,
        ApprovalStates.State.RETURNED,
        user.accountId(),
        clock.instant(),
        why);
    audit.record(
        AuditEvent.of(schoolId, "gradebook.results.return", "result_approval", key(c, period))
            .before(Map.of("state", "SUBMITTED"))
            .after(Map.of("state", "RETURNED"))
            .because(why));
  }

  /**
   * A re-test score, the conduct after summer training or a corrected mark changed: the stored
   * results of every approved period follow.
   */
  @EventListener
  void onInputsChanged(ResultInputsChanged e) {
    ClassBook.Book book = null;
    for (int period : new int[] {1, 2}) {
      boolean approved =
          states
              .forSave(e.schoolId(), e.classId(), period)
              .map(s -> s.state() == ApprovalStates.State.APPROVED)
              .orElse(false);
      if (!approved) {
        continue;
      }
      Classes.SchoolClass c = classBook.schoolClass(e.schoolId(), e.classId());
      if (book == null) {
        book = classBook.compute(c);
      }
      int changed = stored.write(rows(book, period), clock.instant());
      if (changed > 0) {
        audit.record(
            AuditEvent.of(
                    e.schoolId(), "gradebook.results.recompute", "result_approval", key(c, period))
                .after(Map.of("changed", changed)));
      }
    }
  }

  /** The rows a period stores for each student of the class, from the class book as it stands. */
  List<StoredResults.Row> rows(Classes.SchoolClass c, int period) {
    return rows(classBook.compute(c), period);
  }

  /** The rows of a period from a class book already computed. */
  static List<StoredResults.Row> rows(ClassBook.Book book, int period) {
    List<StoredResults.Row> rows = new ArrayList<>();
    for (ClassBook.Line l : book.lines()) {
      if (period == 1) {
        rows.add(
            row(
                book,
                l,
                1,
                name(l.learningTerm1()),
                l.conduct().get(Period.HK1.name()),
                null,
                null,
                List.of(),
                l.absences().containsKey(1) ? l.absences().get(1).total() : 0));
        continue;
      }
      YearResult y = l.year();
      if (y == null) {
        continue;
      }
      rows.add(
          row(
              book,
              l,
              2,
              name(y.learningAfterRetest() != null ? y.learningAfterRetest() : y.learningYear()),
              name(y.conductAfterSummer() != null ? y.conductAfterSummer() : y.conductYear()),
              y.outcome().name(),
              y.title() == null ? null : y.title().name(),
              y.retestSubjects(),
              l.absentSessions()));
    }
    return rows;
  }

  /** A line's row: whose and under which circular, then what the period gives. */
  private static StoredResults.Row row(
      ClassBook.Book book,
      ClassBook.Line l,
      int period,
      String learning,
      String conduct,
      String outcome,
      String title,
      List<String> retestSubjects,
      int absentSessions) {
    Classes.SchoolClass c = book.schoolClass();
    return new StoredResults.Row(
        c.schoolId(),
        c.id(),
        l.student().id(),
        period,
        book.policy() == null ? null : book.policy().code().name(),
        learning,
        conduct,
        outcome,
        title,
        retestSubjects,
        absentSessions);
  }

  private Classes.SchoolClass decidable(long schoolId, long classId, int period) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    period(period);
    seals.requireUnsealed(schoolId, c.startYear());
    if (!mayApprove(schoolId)) {
      throw new AccessDeniedException("gradebook.approve");
    }
    boolean submitted =
        states
            .forUpdate(schoolId, classId, period)
            .map(s -> s.state() == ApprovalStates.State.SUBMITTED)
            .orElse(false);
    if (!submitted) {
      throw new UserInputException("period", "gradebook.approval.notSubmitted");
    }
    return c;
  }

  public boolean mayApprove(long schoolId) {
    return authorization.permits(Action.APPROVE_RESULTS, Target.school(schoolId));
  }

  /** Term 1 needs its own values; the year needs everything but the summer's re-assessment. */
  private static boolean blocks(ClassBook.Missing m, int period) {
    if (period == 2) {
      return !m.key().equals("gradebook.missing.summer");
    }
    return m.key().equals("gradebook.missing.conduct.HK1")
        || (m.key().equals("gradebook.missing.subject") && Integer.valueOf(1).equals(m.term()));
  }

  private static void period(int period) {
    if (period != 1 && period != 2) {
      throw new UserInputException("period", "gradebook.approval.period");
    }
  }

  private static String key(Classes.SchoolClass c, int period) {
    return c.id() + "/" + period;
  }

  private static String name(Level l) {
    return l == null ? null : l.name();
  }
}
