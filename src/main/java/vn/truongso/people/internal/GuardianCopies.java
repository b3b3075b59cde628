package vn.truongso.people.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A student who moves school takes their guardians' records along as copies that the receiving
 * school holds: the two schools never share (read, edit) one record.
 */
final class GuardianCopies {

  private GuardianCopies() {}

  record Link(long guardianId, String relation) {}

  static void copy(
      JdbcClient jdbc, long fromSchool, long fromStudent, long toSchool, long toStudent) {
    List<Link> links =
        jdbc.sql(
                "SELECT guardian_id, relation FROM student_guardian WHERE school_id = ?"
                    + " AND student_id = ? ORDER BY guardian_id")
            .params(fromSchool, fromStudent)
            .query((rs, n) -> new Link(rs.getLong(1), rs.getString(2)))
            .list();
    for (Link l : links) {
      long copy =
          jdbc.sql(
                  """
                  INSERT INTO guardian (full_name, birth_year, occupation, phone, personal_id, email, school_id)
                  SELECT full_name, birth_year, occupation, phone, personal_id, email, ? FROM guardian
                  WHERE id = ? RETURNING id
                  """)
              .params(toSchool, l.guardianId())
              .query(Long.class)
              .single();
      jdbc.sql(
              "INSERT INTO student_guardian (school_id, student_id, guardian_id, relation)"
                  + " VALUES (?, ?, ?, ?)")
          .params(toSchool, toStudent, copy, l.relation())
          .update();
    }
  }
}
