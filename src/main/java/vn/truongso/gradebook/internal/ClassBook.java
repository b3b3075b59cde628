package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.Title;
import vn.truongso.assessment.YearResult;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;

/**
 * The homeroom teacher's class book: every subject's results for the class, conduct and absences as
 * entered, the learning level, outcome and title each student's record gives under the circular,
 * the lists the school reports, and what is still missing. Reading only; the homeroom teacher's
 * entries are saved through {@link ConductEntry}.
 */
@Service
public class ClassBook {

  private static final Set<String> COMPULSORY = Set.of("bat_buoc", "hoat_dong_bat_buoc");

  /** What a subject left out of the year (TT58 art. 12) shows instead of its results. */
  public static final String EXEMPT = "MIEN";

  private final ScoreEntry entry;
  private final ScoreCells cells;
  private final HomeroomEntries homeroom;
  private final Classes classes;
  private final Teaching teaching;
  private final Authorization authorization;
  private final ApprovalStates approvals;
  private final ArrangementStore arrangements;

  ClassBook(
      ScoreEntry entry,
      ScoreCells cells,
      HomeroomEntries homeroom,
      Classes classes,
      Teaching teaching,
      Authorization authorization,
      ApprovalStates approvals,
      ArrangementStore arrangements) {
    this.entry = entry;
    this.cells = cells;
    this.homeroom = homeroom;
    this.classes = classes;
    this.teaching = teaching;
    this.authorization = authorization;
    this.approvals = approvals;
    this.arrangements = arrangements;
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
      Map<Integer, ApprovalStates.Status> approval,
      Map<Long, Set<Integer>> rolled) {
    public String subjectName(String code) {
      return subjects.stream()
          .filter(s -> s.code().equals(code))
          .map(SubjectSheet::name)
          .findFirst()
          .orElse(code);
    }

    /**
     * Whether the student's absences of the term come from the daily roll (shown as such, not typed
     * over).
     */
    public boolean rolled(long studentId, int term) {
      return rolled.getOrDefault(studentId, Set.of()).contains(term);
    }

    /** Whether the period's inputs are frozen (submitted or approved): 1 or 2. */
    public boolean frozen(int period) {
      ApprovalStates.Status s = approval.get(period);
      return s != null && s.frozen();
    }

    /** The conduct columns the class's policy asks the homeroom teacher for, by their codes. */
    public List<String> conductColumns() {
      List<Period> periods =
          policy == null ? List.of(Period.HK1, Period.HK2, Period.HE) : policy.conductPeriods();
      return periods.stream().map(Period::name).toList();
    }

    /** Whether a conduct column is frozen by its term's approval; the summer's never is. */
    public boolean conductFrozen(String column) {
      int term = Period.parse(column).map(Period::approvalTerm).orElse(0);
      return term > 0 && frozen(term);
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

  /**
   * The class book as the official books read it: by those who view it, and by the class's subject
   * teachers, who check and sign the printed book (DH-DK: "GVBM và GVCN kiểm tra xong sẽ ký xác
   * nhận vào dưới mỗi trang in có liên quan"). Read only.
   */
  @Transactional(readOnly = true)
  public Book bookToSign(long schoolId, long classId) {
    Classes.SchoolClass c = schoolClass(schoolId, classId);
    boolean teaches =
        authorization.scopesWhere(Action.ENTER_SCORES).stream()
            .anyMatch(t -> Long.valueOf(c.id()).equals(t.classId()));
    if (!entry.mayView(c) && !teaches) {
      throw new AccessDeniedException("gradebook.book");
    }
    return compute(c, false);
  }

  /** The class book as the stored values give it, for whoever computes on the school's behalf. */
  Book compute(Classes.SchoolClass c) {
    return compute(c, false);
  }

  private Book compute(Classes.SchoolClass c, boolean editable) {
    return compute(c, editable, roster(c));
  }

  /**
   * The lines of the students who left the school from the class before its entry day: what the
   * book held for them when they left (their học bạ stops there).
   */
  List<Line> leaverLines(Classes.SchoolClass c, List<People.Student> leavers) {
    return leavers.isEmpty() ? List.of() : compute(c, false, leavers).lines();
  }

  /** Who left the school from the class before its entry day. */
  List<Classes.Leaver> leavers(Classes.SchoolClass c) {
    return classes.leavers(c.schoolId(), c.id(), entry.entryDay(c));
  }

  /**
   * The book with one student's line only (a family's page): the subjects the class's book keeps,
   * that student's marks, conduct and absences.
   */
  Book computeFor(Classes.SchoolClass c, People.Student student) {
    return compute(c, false, List.of(student), student.id());
  }

  private Book compute(Classes.SchoolClass c, boolean editable, List<People.Student> roster) {
    return compute(c, editable, roster, null);
  }

  private Book compute(
      Classes.SchoolClass c, boolean editable, List<People.Student> roster, Long only) {
    long schoolId = c.schoolId();
    long classId = c.id();
    Map<Long, Map<String, Map<Integer, Map<String, ScoreCells.Content>>>> marks = new HashMap<>();
    Set<String> used = new HashSet<>();
    if (only != null) {
      // The subjects the book keeps are the class's, whoever's marks are read.
      used.addAll(cells.subjectsOfClass(schoolId, classId));
    }
    for (ScoreCells.ClassCell cell : cells.cellsOfClass(schoolId, classId, only)) {
      used.add(cell.subject());
      marks
          .computeIfAbsent(cell.studentId(), id -> new HashMap<>())
          .computeIfAbsent(cell.subject(), s -> new HashMap<>())
          .computeIfAbsent(cell.term(), t -> new HashMap<>())
          .put(cell.slot(), cell.content());
    }
    List<SubjectSheet> subjects = subjects(c, used);
    SecondaryPolicy policy = policy(c);
    var conduct = homeroom.conduct(schoolId, classId);
    var absences = homeroom.absences(schoolId, classId);
    ClassBookLines book =
        new ClassBookLines(
            c.grade(),
            policy,
            subjects,
            arrangements.ofClass(c, roster.stream().map(People.Student::id).toList()));
    List<Line> lines = new ArrayList<>();
    for (People.Student s : roster) {
      lines.add(
          book.line(
              s,
              marks.getOrDefault(s.id(), Map.of()),
              conduct.getOrDefault(s.id(), Map.of()),
              absences.getOrDefault(s.id(), Map.of())));
    }
    return book(c, policy, subjects, lines, editable);
  }

  /** The book around its lines: the lists by outcome and title, and how much is missing. */
  private Book book(
      Classes.SchoolClass c,
      SecondaryPolicy policy,
      List<SubjectSheet> subjects,
      List<Line> lines,
      boolean editable) {
    Map<Outcome, List<String>> outcomes = new EnumMap<>(Outcome.class);
    Map<Title, List<String>> titles = new EnumMap<>(Title.class);
    int missingCount = 0;
    for (Line line : lines) {
      missingCount += line.missing().size();
      if (line.year() != null) {
        String name = line.student().name().full();
        outcomes.computeIfAbsent(line.year().outcome(), o -> new ArrayList<>()).add(name);
        if (line.year().title() != null) {
          titles.computeIfAbsent(line.year().title(), t -> new ArrayList<>()).add(name);
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
        approvals.ofClass(c.schoolId(), c.id()),
        homeroom.rolledTerms(c.schoolId(), c.id()));
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

  /** The circular that assesses the class's cohort; none for a level without this book. */
  SecondaryPolicy policy(Classes.SchoolClass c) {
    return BookLevels.keepsSecondaryBook(c)
        ? Policies.secondary(Policies.forCohort(c.grade(), c.startYear()))
        : null;
  }

  boolean mayEdit(Classes.SchoolClass c) {
    return authorization.permits(
        Action.ENTER_CONDUCT, Target.schoolClass(c.schoolId(), c.id()).inYear(c.startYear()));
  }

  Classes.SchoolClass schoolClass(long schoolId, long classId) {
    return entry.schoolClass(schoolId, classId);
  }
}
