package vn.truongso.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import vn.truongso.people.People.NewPerson;
import vn.truongso.people.People.StaffMember;
import vn.truongso.people.People.Student;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.UserInputException;

/**
 * What the people stores share about the {@code student} and {@code staff} rows: the select that
 * adds a student's ethnic group, the Vietnamese name order of every list, the row mappers, the name
 * check before either row is written and the columns both inserts start with. Owns no table.
 */
final class PeopleRows {

  // Lists of people sort by given name, middle name, family name (the database collates in ICU vi).
  static final String NAME_ORDER = " ORDER BY s.given_name, s.middle_name, s.family_name, s.id";

  static final String STUDENT_SELECT =
      "SELECT s.*, e.short_name AS ethnicity_name FROM student s JOIN ethnic_group e ON e.code = s.ethnicity_code";

  static final String STAFF_SELECT = "SELECT * FROM staff s";

  private PeopleRows() {}

  static void requireName(PersonName name) {
    if (name.given().isEmpty() || name.full().length() > 100) {
      throw new UserInputException("name", "person.nameRequired");
    }
  }

  /**
   * Binds the columns a new {@code student} or {@code staff} row starts with: the school, the name
   * in its three parts, birth date, sex, ethnic group and personal ID, in that order.
   */
  static StatementSpec personParams(StatementSpec insert, long schoolId, NewPerson p) {
    return insert.params(
        schoolId,
        p.name().family(),
        p.name().middle(),
        p.name().given(),
        p.birthDate(),
        p.sex().name(),
        p.ethnicityCode(),
        PersonalId.text(p.personalId()));
  }

  static Student mapStudent(ResultSet rs, int n) throws SQLException {
    return new Student(
        rs.getLong("school_id"),
        rs.getLong("id"),
        name(rs),
        rs.getObject("birth_date", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("ethnicity_code"),
        rs.getString("ethnicity_name"),
        personalId(rs),
        rs.getString("student_code"));
  }

  static StaffMember mapStaff(ResultSet rs, int n) throws SQLException {
    return new StaffMember(
        rs.getLong("school_id"),
        rs.getLong("id"),
        name(rs),
        rs.getObject("birth_date", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("position"),
        rs.getString("subject_group"),
        rs.getString("main_subject"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("ethnicity_code"),
        personalId(rs),
        rs.getString("qualification"),
        rs.getString("employment_type"),
        rs.getObject("start_date", LocalDate.class));
  }

  /** The row's {@code personal_id}; the column's CHECK holds it to twelve digits or null. */
  static PersonalId personalId(ResultSet rs) throws SQLException {
    return PersonalId.ofNullable(rs.getString("personal_id"));
  }

  private static PersonName name(ResultSet rs) throws SQLException {
    return new PersonName(
        rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"));
  }
}
