package vn.truongso.gradebook.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.people.People;

/** The cells' versions after the first, with the names of classes, subjects and students. */
@Service
class History implements MarkHistory {

  private final JdbcClient jdbc;
  private final Classes classes;
  private final Teaching teaching;
  private final People people;

  History(JdbcClient jdbc, Classes classes, Teaching teaching, People people) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.teaching = teaching;
    this.people = people;
  }

  private record Row(
      long classId,
      String subject,
      int term,
      long studentId,
      String slot,
      int version,
      String before,
      String after,
      Instant at,
      long by,
      String byName,
      Source source,
      Long requestId) {}

  @Override
  @Transactional(readOnly = true)
  public List<Change> changes(long schoolId, int startYear, Instant from, Instant to) {
    Map<Long, Classes.SchoolClass> inYear = new HashMap<>();
    classes.classes(schoolId, startYear).forEach(c -> inYear.put(c.id(), c));
    if (inYear.isEmpty()) {
      return List.of();
    }
    List<Row> rows = laterVersions(schoolId, inYear.keySet(), from, to);
    Map<Long, String> students = studentNames(schoolId, rows);
    SubjectNames subjects = new SubjectNames(teaching);
    List<Change> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(named(r, inYear.get(r.classId()), subjects, students));
    }
    return out;
  }

  /** The versions after the first written in [from, to) to the given classes, oldest first. */
  private List<Row> laterVersions(long schoolId, Set<Long> classIds, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT class_id, subject_code, term_no, student_id, slot, version, value_before,
                   value_after, changed_at, changed_by, changed_by_name, source,
                   correction_request_id
            FROM score_cell_version
            WHERE school_id = ? AND version > 1 AND changed_at >= ? AND changed_at < ?
              AND class_id = ANY (?)
            ORDER BY changed_at, class_id, subject_code, student_id, slot, version
            """)
        .params(schoolId, Timestamp.from(from), Timestamp.from(to), classIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong("class_id"),
                    rs.getString("subject_code"),
                    rs.getInt("term_no"),
                    rs.getLong("student_id"),
                    rs.getString("slot"),
                    rs.getInt("version"),
                    rs.getString("value_before"),
                    rs.getString("value_after"),
                    rs.getTimestamp("changed_at").toInstant(),
                    rs.getLong("changed_by"),
                    rs.getString("changed_by_name"),
                    Source.valueOf(rs.getString("source")),
                    rs.getObject("correction_request_id", Long.class)))
        .list();
  }

  private Map<Long, String> studentNames(long schoolId, List<Row> rows) {
    Set<Long> studentIds = new HashSet<>();
    rows.forEach(r -> studentIds.add(r.studentId()));
    Map<Long, String> students = new HashMap<>();
    people.students(schoolId, studentIds).forEach(s -> students.put(s.id(), s.name().full()));
    return students;
  }

  private static Change named(
      Row r, Classes.SchoolClass c, SubjectNames subjects, Map<Long, String> students) {
    return new Change(
        c.id(),
        c.name(),
        c.grade(),
        r.subject(),
        subjects.of(c.grade(), r.subject()),
        r.term(),
        r.studentId(),
        students.getOrDefault(r.studentId(), ""),
        r.slot(),
        r.version(),
        r.before(),
        r.after(),
        r.at(),
        r.by(),
        r.byName(),
        r.source(),
        r.requestId());
  }
}
