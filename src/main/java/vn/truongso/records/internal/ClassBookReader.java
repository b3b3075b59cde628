package vn.truongso.records.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.ClassYears;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.ClassBookModel.Change;
import vn.truongso.records.internal.ClassBookModel.Day;
import vn.truongso.records.internal.ClassBookModel.Month;
import vn.truongso.records.internal.ClassBookModel.Parent;
import vn.truongso.records.internal.ClassBookModel.StudentRow;
import vn.truongso.records.internal.ClassBookModel.SubjectPage;
import vn.truongso.records.internal.ClassBookModel.TeacherLine;
import vn.truongso.records.internal.ClassBookPages.Numbered;

/**
 * A class's book for printing, at any point of the year, for whoever keeps the class's books (the
 * same right as the học bạ: {@link HocBaRecords#mayKeep}). The students' details are the ones the
 * học bạ prints ({@link HocBaRecords#details}); marks, results and absences come from the class
 * book through {@link ClassYears}.
 */
@Service
public class ClassBookReader {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Set<String> CHANGES =
      Set.of("TRANSFER_IN", "CLASS_CHANGE", "RETURN", "TRANSFER_OUT", "DROP_OUT");

  private final ClassYears years;
  private final HocBaRecords records;
  private final Teaching teaching;
  private final Classes classes;
  private final Organisation org;
  private final MarkHistory history;
  private final java.time.Clock clock;
  private final vn.truongso.platform.Authorization authorization;

  ClassBookReader(
      ClassYears years,
      HocBaRecords records,
      Teaching teaching,
      Classes classes,
      Organisation org,
      MarkHistory history,
      java.time.Clock clock,
      vn.truongso.platform.Authorization authorization) {
    this.authorization = authorization;
    this.years = years;
    this.records = records;
    this.teaching = teaching;
    this.classes = classes;
    this.org = org;
    this.history = history;
    this.clock = clock;
  }

  /**
   * @throws AccessDeniedException when the user keeps no book of the class
   * @throws UserInputException {@code records.classbook.noPolicy} for a class no secondary circular
   *     assesses (it keeps no such book)
   */
  @Transactional(readOnly = true, noRollbackFor = UserInputException.class)
  public ClassBookModel read(long schoolId, long classId) {
    if (!records.mayKeep(schoolId, classId)) {
      throw new AccessDeniedException("records.classbook");
    }
    return model(schoolId, classId);
  }

  /**
   * The book as its signers read it: those who keep it, and the class's subject teachers, who check
   * and sign the printed book (DH-DK).
   */
  @Transactional(readOnly = true, noRollbackFor = UserInputException.class)
  public ClassBookModel readToSign(long schoolId, long classId) {
    boolean teaches =
        authorization.scopesWhere(vn.truongso.platform.Action.ENTER_SCORES).stream()
            .anyMatch(
                t ->
                    Long.valueOf(schoolId).equals(t.schoolId())
                        && Long.valueOf(classId).equals(t.classId()));
    if (!teaches && !records.mayKeep(schoolId, classId)) {
      throw new AccessDeniedException("records.classbook");
    }
    return model(schoolId, classId);
  }

  private ClassBookModel model(long schoolId, long classId) {
    ClassYears.ClassYear y = years.of(schoolId, classId);
    if (y.policy() == null) {
      throw new UserInputException("class", "records.classbook.noPolicy");
    }
    ClassYears.Sheets sheets = years.sheets(schoolId, classId);
    School school = org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    Map<Long, HocBaRecords.StudentDetails> details =
        records.details(
            schoolId, y.students().stream().map(ClassYears.StudentYear::studentId).toList());
    List<Numbered> roster = new ArrayList<>();
    List<StudentRow> students = new ArrayList<>();
    for (ClassYears.StudentYear s : y.students()) {
      HocBaRecords.StudentDetails d = details.get(s.studentId());
      if (d != null) {
        roster.add(new Numbered(roster.size() + 1, d.student().name().full(), s));
        students.add(student(schoolId, classId, y.startYear(), roster.size(), d));
      }
    }
    Map<String, Map<Integer, Set<String>>> taught = teachers(schoolId, classId);
    ClassBookPages pages =
        new ClassBookPages(
            y,
            sheets,
            roster,
            history.changes(schoolId, y.startYear(), java.time.Instant.EPOCH, clock.instant()));
    List<ClassBookModel.Term> terms = new ArrayList<>();
    for (int term = 1; term <= 2; term++) {
      List<SubjectPage> subjects = new ArrayList<>();
      for (ClassYears.Subject s : y.subjects()) {
        Set<String> names = taught.getOrDefault(s.code(), Map.of()).get(term);
        subjects.add(pages.subject(s, term, names == null ? null : String.join(", ", names)));
      }
      terms.add(new ClassBookModel.Term(term, subjects, pages.summary(term)));
    }
    var absences = pages.absences();
    return new ClassBookModel(
        head(school, y, roster.size()),
        teacherLines(y, taught),
        students,
        months(schoolId, y.startYear()),
        absences,
        ClassBookPages.total(absences),
        terms,
        new ClassBookModel.YearSummary(pages.summary(0), pages.ranks(), pages.totals()));
  }

