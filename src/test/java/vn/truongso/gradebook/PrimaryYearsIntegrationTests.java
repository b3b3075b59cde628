package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.PrimaryCommendation;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Quality;
import vn.truongso.gradebook.internal.PrimaryYears;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * A primary class's year-end results from its stored end-of-year values (TT27 art. 9.2): a pupil
 * with every subject Hoàn thành tốt, every quality and competency Tốt and tests of 9 and 10 is Hoàn
 * thành xuất sắc; a pupil without a subject's level is named with exactly what is missing.
 */
@SpringBootTest
class PrimaryYearsIntegrationTests {

  private static final List<String> SUBJECTS =
      List.of(
          "tieng_viet",
          "toan",
          "ngoai_ngu_1",
          "dao_duc",
          "tu_nhien_xa_hoi",
          "tin_hoc_cong_nghe",
          "giao_duc_the_chat",
          "nghe_thuat",
          "hoat_dong_trai_nghiem");

  @Autowired PrimaryYears years;
  @Autowired TestClasses testClasses;
  @Autowired TestOrg org;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theYearEndResultComesFromTheStoredValuesOrNamesWhatIsMissing() {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 3, "toan", 2);
    long an = t.students().get(0);
    long binh = t.students().get(1);
    for (long pupil : List.of(an, binh)) {
      for (String s : SUBJECTS) {
        if (pupil == binh && s.equals("dao_duc")) {
          continue;
        }
        boolean tested =
            List.of("tieng_viet", "toan", "ngoai_ngu_1", "tin_hoc_cong_nghe").contains(s);
        insert(t, pupil, "SUBJECT", s, "T", tested ? (s.equals("toan") ? 10 : 9) : null);
      }
      for (Quality q : Quality.values()) {
        insert(t, pupil, "QUALITY", q.name(), "T", null);
      }
      for (Competence c : Competence.values()) {
        insert(t, pupil, "COMPETENCE", c.name(), "T", null);
      }
    }
    SecurityContextHolder.getContext().setAuthentication(t.homeroomTeacher().signedIn());
    List<PrimaryYears.Pupil> result = years.yearEnd(t.school().id(), t.classId());

    PrimaryYears.Pupil first =
        result.stream().filter(p -> p.student().id() == an).findFirst().orElseThrow();
    assertThat(first.result().result()).isEqualTo(PrimaryResult.HOAN_THANH_XUAT_SAC);
    assertThat(first.result().commendation()).isEqualTo(PrimaryCommendation.XUAT_SAC);
    assertThat(first.result().outcome()).isEqualTo(Outcome.PROMOTED);
    PrimaryYears.Pupil second =
        result.stream().filter(p -> p.student().id() == binh).findFirst().orElseThrow();
    assertThat(second.result()).isNull();
    assertThat(second.missing()).extracting(Problem::code).containsExactly("primary.level.missing");
    assertThat(second.missing().getFirst().args()).containsExactly("dao_duc");
  }

  private void insert(
      TestClasses.Taught t, long pupil, String kind, String item, String level, Integer score) {
    jdbc.sql(
            "INSERT INTO primary_assessment (school_id, class_id, student_id, point, kind, item,"
                + " level, score, version, changed_at, changed_by) VALUES (:s, :c, :p, 'CN', :k,"
                + " :i, :l, :score, 1, now(), 0)")
        .param("s", t.school().id())
        .param("c", t.classId())
        .param("p", pupil)
        .param("k", kind)
        .param("i", item)
        .param("l", level)
        .param("score", score)
        .update();
  }
}
