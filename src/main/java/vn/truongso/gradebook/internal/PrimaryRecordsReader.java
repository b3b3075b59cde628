package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.Quality;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.PrimaryRecords;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** {@link PrimaryRecords} from the book's stored values and the year-end evaluation. */
@Service
class PrimaryRecordsReader implements PrimaryRecords {

  private final JdbcClient jdbc;
  private final PrimaryCells cells;
  private final PrimaryYears years;
  private final PrimaryYearRows yearRows;
  private final PrimaryEntry primary;
  private final Classes classes;
  private final Teaching teaching;
  private final Authorization authorization;
  private final ApprovalStates states;

  PrimaryRecordsReader(
      ApprovalStates states,
      JdbcClient jdbc,
      PrimaryCells cells,
      PrimaryYears years,
      PrimaryYearRows yearRows,
      PrimaryEntry primary,
      Classes classes,
      Teaching teaching,
      Authorization authorization) {
    this.jdbc = jdbc;
    this.cells = cells;
    this.years = years;
    this.yearRows = yearRows;
    this.primary = primary;
    this.classes = classes;
    this.teaching = teaching;
    this.authorization = authorization;
    this.states = states;
  }

  @Override
  @Transactional(readOnly = true)
  public ClassYear ofClass(long schoolId, long classId) {
    Classes.SchoolClass c = keeper(schoolId, classId);
    ApprovalStates.Status year = states.ofClass(schoolId, classId).get(2);
    List<Long> pupils =
        years.at(c, PrimaryPoint.CN).stream()
            .filter(p -> p.result() != null)
            .filter(
                p ->
                    p.result().outcome() == Outcome.PROMOTED
                        || p.result().outcome() == Outcome.RETAINED)
            .map(p -> p.student().id())
            .toList();
    return new ClassYear(c.name(), c.startYear(), year != null && year.approved(), pupils);
  }

  /** The class, once the user keeps its books (its homeroom teacher, whoever prints them). */
  private Classes.SchoolClass keeper(long schoolId, long classId) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    if (!authorization.permits(Action.PRINT_BOOKS, Target.school(schoolId))
        && !authorization.permits(
            Action.ENTER_CONDUCT, Target.schoolClass(schoolId, classId).inYear(c.startYear()))) {
      throw new AccessDeniedException("gradebook.primary.records");
    }
    return c;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Year> of(long schoolId, long classId, long studentId) {
    Classes.SchoolClass c = keeper(schoolId, classId);
    List<Classes.SchoolClass> mine =
        jdbc
            .sql(
                "SELECT DISTINCT class_id FROM primary_assessment WHERE school_id = ? AND"
                    + " student_id = ? AND point = 'CN'")
            .params(schoolId, studentId)
            .query(Long.class)
            .list()
            .stream()
            .map(id -> classes.schoolClass(schoolId, id))
            .flatMap(java.util.Optional::stream)
            .filter(k -> k.startYear() <= c.startYear() && k.grade() >= 1 && k.grade() <= 5)
            .sorted(Comparator.comparingInt(Classes.SchoolClass::startYear))
            .toList();
    if (mine.stream().noneMatch(k -> k.id() == classId)) {
      throw new NotFoundException("pupil " + studentId + " in class " + classId);
    }
    List<Year> out = new ArrayList<>();
    for (Classes.SchoolClass k : mine) {
      out.add(year(k, studentId));
    }
    return out;
  }

  private Year year(Classes.SchoolClass c, long studentId) {
    Map<String, PrimaryCells.Value> values = new HashMap<>();
    for (PrimaryCells.Row r : cells.ofPupil(c.schoolId(), c.id(), studentId, PrimaryPoint.CN)) {
      values.put(r.item(), r.value());
    }
    List<Subject> subjects = new ArrayList<>();
    List<Teaching.ProgrammeSubject> all = new ArrayList<>(teaching.subjects(c.grade()));
    all.sort(Comparator.comparingInt(p -> order(p.code())));
    List<String> compulsory =
        years.assessed(c.grade()).stream().map(Teaching.ProgrammeSubject::code).toList();
    for (Teaching.ProgrammeSubject p : all) {
      PrimaryCells.Value v = values.get(p.code());
      if (p.assessmentMode().startsWith("muc_T_H_C")
          && (v != null || compulsory.contains(p.code()))) {
        subjects.add(
            new Subject(
                p.code(),
                p.name(),
                v == null ? null : v.level(),
                v == null ? null : v.score(),
                v == null ? null : v.comment()));
      }
    }
    List<Item> qualities = new ArrayList<>();
    for (Quality q : Quality.values()) {
      qualities.add(new Item(q.name(), letter(values.get(q.name()))));
    }
    List<Item> competences = new ArrayList<>();
    for (Competence k : Competence.values()) {
      competences.add(new Item(k.name(), letter(values.get(k.name()))));
    }
    PrimaryYears.Pupil p =
        years.at(c, PrimaryPoint.CN).stream()
            .filter(x -> x.student().id() == studentId)
            .findFirst()
            .orElse(null);
    return new Year(
        c.id(),
        c.name(),
        c.grade(),
        c.startYear(),
        subjects,
        qualities,
        competences,
        comment(values.get(PrimaryHomeroom.QUALITIES_COMMENT)),
        comment(values.get(PrimaryHomeroom.COMPETENCES_COMMENT)),
        yearRows
            .years(c.schoolId(), c.id())
            .getOrDefault(studentId, PrimaryYearRows.Year.NONE)
            .individualPlan(),
        p == null ? null : p.result());
  }

  private static int order(String code) {
    int i = PrimaryBoard.BOOK_ORDER.indexOf(code);
    return i < 0 ? PrimaryBoard.BOOK_ORDER.size() : i;
  }

  private static String letter(PrimaryCells.Value v) {
    return v == null || v.level() == null ? null : PrimaryHomeroom.letter(v.level());
  }

  private static String comment(PrimaryCells.Value v) {
    return v == null ? null : v.comment();
  }
}
