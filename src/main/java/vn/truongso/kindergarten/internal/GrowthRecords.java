package vn.truongso.kindergarten.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.kindergarten.internal.growth.GrowthChart;
import vn.truongso.kindergarten.internal.growth.GrowthRules;
import vn.truongso.kindergarten.internal.growth.Nutrition;
import vn.truongso.kindergarten.internal.growth.ZScores;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * The children's growth as the nurse or the group's teacher records it: each measurement checked
 * (dated within the child's life, in a child's range, confirmed when it looks implausible), stored
 * and logged; read back with WHO's z-scores and the nutritional status.
 */
@Service
public class GrowthRecords {

  private final GrowthStore store;
  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final AuditLog audit;
  private final GrowthSchedule schedule;
  private final Children children;
  private final Clock clock;

  GrowthRecords(
      GrowthStore store,
      Classes classes,
      Organisation org,
      Authorization authorization,
      AuditLog audit,
      GrowthSchedule schedule,
      Children children,
      Clock clock) {
    this.children = children;
    this.schedule = schedule;
    this.store = store;
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the form sends: decimals with a comma or a point; {@code confirm} after a warning. */
  public record Entry(
      LocalDate on,
      String weightKg,
      String lengthCm,
      @Nullable String position,
      boolean oedema,
      boolean confirm) {}

  /** A measurement with what it says. */
  public record Row(
      LocalDate on,
      int ageMonths,
      @Nullable Double weightKg,
      @Nullable Double lengthCm,
      boolean oedema,
      ZScores.Scores scores,
      List<Nutrition.Finding> findings) {}

  public record ChildGrowth(
      People.Student student,
      String className,
      List<Row> rows,
      GrowthChart.Chart weightChart,
      GrowthChart.Chart lengthChart) {}

  @Transactional
  public long record(AuthenticatedUser user, long schoolId, long studentId, Entry e) {
    People.Student s = require(schoolId, studentId);
    Double weight = decimal(e.weightKg(), "weight");
    Double length = decimal(e.lengthCm(), "length");
    LocalDate today = LocalDate.now(clock);
    GrowthRules.requireValid(e.on(), s.birthDate(), today, weight, length);
    ZScores.Position position = position(e.position());
    List<GrowthStore.Stored> history = store.of(schoolId, studentId);
    GrowthStore.Stored last = null;
    for (GrowthStore.Stored h : history) {
      if (h.on().isBefore(e.on())) {
        last = h;
      }
    }
    String doubt =
        GrowthRules.implausible(
            last == null
                ? null
                : new GrowthRules.Earlier(last.on(), last.weightKg(), last.lengthCm()),
            e.on(),
            weight,
            length);
    if (doubt == null) {
      ZScores.Scores z = ZScores.of(measurement(s, e.on(), weight, length, position, e.oedema()));
      doubt = z.flags().isEmpty() ? null : "kindergarten.growth.confirm.flag";
    }
    if (doubt != null && !e.confirm()) {
      throw new UserInputException("confirm", doubt);
    }
    long id =
        store.save(
            schoolId,
            new GrowthStore.Stored(
                0, studentId, e.on(), weight, length, position, e.oedema(), doubt != null),
            user.accountId(),
            clock.instant());
    Map<String, Object> after = new HashMap<>();
    after.put("student", studentId);
    after.put("on", e.on().toString());
    after.put("weightKg", weight);
    after.put("lengthCm", length);
    after.put("confirmed", doubt != null);
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.growth.record", "growth_measurement", id)
            .after(after));
    return id;
  }

  @Transactional(readOnly = true)
  public ChildGrowth child(long schoolId, long studentId) {
    return view(require(schoolId, studentId));
  }

  /**
   * A child's growth for the family (a guardian's child, or a student's own record); another's
   * child does not exist for the account, and the attempt is logged.
   */
  @Transactional(readOnly = true)
  public ChildGrowth forFamily(long accountId, long schoolId, long studentId) {
    return view(children.forFamily(accountId, schoolId, studentId, "growth"));
  }

  private ChildGrowth view(People.Student s) {
    long schoolId = s.schoolId();
    long studentId = s.id();
    List<Row> rows = new ArrayList<>();
    List<GrowthChart.Point> weights = new ArrayList<>();
    List<GrowthChart.Point> lengths = new ArrayList<>();
    for (GrowthStore.Stored m : store.of(schoolId, studentId)) {
      Row r = row(s, m);
      rows.add(r);
      int days = (int) ChronoUnit.DAYS.between(s.birthDate(), m.on());
      if (m.weightKg() != null) {
        weights.add(new GrowthChart.Point(days, m.weightKg()));
      }
      if (r.scores().lengthCm() != null) {
        lengths.add(new GrowthChart.Point(days, r.scores().lengthCm()));
      }
    }
    return new ChildGrowth(
        s,
        className(schoolId, studentId),
        rows,
        GrowthChart.of(GrowthChart.Indicator.WEIGHT_FOR_AGE, s.sex(), weights),
        GrowthChart.of(GrowthChart.Indicator.LENGTH_FOR_AGE, s.sex(), lengths));
  }

