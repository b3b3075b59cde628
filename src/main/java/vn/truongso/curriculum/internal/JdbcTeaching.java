package vn.truongso.curriculum.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolLevel;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.UserInputException;

@Service
@Transactional
class JdbcTeaching implements Teaching, ScopeDirectory {

  private final JdbcClient jdbc;
  private final Classes classes;
  private final People people;
  private final AuditLog audit;
  private final Organisation org;

  JdbcTeaching(JdbcClient jdbc, Classes classes, People people, AuditLog audit, Organisation org) {
    this.org = org;
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
        rs.getString("assessment_mode"));
  }
}
