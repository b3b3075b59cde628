package vn.truongso.kindergarten.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * The group's evaluation of the educational programme at the end of a topic or a term (Chương trình
 * GDMN: đánh giá cuối chủ đề / giai đoạn): per developmental area — five for mẫu giáo, four for nhà
 * trẻ, where social-emotional and aesthetic development are one area — the objectives met and not
 * yet, and what the teacher adjusts for the next period.
 */
@Service
public class ProgrammeEvaluations {

  public enum Area {
    PHYSICAL,
    COGNITIVE,
    LANGUAGE,
    SOCIAL,
    AESTHETIC,
    SOCIAL_AESTHETIC
  }

  /** The areas of a group: nhà trẻ groups (all bands under 36 months) have four. */
  public static List<Area> areas(Classes.SchoolClass group) {
    boolean nursery =
        !group.ageBands().isEmpty() && group.ageBands().stream().allMatch(b -> b.nursery());
    return nursery
        ? List.of(Area.PHYSICAL, Area.COGNITIVE, Area.LANGUAGE, Area.SOCIAL_AESTHETIC)
        : List.of(Area.PHYSICAL, Area.COGNITIVE, Area.LANGUAGE, Area.SOCIAL, Area.AESTHETIC);
  }

  public record Line(Area area, int objectives, int met, @Nullable String notMet) {}

  public record Period(
      String name, LocalDate endsOn, List<Line> lines, @Nullable String adjustment) {}

  /** One area's figures as typed. */
  public record Typed(String objectives, String met, String notMet) {}

  private final JdbcClient jdbc;
  private final Classes classes;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  ProgrammeEvaluations(
      JdbcClient jdbc, Classes classes, Authorization authorization, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  public Classes.SchoolClass group(long schoolId, long classId) {
    authorization.require(Action.ASSESS_DEVELOPMENT, Target.schoolClass(schoolId, classId));
    return classes
        .schoolClass(schoolId, classId)
        .filter(c -> c.grade() == 0)
        .orElseThrow(() -> new NotFoundException("class"));
  }

  /** The group's periods, the latest first. */
  @Transactional(readOnly = true)
  public List<Period> periods(long schoolId, long classId) {
    group(schoolId, classId);
    record Row(String period, LocalDate endsOn, Line line, @Nullable String adjustment) {}
    List<Row> rows =
        jdbc.sql(
                """
                SELECT period, ends_on, area, objectives, met, not_met, adjustment
                FROM programme_evaluation WHERE school_id = ? AND class_id = ?
                ORDER BY ends_on DESC, period, area
                """)
            .params(schoolId, classId)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        new Line(
                            Area.valueOf(rs.getString(3)),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getString(6)),
                        rs.getString(7)))
            .list();
    Map<String, Period> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(
              r.period(), k -> new Period(k, r.endsOn(), new ArrayList<>(), r.adjustment()))
          .lines()
          .add(r.line());
    }
    return List.copyOf(out.values());
  }

  /** Records (or replaces) a period's evaluation, every area of the group at once. */
  @Transactional
  public void record(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      String period,
      @Nullable LocalDate endsOn,
      Map<Area, Typed> typed,
      @Nullable String adjustment) {
    Classes.SchoolClass group = group(schoolId, classId);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String name = period == null ? "" : period.strip();
    if (name.isEmpty() || name.length() > 120) {
      errors.add("period", "kindergarten.programme.period");
    }
    if (endsOn == null || endsOn.isAfter(LocalDate.now(clock).plusDays(7))) {
      errors.add("endsOn", "kindergarten.programme.endsOn");
    }
    String change = adjustment == null || adjustment.isBlank() ? null : adjustment.strip();
    if (change != null && change.length() > 1000) {
      errors.add("adjustment", "profile.text.tooLong", 1000);
    }
    List<Line> lines = new ArrayList<>();
    for (Area area : areas(group)) {
      Line line = line(area, typed.get(area), errors);
      if (line != null) {
        lines.add(line);
      }
    }
    errors.throwIfAny();
    jdbc.sql("DELETE FROM programme_evaluation WHERE school_id = ? AND class_id = ? AND period = ?")
        .params(schoolId, classId, name)
        .update();
    for (Line l : lines) {
      jdbc.sql(
              """
              INSERT INTO programme_evaluation (school_id, class_id, period, ends_on, area,
                objectives, met, not_met, adjustment, evaluated_by, evaluated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              schoolId,
              classId,
              name,
              endsOn,
              l.area().name(),
              l.objectives(),
              l.met(),
              l.notMet(),
              change,
              user.accountId(),
              Timestamp.from(clock.instant()))
          .update();
    }
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.programme.evaluate", "programme_evaluation", classId)
            .after(new Period(name, endsOn, lines, change)));
  }

  /** An area's line, or a message when its numbers are missing or do not add up. */
  private static @Nullable Line line(Area area, @Nullable Typed t, InvalidInput.Collector errors) {
    Integer objectives = t == null ? null : number(t.objectives());
    Integer met = t == null ? null : number(t.met());
    if (objectives == null || met == null || objectives < 1 || objectives > 100) {
      errors.add(area.name(), "kindergarten.programme.numbers");
      return null;
    }
    if (met < 0 || met > objectives) {
      errors.add(area.name(), "kindergarten.programme.metOver", met, objectives);
      return null;
    }
    String notMet = t.notMet() == null || t.notMet().isBlank() ? null : t.notMet().strip();
    if (met < objectives && notMet == null) {
      errors.add(area.name(), "kindergarten.programme.sayWhich");
      return null;
    }
    if (notMet != null && notMet.length() > 1000) {
      errors.add(area.name(), "profile.text.tooLong", 1000);
      return null;
    }
    return new Line(area, objectives, met, notMet);
  }

  private static @Nullable Integer number(@Nullable String typed) {
    try {
      return typed == null ? null : Integer.valueOf(typed.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
