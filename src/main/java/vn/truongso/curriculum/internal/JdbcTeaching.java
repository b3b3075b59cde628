package vn.truongso.curriculum.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolLevel;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.Target;
import vn.truongso.platform.TeachingScopes;
import vn.truongso.platform.UserInputException;

@Service
@Transactional
class JdbcTeaching implements Teaching, ScopeDirectory, TeachingScopes {

  private final JdbcClient jdbc;
  private final Classes classes;
  private final People people;
  private final AuditLog audit;
  private final Organisation org;
  private final Authorization authorization;

  JdbcTeaching(
      JdbcClient jdbc,
      Classes classes,
      People people,
      AuditLog audit,
      Organisation org,
      Authorization authorization) {
    this.org = org;
    this.authorization = authorization;
    this.jdbc = jdbc;
    this.classes = classes;
    this.people = people;
    this.audit = audit;
  }

  @Override
  @Transactional(readOnly = true)
  public List<ProgrammeSubject> subjects(int grade) {
    return jdbc.sql(
            "SELECT * FROM programme_subject WHERE grade = ?"
                + " ORDER BY category <> 'bat_buoc', category, name_vi")
        .param(grade)
        .query(JdbcTeaching::map)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ProgrammeSubject> subject(int grade, String code) {
    return jdbc.sql("SELECT * FROM programme_subject WHERE grade = ? AND subject_code = ?")
        .params(grade, code)
        .query(JdbcTeaching::map)
        .optional();
  }

  @Override
  public long assign(long schoolId, long classId, String subjectCode, int term, long staffId) {
    Classes.SchoolClass c =
        classes
            .schoolClass(schoolId, classId)
            .orElseThrow(() -> new UserInputException("classId", "class.unknown"));
    if (subject(c.grade(), subjectCode).isEmpty()) {
      throw new UserInputException("subjectCode", "teaching.subjectNotInGrade");
    }
    if (people.staff(schoolId, staffId).isEmpty()) {
      throw new UserInputException("staffId", "teaching.teacherUnknown");
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO teaching_assignment (school_id, class_id, subject_code, term_no, staff_id)
                VALUES (?, ?, ?, ?, ?) RETURNING id
                """)
            .params(schoolId, classId, subjectCode, term, staffId)
            .query(Long.class)
            .single();
    audit.record(
        AuditEvent.of(schoolId, "curriculum.assignment.create", "teaching_assignment", id)
            .after(
                Map.of(
                    "classId", classId, "subject", subjectCode, "term", term, "staffId", staffId)));
    return id;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Assignment> assignmentsOfClass(long schoolId, long classId) {
    return jdbc.sql(
            """
            SELECT t.id, t.class_id, t.subject_code, p.name_vi, t.term_no, t.staff_id,
                   s.family_name || ' ' || s.middle_name || ' ' || s.given_name AS teacher
            FROM teaching_assignment t
            JOIN school_class c ON c.school_id = t.school_id AND c.id = t.class_id
            JOIN programme_subject p ON p.grade = c.grade AND p.subject_code = t.subject_code
            JOIN staff s ON s.school_id = t.school_id AND s.id = t.staff_id
            WHERE t.school_id = ? AND t.class_id = ? ORDER BY p.name_vi, t.term_no
            """)
        .params(schoolId, classId)
        .query(
            (rs, n) ->
                new Assignment(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getLong(6),
                    rs.getString(7).replaceAll("\\s+", " ")))
        .list();
  }

  @Override
  public void savePlan(long schoolId, long classId, List<Slot> slots) {
    Classes.SchoolClass c =
        classes
            .schoolClass(schoolId, classId)
            .orElseThrow(() -> new NotFoundException("class.unknown"));
    Map<String, Assignment> stored = new HashMap<>();
    for (Assignment a : assignmentsOfClass(schoolId, classId)) {
      stored.put(a.subjectCode() + "/" + a.term(), a);
    }
    Set<String> subjects = new HashSet<>();
    subjects(c.grade()).forEach(p -> subjects.add(p.code()));
    Set<Long> staff = new HashSet<>();
    people.staffOf(schoolId).forEach(m -> staff.add(m.id()));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    List<Slot> changed = new ArrayList<>();
    for (Slot slot : slots) {
      String field = "t" + slot.term() + "-" + slot.subjectCode();
      if (!subjects.contains(slot.subjectCode()) || slot.term() < 1 || slot.term() > 2) {
        errors.add(field, "teaching.subjectNotInGrade");
        continue;
      }
      Assignment now = stored.get(slot.subjectCode() + "/" + slot.term());
      Long before = now == null ? null : now.staffId();
      if (Objects.equals(before, slot.staffId())) {
        continue;
      }
      authorization.require(
          Action.MANAGE_TEACHING_ASSIGNMENTS,
          Target.classSubject(schoolId, classId, slot.subjectCode()).inYear(c.startYear()));
      if (slot.staffId() != null && !staff.contains(slot.staffId())) {
        errors.add(field, "teaching.teacherUnknown");
        continue;
      }
      changed.add(slot);
    }
    errors.throwIfAny();
    for (Slot slot : changed) {
      Assignment now = stored.get(slot.subjectCode() + "/" + slot.term());
      Map<String, Object> state =
          Map.of("classId", classId, "subject", slot.subjectCode(), "term", slot.term());
      if (slot.staffId() == null) {
        jdbc.sql("DELETE FROM teaching_assignment WHERE school_id = ? AND id = ?")
            .params(schoolId, now.id())
            .update();
        audit.record(
            AuditEvent.of(schoolId, "curriculum.assignment.delete", "teaching_assignment", now.id())
                .before(with(state, now.staffId())));
      } else if (now == null) {
        assign(schoolId, classId, slot.subjectCode(), slot.term(), slot.staffId());
      } else {
        jdbc.sql("UPDATE teaching_assignment SET staff_id = ? WHERE school_id = ? AND id = ?")
            .params(slot.staffId(), schoolId, now.id())
            .update();
        audit.record(
            AuditEvent.of(schoolId, "curriculum.assignment.update", "teaching_assignment", now.id())
                .before(with(state, now.staffId()))
                .after(with(state, slot.staffId())));
      }
    }
  }

  private static Map<String, Object> with(Map<String, Object> state, long staffId) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(state);
    m.put("staffId", staffId);
    return m;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Coverage> coverage(long schoolId, int startYear) {
    return jdbc.sql(
            """
            SELECT c.id,
                   (SELECT count(*) FROM teaching_assignment t
                     WHERE t.school_id = c.school_id AND t.class_id = c.id),
                   2 * (SELECT count(*) FROM programme_subject p WHERE p.grade = c.grade)
            FROM school_class c WHERE c.school_id = ? AND c.start_year = ?
            """)
        .params(schoolId, startYear)
        .query((rs, n) -> new Coverage(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
        .list();
  }

  // ---- TeachingScopes: an assignment is what lets a teacher enter the subject's marks

  @Override
  @Transactional(readOnly = true)
  public List<Target> taughtBy(long schoolId, long staffId) {
    return jdbc.sql(
            """
            SELECT DISTINCT t.class_id, t.subject_code, c.start_year
            FROM teaching_assignment t
            JOIN school_class c ON c.school_id = t.school_id AND c.id = t.class_id
            WHERE t.school_id = ? AND t.staff_id = ?
            """)
        .params(schoolId, staffId)
        .query(
            (rs, n) ->
                Target.classSubject(schoolId, rs.getLong(1), rs.getString(2)).inYear(rs.getInt(3)))
        .list();
  }

  // ---- ScopeDirectory: subjects for role pickers

  @Override
  public List<Option> classOptions(long schoolId, int startYear) {
    return List.of();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Option> subjectOptions(long schoolId) {
    String[] levels =
        org.school(schoolId)
            .map(s -> s.levels().stream())
            .orElseGet(java.util.stream.Stream::empty)
            .map(JdbcTeaching::programmeLevel)
            .filter(java.util.Objects::nonNull)
            .toArray(String[]::new);
    return jdbc.sql(
            "SELECT DISTINCT p.subject_code, p.name_vi FROM programme_subject p WHERE p.level = ANY(?)"
                + " ORDER BY p.name_vi")
        .param(levels)
        .query((rs, n) -> new Option(rs.getString(1), rs.getString(2)))
        .list();
  }

  @Override
  public boolean classBelongs(long schoolId, long classId, Integer startYear) {
    return false;
  }

  @Override
  public boolean studentBelongs(long schoolId, long studentId) {
    return false;
  }

  private static String programmeLevel(SchoolLevel level) {
    return switch (level) {
      case PRIMARY -> "tieu_hoc";
      case LOWER_SECONDARY -> "thcs";
      case UPPER_SECONDARY -> "thpt";
      case KINDERGARTEN -> null;
    };
  }

  private static ProgrammeSubject map(ResultSet rs, int n) throws SQLException {
    return new ProgrammeSubject(
        rs.getString("level"),
        rs.getInt("grade"),
        rs.getString("subject_code"),
        rs.getString("name_vi"),
        rs.getString("category"),
        rs.getObject("periods_per_year", Integer.class),
        rs.getString("assessment_mode"),
        points(rs.getString("periodic_test_points")));
  }

  private static java.util.List<String> points(String text) {
    return text == null || text.isBlank()
        ? java.util.List.of()
        : java.util.Arrays.stream(text.split(";")).map(String::strip).toList();
  }
}
