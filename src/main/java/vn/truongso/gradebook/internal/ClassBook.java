package vn.truongso.gradebook.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.ConductRecord;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.YearResult;
import vn.truongso.control.EntryGate;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * The homeroom teacher's class book: every subject's results for the class, conduct and absences as
 * entered, the learning level, outcome and title each student's record gives under the circular,
 * the lists the school reports, and what is still missing.
 */
@Service
public class ClassBook {

  private static final Set<String> COMPULSORY = Set.of("bat_buoc", "hoat_dong_bat_buoc");

  private final ScoreEntry entry;
  private final ScoreCells cells;
  private final HomeroomEntries homeroom;
  private final Classes classes;
  private final Teaching teaching;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;
  private final ApprovalStates approvals;
  private final ApplicationEventPublisher events;
  private final ArrangementStore arrangements;
  private final EntryGate gate;

  /** What a subject left out of the year (TT58 art. 12) shows instead of its results. */
  public static final String EXEMPT = "MIEN";

  ClassBook(
      ScoreEntry entry,
      ScoreCells cells,
      HomeroomEntries homeroom,
      Classes classes,
      Teaching teaching,
      Authorization authorization,
      AuditLog audit,
      Clock clock,
      ApprovalStates approvals,
      ApplicationEventPublisher events,
      ArrangementStore arrangements,
      EntryGate gate) {
    this.gate = gate;
    this.arrangements = arrangements;
    this.approvals = approvals;
    this.events = events;
    this.entry = entry;
    this.cells = cells;
    this.homeroom = homeroom;
    this.classes = classes;
    this.teaching = teaching;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  public record Book(
      Classes.SchoolClass schoolClass,
      SecondaryPolicy policy,
      List<SubjectSheet> subjects,
      List<Line> lines,
      boolean editable,
      Map<Outcome, List<String>> outcomes,
      Map<Title, List<String>> titles,
      int missingCount,
      Map<Integer, ApprovalStates.Status> approval) {
    public String subjectName(String code) {
      return subjects.stream()
          .filter(s -> s.code().equals(code))
          .map(SubjectSheet::name)
          .findFirst()
          .orElse(code);
    }

    /** Whether the period's inputs are frozen (submitted or approved): 1 or 2. */
    public boolean frozen(int period) {
      ApprovalStates.Status s = approval.get(period);
      return s != null && s.frozen();
    }
  }

  /** One student's line: per subject the term and year values as the book prints them. */
  public record Line(
      People.Student student,
      List<SubjectValues> subjects,
      Map<String, String> conduct,
      Map<String, String> conductComment,
      Map<Integer, HomeroomEntries.Absences> absences,
      Level learningTerm1,
      Level learningTerm2,
      YearResult year,
      List<Missing> missing,
      Map<String, ArrangementStore.Exemption> exemptions,
      ArrangementStore.Plan plan) {
    public int absentSessions() {
      return absences.values().stream().mapToInt(HomeroomEntries.Absences::total).sum();
    }
  }

  public record SubjectValues(String code, Object term1, Object term2, Object year) {}

  /** Something the book still lacks: a subject's term result or a term's conduct. */
  public record Missing(String key, String subject, Integer term) {}

  @Transactional(readOnly = true)
  public Book book(long schoolId, long classId) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    if (!entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.book");
    }
    return compute(c, mayEdit(c));
  }

  /** The class book as the stored values give it, for whoever computes on the school's behalf. */
  Book compute(Classes.SchoolClass c) {
    return compute(c, false);
  }