  /** A child of a group with its last measurement (null when never measured). */
  public record Latest(People.Student student, @Nullable Row last, LocalDate due) {}

  @Transactional(readOnly = true)
  public List<Latest> group(long schoolId, long classId) {
    authorization.require(Action.RECORD_GROWTH, Target.schoolClass(schoolId, classId));
    List<People.Student> roster = classes.roster(schoolId, classId, LocalDate.now(clock));
    Map<Long, GrowthStore.Stored> last = new HashMap<>();
    store
        .latest(schoolId, roster.stream().map(People.Student::id).toList())
        .forEach(m -> last.put(m.studentId(), m));
    GrowthSchedule.Intervals every = schedule.of(schoolId);
    LocalDate today = LocalDate.now(clock);
    return roster.stream()
        .map(
            s -> {
              GrowthStore.Stored m = last.get(s.id());
              return new Latest(
                  s,
                  m == null ? null : row(s, m),
                  GrowthSchedule.due(every, s.birthDate(), m == null ? null : m.on(), today));
            })
        .toList();
  }

  /** A kindergarten group the user may measure, with its school. */
  public record Group(long schoolId, String schoolName, Classes.SchoolClass group) {}

  /** A child at risk: the group, the child and its last measurement with a finding. */
  public record AtRisk(Classes.SchoolClass group, People.Student student, Row last) {}

  /**
   * The school's children whose last measurement has a finding, group by group (for the principal
   * and the nurse; a teacher sees only the groups they measure).
   */
  @Transactional(readOnly = true)
  public List<AtRisk> atRisk(long schoolId) {
    int year = org.currentYear(schoolId).map(y -> y.startYear()).orElse(-1);
    List<AtRisk> out = new ArrayList<>();
    for (Classes.SchoolClass c : classes.classes(schoolId, year)) {
      if (c.grade() != 0
          || !authorization.permits(Action.RECORD_GROWTH, Target.schoolClass(schoolId, c.id()))) {
        continue;
      }
      for (Latest l : group(schoolId, c.id())) {
        if (l.last() != null && !l.last().findings().isEmpty()) {
          out.add(new AtRisk(c, l.student(), l.last()));
        }
      }
    }
    return out;
  }

  /** Whether the user records growth in some kindergarten (the navigation shows the page then). */
  @Transactional(readOnly = true)
  public boolean measuresSomewhere() {
    return org.schools(authorization.schoolsWhere(Action.RECORD_GROWTH)).stream()
        .anyMatch(s -> s.levels().contains(SchoolLevel.KINDERGARTEN));
  }

  /** The kindergarten groups (grade 0) of this year where the user records growth. */
  @Transactional(readOnly = true)
  public List<Group> groups() {
    List<Group> out = new ArrayList<>();
    for (School school : org.schools(authorization.schoolsWhere(Action.RECORD_GROWTH))) {
      if (!school.levels().contains(SchoolLevel.KINDERGARTEN)) {
        continue;
      }
      int year = org.currentYear(school.id()).map(y -> y.startYear()).orElse(-1);
      for (Classes.SchoolClass c : classes.classes(school.id(), year)) {
        if (c.grade() == 0
            && authorization.permits(
                Action.RECORD_GROWTH, Target.schoolClass(school.id(), c.id()))) {
          out.add(new Group(school.id(), school.name(), c));
        }
      }
    }
    return out;
  }

  private Row row(People.Student s, GrowthStore.Stored m) {
    ZScores.Scores z =
        ZScores.of(measurement(s, m.on(), m.weightKg(), m.lengthCm(), m.position(), m.oedema()));
    return new Row(
        m.on(),
        (int) ChronoUnit.MONTHS.between(s.birthDate(), m.on()),
        m.weightKg(),
        m.lengthCm(),
        m.oedema(),
        z,
        Nutrition.of(z));
  }

  private static ZScores.Measurement measurement(
      People.Student s,
      LocalDate on,
      @Nullable Double weight,
      @Nullable Double length,
      ZScores.@Nullable Position position,
      boolean oedema) {
    return new ZScores.Measurement(
        s.sex(),
        (int) ChronoUnit.DAYS.between(s.birthDate(), on),
        weight,
        length,
        position,
        oedema);
  }

  private People.Student require(long schoolId, long studentId) {
    return children.require(Action.RECORD_GROWTH, schoolId, studentId);
  }

  private String className(long schoolId, long studentId) {
    return classes
        .classOf(schoolId, studentId, LocalDate.now(clock))
        .flatMap(id -> classes.schoolClass(schoolId, id))
        .map(Classes.SchoolClass::name)
        .orElse("");
  }

  private static ZScores.@Nullable Position position(@Nullable String p) {
    if (p == null || p.isBlank()) {
      return null;
    }
    try {
      return ZScores.Position.valueOf(p);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("position", "kindergarten.growth.error.position");
    }
  }

  private static @Nullable Double decimal(String text, String field) {
    String t = text == null ? "" : text.strip().replace(',', '.');
    if (t.isEmpty()) {
      return null;
    }
    try {
      double v = Double.parseDouble(t);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException(t);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserInputException(field, "kindergarten.growth.error.number");
    }
  }
}
