package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * How far a primary school's classes are with their book (KD-CSDL: the principal, the
 * vice-principal and the heads of grade groups follow the progress of entry): per class and point,
 * the share of subject levels, periodic test scores and quality and competency levels entered, and
 * where each term's approval stands. Counts only, no pupil's name or value.
 */
@Service
public class PrimaryProgress {

  private final PrimaryCells cells;
  private final PrimaryYears years;
  private final ApprovalStates states;
  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final Clock clock;

  PrimaryProgress(
      PrimaryCells cells,
      PrimaryYears years,
      ApprovalStates states,
      Classes classes,
      Organisation org,
      Authorization authorization,
      Clock clock) {
    this.cells = cells;
    this.years = years;
    this.states = states;
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.clock = clock;
  }

  /** Entered out of expected, for one kind of value at one point. */
  public record Share(int entered, int expected) {
    public int percent() {
      return expected == 0 ? 100 : Math.min(100, entered * 100 / expected);
    }
  }

  /** A point of a class: its subject levels, its tests, its qualities and competencies. */
  public record Point(Share subjects, Share tests, Share qualities) {}

  public record Line(
      Classes.SchoolClass schoolClass,
      int pupils,
      Map<PrimaryPoint, Point> points,
      Map<Integer, ApprovalStates.Status> approvals) {}

  public record Progress(int startYear, List<Line> lines) {}

  @Transactional(readOnly = true)
  public Progress of(long schoolId, Integer year, Integer grade) {
    if (!authorization.permits(Action.VIEW_CLASS_LIST, Target.school(schoolId))) {
      throw new AccessDeniedException("gradebook.primary.progress");
    }
    int startYear =
        year != null
            ? year
            : org.currentYear(schoolId)
                .map(y -> y.startYear())
                .orElseThrow(() -> new NotFoundException("school year"));
    List<Classes.SchoolClass> primary =
        classes.classes(schoolId, startYear).stream()
            .filter(c -> c.grade() >= 1 && c.grade() <= 5)
            .filter(c -> grade == null || c.grade() == grade)
            .toList();
    Map<Long, Map<PrimaryPoint, List<PrimaryCells.Count>>> counts = new HashMap<>();
    for (PrimaryCells.Count n : cells.counts(schoolId, ids(primary))) {
      counts
          .computeIfAbsent(n.classId(), k -> new EnumMap<>(PrimaryPoint.class))
          .computeIfAbsent(n.point(), k -> new ArrayList<>())
          .add(n);
    }
    var approvals = states.ofSchool(schoolId, ids(primary));
    LocalDate today = LocalDate.now(clock);
    List<Line> lines = new ArrayList<>();
    for (Classes.SchoolClass c : primary) {
      int pupils = classes.roster(schoolId, c.id(), today).size();
      Map<PrimaryPoint, Point> points = new EnumMap<>(PrimaryPoint.class);
      for (PrimaryPoint p : PrimaryPoint.values()) {
        points.put(
            p,
            point(c, p, pupils, counts.getOrDefault(c.id(), Map.of()).getOrDefault(p, List.of())));
      }
      lines.add(new Line(c, pupils, points, approvals.getOrDefault(c.id(), Map.of())));
    }
    return new Progress(startYear, lines);
  }

  /** Counts only what the year-end evaluation reads: the compulsory subjects, every item. */
  private Point point(
      Classes.SchoolClass c, PrimaryPoint p, int pupils, List<PrimaryCells.Count> counts) {
    List<Teaching.ProgrammeSubject> subjects = years.assessed(c.grade());
    List<String> codes = subjects.stream().map(Teaching.ProgrammeSubject::code).toList();
    long tested = subjects.stream().filter(s -> s.testPoints().contains(p.name())).count();
    int levels = 0;
    int scores = 0;
    int qualities = 0;
    for (PrimaryCells.Count n : counts) {
      if (n.kind() == Kind.SUBJECT && codes.contains(n.item())) {
        levels += n.levels();
        scores += n.scores();
      } else if (n.kind() != Kind.SUBJECT && PrimaryHomeroom.ITEMS.contains(n.item())) {
        qualities += n.levels();
      }
    }
    return new Point(
        new Share(levels, pupils * subjects.size()),
        new Share(scores, (int) (pupils * tested)),
        new Share(qualities, pupils * PrimaryHomeroom.ITEMS.size()));
  }

  private static List<Long> ids(List<Classes.SchoolClass> list) {
    return list.stream().map(Classes.SchoolClass::id).toList();
  }
}