  private Book compute(Classes.SchoolClass c, boolean editable) {
    long schoolId = c.schoolId();
    long classId = c.id();
    Map<Long, Map<String, Map<Integer, Map<String, ScoreCells.Content>>>> marks = new HashMap<>();
    Set<String> used = new java.util.HashSet<>();
    for (ScoreCells.ClassCell cell : cells.cellsOfClass(schoolId, classId)) {
      used.add(cell.subject());
      marks
          .computeIfAbsent(cell.studentId(), id -> new HashMap<>())
          .computeIfAbsent(cell.subject(), s -> new HashMap<>())
          .computeIfAbsent(cell.term(), t -> new HashMap<>())
          .put(cell.slot(), cell.content());
    }
    List<SubjectSheet> subjects = subjects(c, used);
    SecondaryPolicy policy = policyOf(c);
    var conduct = homeroom.conduct(schoolId, classId);
    var absences = homeroom.absences(schoolId, classId);
    List<People.Student> roster = roster(c);
    ArrangementStore.OfYear arranged =
        arrangements.ofClass(c, roster.stream().map(People.Student::id).toList());
    List<Line> lines = new ArrayList<>();
    Map<Outcome, List<String>> outcomes = new EnumMap<>(Outcome.class);
    Map<Title, List<String>> titles = new EnumMap<>(Title.class);
    int missingCount = 0;
    for (People.Student s : roster) {
      Line line =
          line(
              c,
              policy,
              subjects,
              s,
              marks.getOrDefault(s.id(), Map.of()),
              conduct.getOrDefault(s.id(), Map.of()),
              absences.getOrDefault(s.id(), Map.of()),
              arranged);
      lines.add(line);
      missingCount += line.missing().size();
      if (line.year() != null) {
        outcomes
            .computeIfAbsent(line.year().outcome(), o -> new ArrayList<>())
            .add(s.name().full());
        if (line.year().title() != null) {
          titles.computeIfAbsent(line.year().title(), t -> new ArrayList<>()).add(s.name().full());
        }
      }
    }
    return new Book(
        c,
        policy,
        subjects,
        lines,
        editable,
        outcomes,
        titles,
        missingCount,
        approvals.ofClass(schoolId, classId));
  }

  /**
   * The subjects the book keeps: the compulsory ones and the electives in use ({@code used} null:
   * every subject of the grade's programme).
   */
  private List<SubjectSheet> subjects(Classes.SchoolClass c, Set<String> used) {
    List<SubjectSheet> subjects = new ArrayList<>();
    for (Teaching.ProgrammeSubject p : teaching.subjects(c.grade())) {
      boolean counts = used == null || COMPULSORY.contains(p.category()) || used.contains(p.code());
      if (counts && p.assessmentMode().startsWith("nhan_xet")) {
        subjects.add(entry.subject(c, p.code()));
      }
    }
    return subjects;
  }

  /** Every assessed subject of the class's grade. */
  List<SubjectSheet> subjects(Classes.SchoolClass c) {
    return subjects(c, null);
  }

  List<People.Student> roster(Classes.SchoolClass c) {
    return classes.roster(c.schoolId(), c.id(), entry.entryDay(c));
  }

