package vn.truongso.records.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectResult;
import vn.truongso.assessment.YearResult;
import vn.truongso.gradebook.ClassYears;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.StudentYearRecord.Parents;
import vn.truongso.records.internal.StudentYearRecord.Results;
import vn.truongso.records.internal.StudentYearRecord.Subject;

/**
 * The học bạ records of a class's year, from the class book's approved results and the students'
 * profiles. Only those who keep the class's học bạ read them: the homeroom teacher of the class and
 * whoever prints the school's books.
 */
@Service
public class HocBaRecords {

  private final ClassYears years;
  private final People people;
  private final Organisation org;
  private final Authorization authorization;
  private final Clock clock;

  HocBaRecords(
      ClassYears years, People people, Organisation org, Authorization authorization, Clock clock) {
    this.years = years;
    this.people = people;
    this.org = org;
    this.authorization = authorization;
    this.clock = clock;
  }

  /**
   * A class's year with its students' records by student id, once the principal approved the year;
   * a student whose year the book still lacks has none.
   */
  public record ClassRecords(ClassYears.ClassYear year, Map<Long, StudentYearRecord> records) {}

  /**
   * @throws UserInputException {@code records.hocba.notApproved} before the year is approved,
   *     {@code records.hocba.noPolicy} for a class no secondary circular assesses
   */
  // a refusal is an answer, not a failure: the export that asked goes on in its transaction
  @Transactional(readOnly = true, noRollbackFor = UserInputException.class)
  public ClassRecords ofClass(long schoolId, long classId) {
    if (!mayKeep(schoolId, classId)) {
      throw new AccessDeniedException("records.hocba");
    }
    ClassYears.ClassYear y = years.of(schoolId, classId);
    if (y.policy() == null) {
      throw new UserInputException("class", "records.hocba.noPolicy");
    }
    if (!y.yearApproved()) {
      throw new UserInputException("class", "records.hocba.notApproved");
    }
    School school = org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    List<Long> ids = new ArrayList<>();
    y.students().forEach(s -> ids.add(s.studentId()));
    y.leavers().forEach(l -> ids.add(l.year().studentId()));
    Map<Long, StudentDetails> students = details(schoolId, ids);
    Map<String, String> names =
        y.subjects().stream()
            .collect(Collectors.toMap(ClassYears.Subject::code, ClassYears.Subject::name));
    Map<Long, StudentYearRecord> records = new LinkedHashMap<>();
    for (ClassYears.StudentYear s : y.students()) {
      YearResult result = s.year();
      StudentDetails student = students.get(s.studentId());
      if (result == null || student == null) {
        continue;
      }
      records.put(
          s.studentId(),
          new StudentYearRecord(
              1,
              clock.instant(),
              student(school, y.grade(), student),
              year(y, school, s, result, names, null)));
    }
    if (!y.leavers().isEmpty()) {
      LeaverYears leavers = new LeaverYears(y, school, names, years.sheets(schoolId, classId));
      for (ClassYears.Leaver l : y.leavers()) {
        StudentDetails student = students.get(l.year().studentId());
        if (student != null) {
          records.put(
              student.student().id(),
              new StudentYearRecord(
                  1, clock.instant(), student(school, y.grade(), student), leavers.year(l)));
        }
      }
    }
    return new ClassRecords(y, records);
  }

  /**
   * A student as the books print them: the school's record, the profile where one was entered, and
   * the father, mother or guardian linked to them.
   */
  public record StudentDetails(
      People.Student student,
      People.@Nullable StudentProfile profile,
      List<People.Guardian> guardians) {}

  /**
   * The students' details, sorted the Vietnamese way as {@link People#students} gives them; the
   * caller has checked that the user may keep the class's books.
   */
  public Map<Long, StudentDetails> details(long schoolId, List<Long> studentIds) {
    Map<Long, StudentDetails> out = new LinkedHashMap<>();
    for (People.Student s : people.students(schoolId, studentIds)) {
      out.put(
          s.id(),
          new StudentDetails(
              s,
              people.profile(schoolId, s.id()).orElse(null),
              people.guardiansOf(schoolId, s.id())));
    }
    return out;
  }

  /** The class's homeroom teacher, or whoever prints the school's books. */
  public boolean mayKeep(long schoolId, long classId) {
    return authorization.permits(Action.PRINT_BOOKS, Target.school(schoolId))
        || authorization.permits(Action.ENTER_CONDUCT, Target.schoolClass(schoolId, classId));
  }

  StudentYearRecord.Student student(School school, int grade, StudentDetails d) {
    People.Student s = d.student();
    People.StudentProfile p = d.profile();
    return new StudentYearRecord.Student(
        s.id(),
        null,
        school.code(),
        school.name(),
        school.wardName(),
        school.provinceName(),
        grade,
        s.studentCode(),
        PersonalId.text(s.personalId()),
        s.name().full(),
        s.birthDate(),
        p == null ? null : p.placeOfBirth(),
        s.sex(),
        s.ethnicityName(),
        p == null ? null : p.nationality(),
        parents(d.guardians()));
  }

  private static Parents parents(List<People.Guardian> guardians) {
    String father = null;
    String mother = null;
    String guardian = null;
    for (People.Guardian g : guardians) {
      switch (g.relation()) {
        case FATHER -> father = father == null ? g.fullName() : father;
        case MOTHER -> mother = mother == null ? g.fullName() : mother;
        case OTHER -> guardian = guardian == null ? g.fullName() : guardian;
      }
    }
    return new Parents(father, mother, guardian);
  }

  static StudentYearRecord.Year year(
      ClassYears.ClassYear y,
      School school,
      ClassYears.StudentYear s,
      YearResult r,
      Map<String, String> names,
      StudentYearRecord.@Nullable Departure left) {
    List<Subject> subjects = new ArrayList<>();
    for (SubjectResult sr : r.subjects()) {
      boolean scored = sr.kind() == SubjectKind.SCORE;
      subjects.add(
          new Subject(
              sr.code(),
              names.getOrDefault(sr.code(), sr.code()),
              sr.kind(),
              scored ? score(sr.term1Average()) : sr.term1Result(),
              scored ? score(sr.term2Average()) : sr.term2Result(),
              scored ? score(sr.yearAverage()) : sr.yearResult(),
              sr.yearAfterRetest(),
              s.exemptions().get(sr.code())));
    }
    Map<Period, Level> conduct = s.conduct();
    return new StudentYearRecord.Year(
        y.startYear(),
        y.className(),
        y.homeroomTeacher(),
        school.principalName(),
        r.policy(),
        subjects,
        new Results(
            r.learningTerm1(), r.learningTerm2(), r.learningYear(), r.learningAfterRetest()),
        new Results(
            conduct.get(Period.HK1),
            conduct.get(Period.HK2),
            r.conductYear(),
            r.conductAfterSummer()),
        s.absentSessions(),
        promoted(r.outcome()),
        r.title(),
        null,
        left);
  }

  private static @Nullable Mark score(java.math.@Nullable BigDecimal v) {
    return v == null ? null : new Score(v);
  }

  /** Promoted or not; null while the summer's re-assessment or training is still ahead. */
  private static @Nullable Boolean promoted(Outcome o) {
    return switch (o) {
      case PROMOTED -> true;
      case RETAINED -> false;
      case RETEST, SUMMER_TRAINING, PRINCIPAL_DECIDES -> null;
    };
  }
}
