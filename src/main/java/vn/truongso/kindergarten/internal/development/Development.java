package vn.truongso.kindergarten.internal.development;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.kindergarten.internal.Children;
import vn.truongso.kindergarten.internal.development.StandardSets.Indicator;
import vn.truongso.kindergarten.internal.development.StandardSets.StandardSet;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Five-year-olds against the child-development standard the school uses (TT 23/2010 or a newer
 * set): the group's teacher marks each indicator met or not yet; the group's summary counts, area
 * by area, how many children met how many indicators. The standard describes, it does not rank: no
 * score, no order of children.
 */
@Service
public class Development {

  /** A child's indicator: met, not yet, or not assessed (null). */
  public record Mark(Indicator indicator, @Nullable Boolean met) {}

  public record ChildRecord(
      People.Student child, int ageMonths, StandardSet set, List<Mark> marks) {
    public long met() {
      return marks.stream().filter(m -> Boolean.TRUE.equals(m.met())).count();
    }
  }

  /** A child of the group: per area, indicators met of those in the area. */
  public record Line(
      People.Student child, int ageMonths, Map<Integer, Integer> metByArea, long met) {}

  public record Summary(
      Classes.SchoolClass group,
      StandardSet set,
      Map<Integer, Integer> indicatorsByArea,
      List<Line> lines) {}

  private final JdbcClient jdbc;
  private final StandardSets sets;
  private final Children children;
  private final Classes classes;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  Development(
      JdbcClient jdbc,
      StandardSets sets,
      Children children,
      Classes classes,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.sets = sets;
    this.children = children;
    this.classes = classes;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  public boolean mayAssess(long schoolId, long classId) {
    return authorization.permits(Action.ASSESS_DEVELOPMENT, Target.schoolClass(schoolId, classId));
  }

  public StandardSet setOf(long schoolId) {
    String code =
        jdbc.sql("SELECT set_code FROM development_setting WHERE school_id = ?")
            .param(schoolId)
            .query(String.class)
            .optional()
            .orElse(StandardSets.DEFAULT);
    return sets.set(code).orElseGet(() -> sets.set(StandardSets.DEFAULT).orElseThrow());
  }

  public List<StandardSet> sets() {
    return sets.all();
  }

  /** The principal chooses the set the school's Sở uses. */
  @Transactional
  public void choose(AuthenticatedUser user, long schoolId, String code) {
    authorization.require(Action.MANAGE_CLASSES, Target.school(schoolId));
    if (sets.set(code).isEmpty()) {
      throw new UserInputException("set", "kindergarten.development.unknownSet");
    }
    jdbc.sql(
            """
            INSERT INTO development_setting (school_id, set_code, changed_by, changed_at)
            VALUES (?, ?, ?, ?) ON CONFLICT (school_id) DO UPDATE SET set_code = EXCLUDED.set_code,
              changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
            """)
        .params(schoolId, code, user.accountId(), Timestamp.from(clock.instant()))
        .update();
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.development.set", "development_setting", schoolId)
            .after(code));
  }

  @Transactional(readOnly = true)
  public Summary group(long schoolId, long classId) {
    authorization.require(Action.ASSESS_DEVELOPMENT, Target.schoolClass(schoolId, classId));
    Classes.SchoolClass group =
        classes
            .schoolClass(schoolId, classId)
            .filter(c -> c.grade() == 0)
            .orElseThrow(() -> new NotFoundException("class"));
    StandardSet set = setOf(schoolId);
    Map<Integer, Integer> byArea = new LinkedHashMap<>();
    set.indicators().forEach(i -> byArea.merge(i.areaNo(), 1, Integer::sum));
    LocalDate today = LocalDate.now(clock);
    List<Line> lines = new ArrayList<>();
    for (People.Student s : classes.roster(schoolId, classId, today)) {
      Map<Integer, Boolean> marks = marks(schoolId, s.id(), set.code());
      Map<Integer, Integer> met = new LinkedHashMap<>();
      byArea.keySet().forEach(a -> met.put(a, 0));
      long total = 0;
      for (Indicator i : set.indicators()) {
        if (Boolean.TRUE.equals(marks.get(i.no()))) {
          met.merge(i.areaNo(), 1, Integer::sum);
          total++;
        }
      }
      lines.add(new Line(s, months(s, today), met, total));
    }
    return new Summary(group, set, byArea, lines);
  }

  @Transactional(readOnly = true)
  public ChildRecord child(long schoolId, long studentId) {
    People.Student s = require(schoolId, studentId);
    StandardSet set = setOf(schoolId);
    Map<Integer, Boolean> marks = marks(schoolId, studentId, set.code());
    List<Mark> out = new ArrayList<>();
    set.indicators().forEach(i -> out.add(new Mark(i, marks.get(i.no()))));
    return new ChildRecord(s, months(s, LocalDate.now(clock)), set, out);
  }

  /** Records the indicators as typed: {@code MET}, {@code NOT_YET}, or blank (not assessed). */
  @Transactional
  public int record(
      AuthenticatedUser user, long schoolId, long studentId, Map<Integer, String> typed) {
    require(schoolId, studentId);
    StandardSet set = setOf(schoolId);
    Map<Integer, Boolean> changes = new HashMap<>();
    typed.forEach(
        (no, value) -> {
          if (set.indicator(no).isEmpty()) {
            throw new UserInputException("indicator", "kindergarten.development.unknown", no);
          }
          switch (value == null ? "" : value) {
            case "MET" -> changes.put(no, true);
            case "NOT_YET" -> changes.put(no, false);
            case "" -> {}
            default ->
                throw new UserInputException("indicator", "kindergarten.development.unknown", no);
          }
        });
    store(schoolId, studentId, set.code(), changes, user.accountId());
    return changes.size();
  }

  /** Writes the marks of the set's indicators as assessed by {@code by}, and logs them. */
  public void store(
      long schoolId, long studentId, String set, Map<Integer, Boolean> changes, long by) {
    for (var e : changes.entrySet()) {
      jdbc.sql(
              """
              INSERT INTO development_record (school_id, student_id, set_code, indicator_no, met,
                assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (school_id, student_id, set_code, indicator_no) DO UPDATE SET
                met = EXCLUDED.met, assessed_by = EXCLUDED.assessed_by,
                assessed_at = EXCLUDED.assessed_at
              """)
          .params(
              schoolId,
              studentId,
              set,
              e.getKey(),
              e.getValue(),
              by,
              Timestamp.from(clock.instant()))
          .update();
    }
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.development.record", "development_record", studentId)
            .after(Map.of("set", set, "marks", changes)));
  }

  private Map<Integer, Boolean> marks(long schoolId, long studentId, String set) {
    Map<Integer, Boolean> out = new HashMap<>();
    jdbc.sql(
            "SELECT indicator_no, met FROM development_record WHERE school_id = ? AND student_id = ?"
                + " AND set_code = ?")
        .params(schoolId, studentId, set)
        .query(
            rs -> {
              out.put(rs.getInt(1), rs.getBoolean(2));
            });
    return out;
  }

  private People.Student require(long schoolId, long studentId) {
    return children.require(Action.ASSESS_DEVELOPMENT, schoolId, studentId);
  }

  private static int months(People.Student s, LocalDate on) {
    return (int) ChronoUnit.MONTHS.between(s.birthDate(), on);
  }
}