  private Line line(
      Classes.SchoolClass c,
      SecondaryPolicy policy,
      List<SubjectSheet> subjects,
      People.Student s,
      Map<String, Map<Integer, Map<String, ScoreCells.Content>>> marks,
      Map<String, HomeroomEntries.Conduct> conduct,
      Map<Integer, HomeroomEntries.Absences> absences,
      ArrangementStore.OfYear arranged) {
    Map<String, ArrangementStore.Exemption> exemptions = new LinkedHashMap<>();
    ArrangementStore.Plan plan = arranged.plan(s.id());
    List<SubjectRecord> records = new ArrayList<>();
    List<SubjectValues> values = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    for (SubjectSheet sheet : subjects) {
      var terms = marks.getOrDefault(sheet.code(), Map.of());
      ArrangementStore.Exemption exemption = arranged.exemption(s.id(), sheet.code());
      if (exemption != null) {
        exemptions.put(sheet.code(), exemption);
      }
      if (exemption != null && policy != null && !policy.countsExemptSubjects()) {
        // Left out of the year: no marks are asked for and none count (TT58 art. 12).
        values.add(new SubjectValues(sheet.code(), EXEMPT, EXEMPT, EXEMPT));
        records.add(
            new SubjectRecord(
                sheet.code(),
                sheet.kind(),
                sheet.periodsPerYear(),
                true,
                sheet.marks(Map.of()),
                sheet.marks(Map.of()),
                null));
        continue;
      }
      Map<String, ScoreCells.Content> t1 = terms.getOrDefault(1, Map.of());
      Map<String, ScoreCells.Content> t2 = terms.getOrDefault(2, Map.of());
      Object r1 = sheet.termResult(t1);
      Object r2 = sheet.termResult(t2);
      Object year = null;
      if (r1 != null && r2 != null) {
        year =
            sheet.kind() == SubjectKind.SCORE
                ? policy.yearAverage((BigDecimal) r1, (BigDecimal) r2)
                : policy.yearComment((Comment) r1, (Comment) r2);
      }
      for (int t = 1; t <= 2; t++) {
        if ((t == 1 ? r1 : r2) == null) {
          missing.add(new Missing("gradebook.missing.subject", sheet.name(), t));
        }
      }
      values.add(new SubjectValues(sheet.code(), r1, r2, year));
      ScoreCells.Content retest = t2.get("RETEST");
      Mark retestMark = retest == null ? null : retest.mark();
      records.add(
          new SubjectRecord(
              sheet.code(),
              sheet.kind(),
              sheet.periodsPerYear(),
              exemption != null,
              sheet.marks(t1),
              sheet.marks(t2),
              retestMark));
    }
    Map<String, String> levels = new LinkedHashMap<>();
    Map<String, String> comments = new LinkedHashMap<>();
    conduct.forEach(
        (period, entryOf) -> {
          levels.put(period, entryOf.level());
          comments.put(period, entryOf.comment());
        });
    for (String period :
        policy != null && policy.conductYearGiven()
            ? List.of("HK1", "HK2", "CN")
            : List.of("HK1", "HK2")) {
      if (!levels.containsKey(period)) {
        missing.add(new Missing("gradebook.missing.conduct." + period, null, null));
      }
    }
    Level term1 = null;
    Level term2 = null;
    YearResult year = null;
    if (policy != null) {
      PolicyOptions options = PolicyOptions.defaults();
      term1 = policy.termLearning(records, 1, options);
      term2 = policy.termLearning(records, 2, options);
      int absent = absences.values().stream().mapToInt(HomeroomEntries.Absences::total).sum();
      StudentYear record =
          new StudentYear(
              c.grade(),
              records,
              new ConductRecord(
                  level(levels.get("HK1")),
                  level(levels.get("HK2")),
                  policy.conductYearGiven() ? level(levels.get("CN")) : null,
                  level(levels.get("HE"))),
              absent,
              plan != null);
      if (missing.isEmpty() && policy.check(record).isEmpty()) {
        try {
          year = decided(policy.evaluate(record, options), plan);
        } catch (InvalidRecordException e) {
          missing.add(new Missing("gradebook.missing.summer", null, null));
        }
      }
    }
    return new Line(
        s, values, levels, comments, absences, term1, term2, year, missing, exemptions, plan);
  }

  /** The principal's decision, once given, is the outcome of a student on an individual plan. */
  private static YearResult decided(YearResult y, ArrangementStore.Plan plan) {
    if (plan == null || plan.promotion() == null || y.outcome() != Outcome.PRINCIPAL_DECIDES) {
      return y;
    }
    return new YearResult(
        y.policy(),
        y.subjects(),
        y.learningTerm1(),
        y.learningTerm2(),
        y.learningYear(),
        y.learningAfterRetest(),
        y.conductYear(),
        y.conductAfterSummer(),
        plan.promotion(),
        y.retestSubjects(),
        y.title(),
        y.overallTerm1(),
        y.overallTerm2(),
        y.overallYear(),
        y.findings());
  }

