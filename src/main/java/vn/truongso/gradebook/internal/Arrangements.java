package vn.truongso.gradebook.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.UserInputException;

/**
 * How some students of a class are assessed differently in the year: exemptions recorded by the
 * homeroom teacher from the medical record (TT22 art. 10; TT58 art. 12), individual education plans
 * of students with disabilities (TT22 art. 11), and the principal's promotion decision for them
 * (art. 12.4). Kept per student and school year, so that they follow a student who changes class.
 */
@Service
public class Arrangements {

  /** The only subjects whose practical part TT22 art. 10 exempts. */
  static final Set<String> PRACTICAL = Set.of("giao_duc_the_chat", "giao_duc_quoc_phong_an_ninh");

  private final JdbcClient jdbc;
  private final ArrangementStore store;
  private final ClassBook classBook;
  private final ApprovalStates approvals;
  private final Approvals approvalFlow;
  private final AuditLog audit;
  private final java.time.Clock clock;

  Arrangements(
      JdbcClient jdbc,
      ArrangementStore store,
      ClassBook classBook,
      ApprovalStates approvals,
      Approvals approvalFlow,
      AuditLog audit,
      java.time.Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.classBook = classBook;
    this.approvals = approvals;
    this.approvalFlow = approvalFlow;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The page of a class's arrangements: the class book (each line carries its exemptions and plan),
   * the subjects an exemption may name, and whether the viewer records or decides.
   */
  public record View(
      ClassBook.Book book,
      List<SubjectSheet> exemptable,
      Map<String, String> names,
      boolean mayEdit,
      boolean mayDecide) {
    public boolean anyExemption() {
      return book.lines().stream().anyMatch(l -> !l.exemptions().isEmpty());
    }
  }

  @Transactional(readOnly = true)
  public View view(long schoolId, long classId) {
    ClassBook.Book book = classBook.book(schoolId, classId);
    Classes.SchoolClass c = book.schoolClass();
    if (book.policy() == null) {
      throw new UserInputException("class", "gradebook.arrangements.secondaryOnly");
    }
    List<SubjectSheet> all = classBook.subjects(c);
    Map<String, String> names = new LinkedHashMap<>();
    all.forEach(s -> names.put(s.code(), s.name()));
    List<SubjectSheet> exemptable =
        all.stream()
            .filter(s -> !book.policy().countsExemptSubjects() || PRACTICAL.contains(s.code()))
            .toList();
    return new View(
        book, exemptable, names, classBook.mayEdit(c), approvalFlow.mayApprove(schoolId));
  }

  /**
   * Records (or, with blank {@code terms}, removes) a student's exemption from a subject. Refused
   * where the circular allows none and once a period it touches has been submitted.
   */
  @Transactional
  public void setExemption(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      long studentId,
      String subject,
      String terms,
      String basis) {
    Classes.SchoolClass c = editable(schoolId, classId, studentId);
    SecondaryPolicy policy = classBook.policy(c);
    String t = terms == null ? "" : terms.strip();
    String why = basis == null ? "" : basis.strip();
    ArrangementStore.Exemption was =
        store.ofClass(c, List.of(studentId)).exemption(studentId, subject);
    if (!t.isEmpty()) {
      checkExemption(c, policy, subject, t, why);
    } else if (was == null) {
      return;
    }
    refuseIfSubmitted(schoolId, classId, t, was == null ? "" : was.terms());
    Instant now = clock.instant();
    if (t.isEmpty()) {
      jdbc.sql(
              "DELETE FROM subject_exemption WHERE school_id = ? AND student_id = ?"
                  + " AND start_year = ? AND subject_code = ?")
          .params(schoolId, studentId, c.startYear(), subject)
          .update();
    } else {
      jdbc.sql(
              "INSERT INTO subject_exemption (school_id, student_id, start_year, subject_code,"
                  + " terms, basis, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (school_id, student_id, start_year, subject_code) DO UPDATE"
                  + " SET terms = excluded.terms, basis = excluded.basis,"
                  + " decided_by = excluded.decided_by, decided_at = excluded.decided_at")
          .params(schoolId, studentId, c.startYear(), subject, t, why, user.accountId(), ts(now))
          .update();
    }
    audit.record(
        AuditEvent.of(
                schoolId,
                "gradebook.exemption.set",
                "subject_exemption",
                studentId + "/" + c.startYear() + "/" + subject)
            .before(was == null ? null : Map.of("terms", was.terms()))
            .after(t.isEmpty() ? null : Map.of("terms", t))
            .because(t.isEmpty() ? null : why));
  }

  /** An exemption the circular allows, on a subject the class is taught, with its basis. */
  private void checkExemption(
      Classes.SchoolClass c, SecondaryPolicy policy, String subject, String terms, String why) {
    if (Period.parse(terms).filter(p -> !p.summer()).isEmpty()) {
      throw new UserInputException("terms", "gradebook.exemption.terms");
    }
    if (classBook.subjects(c).stream().noneMatch(s -> s.code().equals(subject))) {
      throw new UserInputException("subject", "gradebook.exemption.subject");
    }
    if (policy.code() == PolicyCode.TT22_2021 && !PRACTICAL.contains(subject)) {
      throw new UserInputException("subject", "gradebook.exemption.tt22PracticalOnly");
    }
    // TT58 art. 12 uses the other term's result after a one-term exemption; the policy keeps
    // only the whole-year case, so a one-term exemption is refused rather than computed wrong.
    if (policy.code() == PolicyCode.TT58_2011 && !terms.equals(Period.CN.name())) {
      throw new UserInputException("terms", "gradebook.exemption.tt58WholeYear");
    }
    if (why.isEmpty() || why.length() > 500) {
      throw new UserInputException("basis", "gradebook.exemption.basis");
    }
  }

  /** Neither the terms asked for nor those recorded may lie in a submitted period. */
  private void refuseIfSubmitted(long schoolId, long classId, String asked, String recorded) {
    for (String touched : new String[] {asked, recorded}) {
      for (int period : periodsOf(touched)) {
        if (approvals.frozenForSave(schoolId, classId, period)) {
          throw new UserInputException("terms", "gradebook.frozen.arrangement");
        }
      }
    }
  }

  /**
   * Records (or, with {@code on} false, removes) that a student is assessed on an individual
   * education plan; refused once the year has been submitted.
   */
  @Transactional
  public void setPlan(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      long studentId,
      boolean on,
      String basis) {
    Classes.SchoolClass c = editable(schoolId, classId, studentId);
    String why = basis == null ? "" : basis.strip();
    ArrangementStore.Plan was = store.ofClass(c, List.of(studentId)).plan(studentId);
    if (on == (was != null) && (!on || why.equals(was.basis()))) {
      return;
    }
    if (on && (why.isEmpty() || why.length() > 500)) {
      throw new UserInputException("basis", "gradebook.plan.basis");
    }
    if (approvals.frozenForSave(schoolId, classId, 2)) {
      throw new UserInputException("plan", "gradebook.frozen.arrangement");
    }
    Instant now = clock.instant();
    if (on) {
      jdbc.sql(
              "INSERT INTO individual_plan (school_id, student_id, start_year, basis, decided_by,"
                  + " decided_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (school_id, student_id,"
                  + " start_year) DO UPDATE SET basis = excluded.basis,"
                  + " decided_by = excluded.decided_by, decided_at = excluded.decided_at")
          .params(schoolId, studentId, c.startYear(), why, user.accountId(), ts(now))
          .update();
    } else {
      jdbc.sql(
              "DELETE FROM individual_plan WHERE school_id = ? AND student_id = ?"
                  + " AND start_year = ?")
          .params(schoolId, studentId, c.startYear())
          .update();
    }
    audit.record(
        AuditEvent.of(
                schoolId, "gradebook.plan.set", "individual_plan", studentId + "/" + c.startYear())
            .before(was == null ? null : Map.of("plan", true))
            .after(on ? Map.of("plan", true) : null)
            .because(on ? why : null));
  }

  /**
   * The principal's (or the delegated approver's) promotion decision for a student on an individual
   * plan (TT22 art. 12.4), given before the year is approved.
   */
  @Transactional
  public void decidePromotion(
      AuthenticatedUser user, long schoolId, long classId, long studentId, String decision) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    if (!approvalFlow.mayApprove(schoolId)) {
      throw new AccessDeniedException("gradebook.plan.decide");
    }
    Outcome o;
    try {
      o = Outcome.valueOf(decision == null ? "" : decision.strip());
    } catch (IllegalArgumentException e) {
      o = null;
    }
    if (o != Outcome.PROMOTED && o != Outcome.RETAINED) {
      throw new UserInputException("promotion", "gradebook.plan.decision");
    }
    if (approvals.approvedForSave(schoolId, classId, 2)) {
      throw new UserInputException("promotion", "gradebook.frozen.arrangement");
    }
    ArrangementStore.Plan was =
        inClass(c, studentId) ? store.ofClass(c, List.of(studentId)).plan(studentId) : null;
    if (was == null) {
      throw new UserInputException("promotion", "gradebook.plan.none");
    }
    if (o == was.promotion()) {
      return;
    }
    jdbc.sql(
            "UPDATE individual_plan SET promotion = ?, promotion_by = ?, promotion_at = ?"
                + " WHERE school_id = ? AND student_id = ? AND start_year = ?")
        .params(o.name(), user.accountId(), ts(clock.instant()), schoolId, studentId, c.startYear())
        .update();
    audit.record(
        AuditEvent.of(
                schoolId,
                "gradebook.plan.promotion",
                "individual_plan",
                studentId + "/" + c.startYear())
            .before(was.promotion() == null ? null : Map.of("promotion", was.promotion().name()))
            .after(Map.of("promotion", o.name())));
  }

  private Classes.SchoolClass editable(long schoolId, long classId, long studentId) {
    Classes.SchoolClass c = classBook.schoolClass(schoolId, classId);
    if (!classBook.mayEdit(c)) {
      throw new AccessDeniedException("gradebook.arrangements");
    }
    if (classBook.policy(c) == null) {
      throw new UserInputException("class", "gradebook.arrangements.secondaryOnly");
    }
    if (!inClass(c, studentId)) {
      throw new UserInputException("student", "gradebook.student.notInClass");
    }
    return c;
  }

  private boolean inClass(Classes.SchoolClass c, long studentId) {
    return classBook.roster(c).stream().anyMatch(s -> s.id() == studentId);
  }

  private static int[] periodsOf(String terms) {
    return Period.parse(terms)
        .map(p -> IntStream.rangeClosed(1, 2).filter(p::covers).toArray())
        .orElse(new int[0]);
  }

  private static OffsetDateTime ts(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
