package vn.truongso.people.internal;

import static vn.truongso.people.internal.PeopleRows.NAME_ORDER;
import static vn.truongso.people.internal.PeopleRows.STUDENT_SELECT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.people.GuardianRules;
import vn.truongso.people.People;
import vn.truongso.people.People.Guardian;
import vn.truongso.people.People.GuardianUpdate;
import vn.truongso.people.People.NewGuardian;
import vn.truongso.people.People.Relation;
import vn.truongso.people.People.Student;
import vn.truongso.people.PersonalId;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;

/**
 * Owns the {@code guardian} table and the {@code student_guardian} links: fathers, mothers and
 * other guardians, each record held by one school (V31) and shared by that school's siblings, found
 * by phone and name so a parent of several children stays one record.
 */
@Component
class GuardianStore {

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final StudentStore students;

  GuardianStore(JdbcClient jdbc, AuditLog audit, Clock clock, StudentStore students) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.students = students;
  }

  long add(long schoolId, NewGuardian g) {
    long id = insert(schoolId, g, null);
    audit.record(AuditEvent.of(schoolId, "people.guardian.create", "guardian", id).after(g));
    return id;
  }

  void link(long schoolId, long studentId, long guardianId, Relation relation) {
    jdbc.sql(
            "INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES (?, ?, ?, ?)")
        .params(schoolId, studentId, guardianId, relation.name())
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.guardian.link", "student", studentId)
            .after(Map.of("guardianId", guardianId, "relation", relation.name())));
  }

  long addTo(long schoolId, long studentId, GuardianUpdate update) {
    GuardianRules.Checked g = GuardianRules.check(update, LocalDate.now(clock));
    if (students.student(schoolId, studentId).isEmpty()) {
      throw new NotFoundException("student");
    }
    Long id = g.phone() == null ? null : byPhone(schoolId, g.phone(), g.fullName()).orElse(null);
    if (id == null) {
      NewGuardian record =
          new NewGuardian(g.fullName(), g.birthYear(), g.occupation(), g.phone(), g.personalId());
      id = insert(schoolId, record, g.email());
      audit.record(AuditEvent.of(schoolId, "people.guardian.create", "guardian", id).after(g));
    } else if (guardianOf(schoolId, studentId, id).isPresent()) {
      throw new UserInputException("fullName", "guardian.alreadyLinked");
    }
    link(schoolId, studentId, id, g.relation());
    return id;
  }

  // A NewGuardian carries no e-mail; the form's update does.
  private long insert(long schoolId, NewGuardian g, String email) {
    return jdbc.sql(
            "INSERT INTO guardian (full_name, birth_year, occupation, phone, personal_id,"
                + " email, school_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(
            g.fullName(),
            g.birthYear(),
            g.occupation(),
            g.phone(),
            PersonalId.text(g.personalId()),
            email,
            schoolId)
        .query(Long.class)
        .single();
  }

  void update(long schoolId, long studentId, long guardianId, GuardianUpdate update) {
    GuardianRules.Checked g = GuardianRules.check(update, LocalDate.now(clock));
    Guardian before =
        guardianOf(schoolId, studentId, guardianId)
            .orElseThrow(() -> new NotFoundException("guardian"));
    jdbc.sql(
            "UPDATE guardian SET full_name = ?, birth_year = ?, occupation = ?, phone = ?,"
                + " personal_id = ?, email = ? WHERE id = ? AND school_id = ?")
        .params(
            g.fullName(),
            g.birthYear(),
            g.occupation(),
            g.phone(),
            PersonalId.text(g.personalId()),
            g.email(),
            guardianId,
            schoolId)
        .update();
    jdbc.sql(
            "UPDATE student_guardian SET relation = ? WHERE school_id = ? AND student_id = ?"
                + " AND guardian_id = ?")
        .params(g.relation().name(), schoolId, studentId, guardianId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.guardian.update", "guardian", guardianId)
            .before(before)
            .after(g));
  }

  void unlink(long schoolId, long studentId, long guardianId) {
    Guardian before =
        guardianOf(schoolId, studentId, guardianId)
            .orElseThrow(() -> new NotFoundException("guardian"));
    jdbc.sql(
            "DELETE FROM student_guardian WHERE school_id = ? AND student_id = ? AND guardian_id = ?")
        .params(schoolId, studentId, guardianId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.guardian.unlink", "student", studentId).before(before));
  }

  List<Guardian> guardiansOf(long schoolId, long studentId) {
    return jdbc.sql(
            """
            SELECT g.*, sg.relation FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
            WHERE sg.school_id = ? AND sg.student_id = ? ORDER BY sg.relation
            """)
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new Guardian(
                    rs.getLong("id"),
                    rs.getString("full_name"),
                    rs.getObject("birth_year", Integer.class),
                    rs.getString("occupation"),
                    rs.getString("phone"),
                    Relation.valueOf(rs.getString("relation")),
                    PeopleRows.personalId(rs),
                    rs.getString("email")))
        .list();
  }

  java.util.Map<Long, People.Contact> contacts(long schoolId, java.util.Collection<Long> ids) {
    java.util.Map<Long, People.Contact> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "SELECT id, full_name, phone, email FROM guardian WHERE school_id = ? AND id = ANY (?)")
        .params(schoolId, ids.toArray(Long[]::new))
        .query(
            rs -> {
              long id = rs.getLong(1);
              String phone = rs.getString(3);
              String email = rs.getString(4);
              out.put(
                  id,
                  new People.Contact(
                      id, rs.getString(2), phone == null ? "" : phone, email == null ? "" : email));
            });
    return out;
  }

  Optional<Guardian> guardianOf(long schoolId, long studentId, long guardianId) {
    return guardiansOf(schoolId, studentId).stream().filter(g -> g.id() == guardianId).findFirst();
  }

  List<Student> childrenOf(long schoolId, long guardianId) {
    return jdbc.sql(
            STUDENT_SELECT
                + " JOIN student_guardian sg ON sg.school_id = s.school_id AND sg.student_id = s.id"
                + " WHERE s.school_id = ? AND sg.guardian_id = ?"
                + NAME_ORDER)
        .params(schoolId, guardianId)
        .query(PeopleRows::mapStudent)
        .list();
  }

  Optional<Long> byPhone(long schoolId, String phone, String fullName) {
    return jdbc.sql(
            "SELECT id FROM guardian WHERE school_id = ? AND phone = ?"
                + " AND fold_vi(full_name) = fold_vi(?) ORDER BY id LIMIT 1")
        .params(schoolId, phone, fullName)
        .query(Long.class)
        .optional();
  }
}