  /** One student's conduct and absences as the form sends them; blank levels clear the entry. */
  public record Entry(
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

  /**
   * Saves the homeroom teacher's entries for the whole class at once: every value checked first,
   * nothing written if any is wrong, each change logged.
   */
  @Transactional
  public void save(AuthenticatedUser user, long schoolId, long classId, Map<Long, Entry> entries) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    if (!mayEdit(c)) {
      throw new AccessDeniedException("gradebook.conduct");
    }
    // What was stored, to log only what changes; the results need not be computed for that.
    SecondaryPolicy policy = policyOf(c);
    Set<Long> inClass = new java.util.HashSet<>();
    classes.roster(schoolId, classId, entry.entryDay(c)).forEach(s -> inClass.add(s.id()));
    var storedConduct = homeroom.conduct(schoolId, classId);
    var storedAbsences = homeroom.absences(schoolId, classId);
    boolean[] frozen = {
      false,
      approvals.frozenForSave(schoolId, classId, 1),
      approvals.frozenForSave(schoolId, classId, 2)
    };
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Map<Long, Map<String, HomeroomEntries.Conduct>> conduct = new LinkedHashMap<>();
    Map<Long, Map<Integer, HomeroomEntries.Absences>> absences = new LinkedHashMap<>();
    for (var e : entries.entrySet()) {
      long id = e.getKey();
      if (!inClass.contains(id)) {
        errors.add("student-" + id, "gradebook.student.notInClass");
        continue;
      }
      Entry in = e.getValue();
      // A field the form did not send (disabled: a frozen period) keeps what is stored.
      var keptConduct = storedConduct.getOrDefault(id, Map.of());
      var keptAbsences = storedAbsences.getOrDefault(id, Map.of());
      Map<String, HomeroomEntries.Conduct> levels = new LinkedHashMap<>();
      levels.put(
          "HK1",
          in.hk1() == null
              ? keptConduct.get("HK1")
              : conduct(policy, in.hk1(), in.comment1(), "HK1-" + id, errors));
      levels.put(
          "HK2",
          in.hk2() == null
              ? keptConduct.get("HK2")
              : conduct(policy, in.hk2(), in.comment2(), "HK2-" + id, errors));
      if (policy != null && policy.conductYearGiven()) {
        levels.put(
            "CN",
            in.cn() == null
                ? keptConduct.get("CN")
                : conduct(policy, in.cn(), null, "CN-" + id, errors));
      }
      levels.put(
          "HE",
          in.he() == null
              ? keptConduct.get("HE")
              : conduct(policy, in.he(), null, "HE-" + id, errors));
      conduct.put(id, levels);
      Map<Integer, HomeroomEntries.Absences> a = new LinkedHashMap<>();
      a.put(
          1,
          in.absent1Excused() == null && in.absent1Unexcused() == null
              ? keptAbsences.getOrDefault(1, new HomeroomEntries.Absences(0, 0))
              : absences(in.absent1Excused(), in.absent1Unexcused(), "absent1-" + id, errors));
      a.put(
          2,
          in.absent2Excused() == null && in.absent2Unexcused() == null
              ? keptAbsences.getOrDefault(2, new HomeroomEntries.Absences(0, 0))
              : absences(in.absent2Excused(), in.absent2Unexcused(), "absent2-" + id, errors));
      absences.put(id, a);
    }
    // Locks, the cut-off and the summer's date close the homeroom teacher's columns as well.
    Map<String, EntryGate.Verdict> gates = new HashMap<>();
    for (String period : List.of("HK1", "HK2", "HE")) {
      gates.put(
          period,
          gate.verdictForSave(
              new EntryGate.Cell(
                  schoolId,
                  c.startYear(),
                  period.equals("HK1") ? 1 : 2,
                  c.grade(),
                  classId,
                  null,
                  period.equals("HE") ? "HE" : null),
              0));
    }
    // A frozen or closed period's values may be sent back unchanged (the form holds every field),
    // not changed.
    for (var e : conduct.entrySet()) {
      var old = storedConduct.getOrDefault(e.getKey(), Map.of());
      for (var p : e.getValue().entrySet()) {
        if (sameConduct(p.getValue(), old.get(p.getKey()))) {
          continue;
        }
        String field = p.getKey() + "-" + e.getKey();
        int period = PERIOD_OF.get(p.getKey());
        if (period > 0 && frozen[period]) {
          errors.add(field, "gradebook.frozen.field");
        }
        EntryGate.Verdict v = gates.get(p.getKey().equals("CN") ? "HK2" : p.getKey());
        if (!v.open()) {
          UserInputException refused = EntryGate.refusal(v);
          errors.add(field, refused.messageKey(), refused.args());
        }
      }
    }
    for (var e : absences.entrySet()) {
      var old = storedAbsences.getOrDefault(e.getKey(), Map.of());
      for (var t : e.getValue().entrySet()) {
        if (t.getValue() == null
            || t.getValue()
                .equals(old.getOrDefault(t.getKey(), new HomeroomEntries.Absences(0, 0)))) {
          continue;
        }
        String field = "absent" + t.getKey() + "-" + e.getKey();
        EntryGate.Verdict v = gates.get(t.getKey() == 1 ? "HK1" : "HK2");
        if (!v.open()) {
          UserInputException refused = EntryGate.refusal(v);
          errors.add(field, refused.messageKey(), refused.args());
        }
        if (frozen[t.getKey()]) {
          errors.add(field, "gradebook.frozen.field");
        }
      }
    }
    errors.throwIfAny();
    var now = clock.instant();
    boolean summerChanged = false;
    for (var e : conduct.entrySet()) {
      var old = storedConduct.getOrDefault(e.getKey(), Map.of());
      for (var p : e.getValue().entrySet()) {
        HomeroomEntries.Conduct now1 = p.getValue();
        HomeroomEntries.Conduct was = old.get(p.getKey());
        String oldLevel = was == null ? null : was.level();
        if (sameConduct(now1, was)) {
          continue;
        }
        summerChanged |= p.getKey().equals("HE");
        homeroom.setConduct(schoolId, classId, e.getKey(), p.getKey(), now1, now, user.accountId());
        audit.record(
            AuditEvent.of(
                    schoolId,
                    "gradebook.conduct.set",
                    "conduct_entry",
                    classId + "/" + e.getKey() + "/" + p.getKey())
                .before(oldLevel == null ? null : Map.of("level", oldLevel))
                .after(now1 == null ? null : Map.of("level", now1.level())));
      }
    }
    for (var e : absences.entrySet()) {
      var old = storedAbsences.getOrDefault(e.getKey(), Map.of());
      for (var t : e.getValue().entrySet()) {
        HomeroomEntries.Absences was =
            old.getOrDefault(t.getKey(), new HomeroomEntries.Absences(0, 0));
        if (was.equals(t.getValue())) {
          continue;
        }
        homeroom.setAbsences(
            schoolId, classId, e.getKey(), t.getKey(), t.getValue(), now, user.accountId());
        audit.record(
            AuditEvent.of(
                    schoolId,
                    "gradebook.absence.set",
                    "absence_entry",
                    classId + "/" + e.getKey() + "/" + t.getKey())
                .before(was)
                .after(t.getValue()));
      }
    }
    if (summerChanged) {
      events.publishEvent(new ResultInputsChanged(schoolId, classId));
    }
  }

