package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.PrimaryLevel;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.PrimaryPolicy;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYearResult;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.people.People;
import vn.truongso.platform.UserInputException;

/**
 * The year-end evaluation of a primary class from its stored values at the end of the year (TT27
 * art. 9.2): each pupil's result, completion and commendation, or exactly what is still missing.
 */
@Service
public class PrimaryYears {

  private final PrimaryCells cells;
  private final PrimaryYearRows yearRows;
  private final ScoreEntry entry;
  private final Classes classes;
  private final Teaching teaching;

  PrimaryYears(
      PrimaryCells cells,
      PrimaryYearRows yearRows,
      ScoreEntry entry,
      Classes classes,
      Teaching teaching) {
    this.cells = cells;
    this.yearRows = yearRows;
    this.entry = entry;
    this.classes = classes;
    this.teaching = teaching;
  }

  /** A pupil's year: the result once nothing is missing, else the problems naming what is. */
  public record Pupil(People.Student student, PrimaryYearResult result, List<Problem> missing) {}

  @Transactional(readOnly = true)
  public List<Pupil> yearEnd(long schoolId, long classId) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    if (c.grade() < 1 || c.grade() > 5) {
      throw new UserInputException("class", "gradebook.primary.notPrimary");
    }
    if (!entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.primary");
    }
    return at(c, PrimaryPoint.CN);
  }

  /**
   * Each pupil's values at a point checked as the year-end evaluation checks them (a subject's test
   * counted where the grade tests at that point); the result only at the end of the year. The
   * caller has checked who may see the class.
   */
  List<Pupil> at(Classes.SchoolClass c, PrimaryPoint point) {
    PrimaryPolicy policy = Policies.primary(Policies.forCohort(c.grade(), c.startYear()));
    List<Teaching.ProgrammeSubject> subjects = assessed(c.grade());
    Map<Long, Map<String, PrimaryCells.Row>> byPupil = new HashMap<>();
    for (PrimaryCells.Row r : cells.ofClass(c.schoolId(), c.id(), point)) {
      byPupil
          .computeIfAbsent(r.studentId(), k -> new HashMap<>())
          .put(r.kind() + "/" + r.item(), r);
    }
    boolean end = point == PrimaryPoint.CN;
    Map<Long, PrimaryYearRows.Year> rows = end ? yearRows.years(c.schoolId(), c.id()) : Map.of();
    Map<Long, List<PrimaryYearRows.Supplementary>> again =
        end ? yearRows.supplementary(c.schoolId(), c.id()) : Map.of();
    List<Pupil> out = new ArrayList<>();
    for (People.Student s : classes.roster(c.schoolId(), c.id(), entry.entryDay(c))) {
      PrimaryYear year = year(c.grade(), subjects, point, byPupil.getOrDefault(s.id(), Map.of()));
      if (end) {
        year =
            withYearEnd(
                year,
                rows.getOrDefault(s.id(), PrimaryYearRows.Year.NONE),
                again.getOrDefault(s.id(), List.of()));
      }
      List<Problem> missing = policy.check(year);
      boolean evaluate = missing.isEmpty() && point == PrimaryPoint.CN;
      out.add(new Pupil(s, evaluate ? policy.evaluate(year) : null, missing));
    }
    return out;
  }

  /**
   * The compulsory subjects and activities a grade assesses by level (TT27 art. 9.2 reads them).
   */
  List<Teaching.ProgrammeSubject> assessed(int grade) {
    return teaching.subjects(grade).stream()
        .filter(p -> p.assessmentMode().startsWith("muc_T_H_C"))
        .filter(
            p ->
                p.category().startsWith("bat_buoc")
                    || p.category().startsWith("hoat_dong_bat_buoc"))
        .toList();
  }

  private static PrimaryYear year(
      int grade,
      List<Teaching.ProgrammeSubject> subjects,
      PrimaryPoint point,
      Map<String, PrimaryCells.Row> values) {
    List<PrimaryYear.PrimarySubject> list = new ArrayList<>();
    for (Teaching.ProgrammeSubject p : subjects) {
      PrimaryCells.Row r = values.get(Kind.SUBJECT + "/" + p.code());
      list.add(
          new PrimaryYear.PrimarySubject(
              p.code(),
              r == null || r.value().level() == null
                  ? null
                  : PrimaryLevel.ofLetter(r.value().level()).orElse(null),
              p.testPoints().contains(point.name()),
              r == null ? null : r.value().score()));
    }
    Map<Quality, QualityLevel> qualities = new EnumMap<>(Quality.class);
    for (Quality q : Quality.values()) {
      level(values.get(Kind.QUALITY + "/" + q.name())).ifPresent(l -> qualities.put(q, l));
    }
    Map<Competence, QualityLevel> competences = new EnumMap<>(Competence.class);
    for (Competence k : Competence.values()) {
      level(values.get(Kind.COMPETENCE + "/" + k.name())).ifPresent(l -> competences.put(k, l));
    }
    return new PrimaryYear(grade, list, qualities, competences, false, null, false, null);
  }

  /** The year with what the pupil's year-end row and supplementary assessment add. */
  private static PrimaryYear withYearEnd(
      PrimaryYear y, PrimaryYearRows.Year row, List<PrimaryYearRows.Supplementary> again) {
    PrimaryYear.Supplementary supplementary = null;
    if (!again.isEmpty()) {
      List<PrimaryYear.PrimarySubject> subjects = new ArrayList<>();
      Map<Quality, QualityLevel> qualities = new EnumMap<>(Quality.class);
      Map<Competence, QualityLevel> competences = new EnumMap<>(Competence.class);
      for (PrimaryYearRows.Supplementary s : again) {
        switch (s.kind()) {
          case SUBJECT ->
              subjects.add(
                  new PrimaryYear.PrimarySubject(
                      s.item(),
                      PrimaryLevel.ofLetter(s.level()).orElse(null),
                      s.score() != null,
                      s.score()));
          case QUALITY ->
              QualityLevel.ofLetter(s.level())
                  .ifPresent(l -> qualities.put(Quality.valueOf(s.item()), l));
          case COMPETENCE ->
              QualityLevel.ofLetter(s.level())
                  .ifPresent(l -> competences.put(Competence.valueOf(s.item()), l));
        }
      }
      supplementary = new PrimaryYear.Supplementary(subjects, qualities, competences);
    }
    return new PrimaryYear(
        y.grade(),
        y.subjects(),
        y.qualities(),
        y.competences(),
        row.outstandingProposed(),
        supplementary,
        row.individualPlan(),
        row.principalPromotes());
  }

  private static java.util.Optional<QualityLevel> level(PrimaryCells.Row r) {
    return r == null || r.value().level() == null
        ? java.util.Optional.empty()
        : QualityLevel.ofLetter(r.value().level());
  }
}
