package vn.truongso.gradebook.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.TestScores;

/** The stored scores of a school year, grouped by class, subject, term and column. */
@Service
class ScoreFigures implements TestScores {

  private final JdbcClient jdbc;
  private final Classes classes;
  private final Teaching teaching;

  ScoreFigures(JdbcClient jdbc, Classes classes, Teaching teaching) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.teaching = teaching;
  }

  private record Score(long classId, String subject, int term, String slot, BigDecimal value) {}

  @Override
  @Transactional(readOnly = true)
  public List<Column> ofSchool(long schoolId, int startYear) {
    Map<Long, Classes.SchoolClass> inYear = new HashMap<>();
    classes.classes(schoolId, startYear).forEach(c -> inYear.put(c.id(), c));
    if (inYear.isEmpty()) {
      return List.of();
    }
    Map<String, List<BigDecimal>> byColumn = new LinkedHashMap<>();
    Map<String, Score> first = new HashMap<>();
    jdbc
        .sql(
            """
            SELECT class_id, subject_code, term_no, slot, score FROM score_cell
            WHERE school_id = ? AND class_id = ANY (?) AND score IS NOT NULL AND slot <> 'RETEST'
            ORDER BY class_id, subject_code, term_no, slot
            """)
        .params(schoolId, inYear.keySet().toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Score(
                    rs.getLong("class_id"),
                    rs.getString("subject_code"),
                    rs.getInt("term_no"),
                    rs.getString("slot"),
                    rs.getBigDecimal("score")))
        .stream()
        .forEach(
            s -> {
              String key = s.classId() + "/" + s.subject() + "/" + s.term() + "/" + s.slot();
              byColumn.computeIfAbsent(key, k -> new ArrayList<>()).add(s.value());
              first.putIfAbsent(key, s);
            });
    Map<Long, Map<String, String>> teachers = new HashMap<>();
    SubjectNames subjectNames = new SubjectNames(teaching);
    List<Column> out = new ArrayList<>();
    byColumn.forEach(
        (key, scores) -> {
          Score s = first.get(key);
          Classes.SchoolClass c = inYear.get(s.classId());
          String teacher =
              teachers
                  .computeIfAbsent(c.id(), id -> teachersOf(schoolId, id))
                  .get(s.subject() + "/" + s.term());
          out.add(
              new Column(
                  c.id(),
                  c.name(),
                  c.grade(),
                  s.subject(),
                  subjectNames.of(c.grade(), s.subject()),
                  s.term(),
                  s.slot(),
                  teacher,
                  List.copyOf(scores)));
        });
    return out;
  }

  private Map<String, String> teachersOf(long schoolId, long classId) {
    Map<String, String> bySubjectTerm = new HashMap<>();
    for (Teaching.Assignment a : teaching.assignmentsOfClass(schoolId, classId)) {
      bySubjectTerm.put(a.subjectCode() + "/" + a.term(), a.teacherName());
    }
    return bySubjectTerm;
  }
}