  /** Which approval period freezes a conduct entry; 0 for the summer's, which comes afterwards. */
  private static final Map<String, Integer> PERIOD_OF =
      Map.of("HK1", 1, "HK2", 2, "CN", 2, "HE", 0);

  private static boolean sameConduct(HomeroomEntries.Conduct now, HomeroomEntries.Conduct was) {
    if (now == null) {
      return was == null;
    }
    return was != null
        && now.level().equals(was.level())
        && java.util.Objects.equals(now.comment(), was.comment());
  }

  private static HomeroomEntries.Conduct conduct(
      SecondaryPolicy policy,
      String level,
      String comment,
      String field,
      InvalidInput.Collector errors) {
    if (level == null || level.isBlank()) {
      return null;
    }
    Level l = level(level.strip());
    if (l == null || policy == null || !policy.conductScale().contains(l)) {
      errors.add(field, "gradebook.conduct.level");
      return null;
    }
    String c = comment == null || comment.isBlank() ? null : comment.strip();
    if (c != null && c.length() > 500) {
      errors.add(field, "gradebook.conduct.commentLength");
      return null;
    }
    return new HomeroomEntries.Conduct(l.name(), c);
  }

  private static HomeroomEntries.Absences absences(
      String excused, String unexcused, String field, InvalidInput.Collector errors) {
    Integer e = count(excused);
    Integer u = count(unexcused);
    if (e == null || u == null) {
      errors.add(field, "gradebook.absences.count");
      return null;
    }
    return new HomeroomEntries.Absences(e, u);
  }

  /** A count of absent sessions as typed (blank: 0); null when not a number from 0 to 200. */
  static Integer count(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return 0;
    }
    if (!t.matches("\\d{1,3}")) {
      return null;
    }
    int n = Integer.parseInt(t);
    return n <= 200 ? n : null;
  }

  static Level level(String code) {
    if (code == null) {
      return null;
    }
    try {
      return Level.valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The circular that assesses the class's cohort; none for primary grades. */
  SecondaryPolicy policy(Classes.SchoolClass c) {
    return policyOf(c);
  }

  private static SecondaryPolicy policyOf(Classes.SchoolClass c) {
    return c.grade() < 6
        ? null
        : vn.truongso.assessment.Policies.secondary(
            vn.truongso.assessment.Policies.forCohort(c.grade(), c.startYear()));
  }

  boolean mayEdit(Classes.SchoolClass c) {
    return authorization.permits(
        Action.ENTER_CONDUCT, Target.schoolClass(c.schoolId(), c.id()).inYear(c.startYear()));
  }

  Classes.SchoolClass schoolClass(long schoolId, long classId) {
    return entry.schoolClass(schoolId, classId);
  }
}