  private static ClassBookModel.Head head(School school, ClassYears.ClassYear y, int size) {
    return new ClassBookModel.Head(
        school.name(),
        school.wardName(),
        school.provinceName(),
        y.className(),
        y.grade() >= 10,
        y.startYear(),
        size,
        y.homeroomTeacher(),
        school.principalName(),
        y.yearApproved());
  }

  /** subject code → term → teachers' names, in the order the assignments give them. */
  private Map<String, Map<Integer, Set<String>>> teachers(long schoolId, long classId) {
    Map<String, Map<Integer, Set<String>>> out = new LinkedHashMap<>();
    for (Teaching.Assignment a : teaching.assignmentsOfClass(schoolId, classId)) {
      out.computeIfAbsent(a.subjectCode(), c -> new LinkedHashMap<>())
          .computeIfAbsent(a.term(), t -> new LinkedHashSet<>())
          .add(a.teacherName());
    }
    return out;
  }

  private static List<TeacherLine> teacherLines(
      ClassYears.ClassYear y, Map<String, Map<Integer, Set<String>>> taught) {
    List<TeacherLine> lines = new ArrayList<>();
    for (ClassYears.Subject s : y.subjects()) {
      Set<String> names = new LinkedHashSet<>();
      taught.getOrDefault(s.code(), Map.of()).values().forEach(names::addAll);
      lines.add(new TeacherLine(s.name(), String.join(", ", names)));
    }
    return lines;
  }

  private StudentRow student(
      long schoolId, long classId, int startYear, int n, HocBaRecords.StudentDetails d) {
    People.Student s = d.student();
    People.StudentProfile p = d.profile();
    List<Parent> parents = new ArrayList<>();
    for (People.Guardian g : d.guardians()) {
      List<String> parts =
          Stream.of(g.fullName(), g.occupation(), g.phone(), g.email())
              .filter(v -> v != null && !v.isBlank())
              .toList();
      parents.add(new Parent(g.relation(), parts));
    }
    return new StudentRow(
        n,
        s.name().full(),
        s.birthDate().format(DAY),
        p == null ? null : p.placeOfBirth(),
        s.sex(),
        s.ethnicityName(),
        p == null ? null : p.policyStatus(),
        p == null ? null : address(p),
        parents,
        changes(schoolId, classId, startYear, s.id()));
  }

  /** Where the family lives now, else the permanent address; null when neither is known. */
  static @Nullable String address(People.StudentProfile p) {
    String current = address(p.current());
    return current != null ? current : address(p.permanent());
  }

  private static @Nullable String address(People.@Nullable Address a) {
    if (a == null) {
      return null;
    }
    String text =
        String.join(
            ", ",
            Stream.of(a.detail(), a.wardName()).filter(v -> v != null && !v.isBlank()).toList());
    return text.isEmpty() ? null : text;
  }

  /** Arrivals, class changes, returns and departures of the year (not the first enrolment). */
  private List<Change> changes(long schoolId, long classId, int startYear, long studentId) {
    List<Change> out = new ArrayList<>();
    for (Classes.Movement m : classes.history(schoolId, studentId)) {
      if (m.startYear() != startYear || m.classId() != classId) {
        continue;
      }
      if (CHANGES.contains(m.startReason())) {
        out.add(new Change(m.startReason(), m.startsOn().format(DAY), m.note()));
      }
      if (m.endReason() != null && CHANGES.contains(m.endReason())) {
        out.add(new Change(m.endReason(), m.endsOn().format(DAY), null));
      }
    }
    return out;
  }

  /** The months of the school year, from its first day's month to its last day's. */
  private List<Month> months(long schoolId, int startYear) {
    SchoolYear year =
        org.years(schoolId).stream()
            .filter(y -> y.startYear() == startYear)
            .findFirst()
            .orElse(null);
    YearMonth first = year == null ? YearMonth.of(startYear, 9) : YearMonth.from(year.startsOn());
    YearMonth last = year == null ? YearMonth.of(startYear + 1, 5) : YearMonth.from(year.endsOn());
    List<Month> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      List<Day> days = new ArrayList<>();
      for (int d = 1; d <= 31; d++) {
        LocalDate date = d <= m.lengthOfMonth() ? m.atDay(d) : null;
        days.add(new Day(d, date == null ? null : date.getDayOfWeek()));
      }
      months.add(new Month(m.getMonthValue(), m.getYear(), days));
    }
    return months;
  }
}
