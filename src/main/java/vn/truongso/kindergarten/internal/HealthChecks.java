package vn.truongso.kindergarten.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
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
 * The periodic health check of a kindergarten child (TTLT 13/2016/TTLT-BYT-BGDĐT, school health
 * work): the nurse records who examined the child, the findings area by area, the conclusion and
 * the advice; the group's teacher, the leaders and the family read them.
 */
@Service
public class HealthChecks {

  /** The areas examined (the specialities of a periodic check; an area not named is normal). */
  public enum Area {
    EYES,
    TEETH,
    ENT,
    SKIN,
    MUSCULOSKELETAL,
    HEART_LUNGS,
    OTHER
  }

  public enum Conclusion {
    HEALTHY,
    FOLLOW_UP,
    REFER
  }

  public record Check(
      LocalDate on,
      String examiner,
      Map<Area, String> findings,
      Conclusion conclusion,
      @Nullable String advice) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final People people;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  HealthChecks(
      JdbcClient jdbc, People people, Authorization authorization, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the user records health checks at the school (the nurse). */
  public boolean mayRecord(long schoolId) {
    return authorization.permits(Action.MANAGE_HEALTH, Target.school(schoolId));
  }

  /** The child's checks, newest first; the caller has checked who may see the child's growth. */
  @Transactional(readOnly = true)
  public List<Check> of(long schoolId, long studentId) {
    return jdbc.sql(
            "SELECT checked_on, examiner, findings::text, conclusion, advice FROM health_check"
                + " WHERE school_id = ? AND student_id = ? ORDER BY checked_on DESC")
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new Check(
                    rs.getObject(1, LocalDate.class),
                    rs.getString(2),
                    findings(rs.getString(3)),
                    Conclusion.valueOf(rs.getString(4)),
                    rs.getString(5)))
        .list();
  }

  @Transactional
  public void record(
      AuthenticatedUser user,
      long schoolId,
      long studentId,
      LocalDate on,
      String examiner,
      Map<Area, String> typed,
      @Nullable String conclusion,
      @Nullable String advice) {
    authorization.require(Action.MANAGE_HEALTH, Target.school(schoolId));
    insert(schoolId, studentId, on, examiner, typed, conclusion, advice, user.accountId());
  }

  /** Checks the values as the page does and writes them, as recorded by {@code by}. */
  void insert(
      long schoolId,
      long studentId,
      LocalDate on,
      String examiner,
      Map<Area, String> typed,
      @Nullable String conclusion,
      @Nullable String advice,
      long by) {
    People.Student s =
        people
            .student(schoolId, studentId)
            .orElseThrow(() -> new NotFoundException("kindergarten.student"));
    if (on.isAfter(LocalDate.now(clock)) || on.isBefore(s.birthDate())) {
      throw new UserInputException("on", "kindergarten.health.date");
    }
    String who = examiner == null ? "" : examiner.strip();
    if (who.isEmpty() || who.length() > 200) {
      throw new UserInputException("examiner", "kindergarten.health.examiner");
    }
    Map<Area, String> findings = typedFindings(typed);
    Conclusion c = conclusion(conclusion);
    String note = advice == null || advice.isBlank() ? null : advice.strip();
    if (c != Conclusion.HEALTHY && findings.isEmpty()) {
      throw new UserInputException("conclusion", "kindergarten.health.whatFound");
    }
    if (note != null && note.length() > 1000) {
      throw new UserInputException("advice", "profile.text.tooLong", 1000);
    }
    Check check = new Check(on, who, findings, c, note);
    try {
      jdbc.sql(
              """
              INSERT INTO health_check (school_id, student_id, checked_on, examiner, findings,
                conclusion, advice, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
              """)
          .params(
              schoolId,
              studentId,
              on,
              who,
              json(findings),
              c.name(),
              note,
              by,
              Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new UserInputException("on", "kindergarten.health.sameDay");
    }
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.health.record", "health_check", studentId)
            .after(check));
  }

  /** The areas with a finding typed, each at most 300 characters. */
  private static Map<Area, String> typedFindings(Map<Area, String> typed) {
    Map<Area, String> findings = new EnumMap<>(Area.class);
    typed.forEach(
        (area, text) -> {
          if (text != null && !text.isBlank()) {
            if (text.strip().length() > 300) {
              throw new UserInputException(area.name(), "profile.text.tooLong", 300);
            }
            findings.put(area, text.strip());
          }
        });
    return findings;
  }

  private static Conclusion conclusion(@Nullable String typed) {
    try {
      return Conclusion.valueOf(typed == null ? "" : typed);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("conclusion", "kindergarten.health.conclusion");
    }
  }

  private static String json(Map<Area, String> findings) {
    return JSON.writeValueAsString(findings);
  }

  private static Map<Area, String> findings(String json) {
    Map<String, String> raw = JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    Map<Area, String> out = new LinkedHashMap<>();
    for (Area a : Area.values()) {
      if (raw.containsKey(a.name())) {
        out.put(a, raw.get(a.name()));
      }
    }
    return out;
  }
}
