package vn.truongso.people.internal;

import static vn.truongso.people.internal.PeopleRows.NAME_ORDER;
import static vn.truongso.people.internal.PeopleRows.STAFF_SELECT;
import static vn.truongso.people.internal.PeopleRows.STUDENT_SELECT;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.people.People.SearchResult;
import vn.truongso.people.People.StaffMember;
import vn.truongso.people.People.Student;
import vn.truongso.platform.TextFold;

/**
 * Finds students and staff by what someone typed: words of a name (without diacritics or case), a
 * personal ID or a student code. Reads {@code student} and {@code staff} through the folded-name
 * columns and trigram indexes; owns no table.
 */
@Component
class PeopleSearch {

  /**
   * A school has a few thousand students: reading them all is cheaper than a trigram index scan
   * over every school's (the planner cannot tell; measured in docs/PERFORMANCE.md).
   */
  private static final int FEW_SCHOOLS = 20;

  private static final String SCOPED_STUDENT_SELECT =
      "WITH scoped AS MATERIALIZED (SELECT * FROM student WHERE school_id = ANY(:schools))"
          + " SELECT s.*, e.short_name AS ethnicity_name FROM scoped s"
          + " JOIN ethnic_group e ON e.code = s.ethnicity_code";

  private final JdbcClient jdbc;

  PeopleSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  SearchResult search(
      Collection<Long> studentSchools, Collection<Long> staffSchools, String query, int limit) {
    String q =
        query == null
            ? ""
            : Normalizer.normalize(query, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    if (q.length() < 2 || q.length() > 100) {
      return new SearchResult(List.of(), List.of());
    }
    List<Student> students =
        studentSchools.isEmpty() ? List.of() : students(studentSchools, q, limit);
    List<StaffMember> staff = staffSchools.isEmpty() ? List.of() : staff(staffSchools, q, limit);
    return new SearchResult(students, staff);
  }

  private List<Student> students(Collection<Long> schools, String q, int limit) {
    // Words are matched from their start ("anh" finds Anh, not Thanh or Khánh): what people type,
    // and over millions of names far fewer rows to fetch and sort. Two letters ("An", "Hà") hold no
    // trigram: they match a given name exactly.
    String nameMatch =
        TextFold.fold(q).length() >= 3
            ? "s.name_folded LIKE '% ' || fold_vi(:q) || '%'"
            : "s.given_folded = fold_vi(:q)";
    return jdbc.sql(
            (schools.size() <= FEW_SCHOOLS ? SCOPED_STUDENT_SELECT : STUDENT_SELECT)
                + """
                 WHERE s.school_id = ANY(:schools) AND (
                  NAME_MATCH
                  OR s.personal_id = :q OR upper(s.student_code) = upper(:q))
                """
                    .replace("NAME_MATCH", nameMatch)
                + NAME_ORDER
                + " LIMIT :limit")
        .param("schools", schools.toArray(Long[]::new))
        .param("q", escapeLike(q))
        .param("limit", limit)
        .query(PeopleRows::mapStudent)
        .list();
  }

  private List<StaffMember> staff(Collection<Long> schools, String q, int limit) {
    return jdbc.sql(
            STAFF_SELECT
                + """
                 WHERE s.school_id = ANY(:schools) AND (
                  fold_vi(s.family_name || ' ' || s.middle_name || ' ' || s.given_name) LIKE '%' || fold_vi(:q) || '%'
                  OR s.personal_id = :q)
                """
                + NAME_ORDER
                + " LIMIT :limit")
        .param("schools", schools.toArray(Long[]::new))
        .param("q", escapeLike(q))
        .param("limit", limit)
        .query(PeopleRows::mapStaff)
        .list();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
