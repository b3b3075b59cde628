package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.Slot;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.platform.UserInputException;
import vn.truongso.support.TestClasses;

/**
 * A past year brought in whole or not at all: the year's marks, conduct and absences with both
 * periods approved and the results the circular computes; refused for the current year, over
 * entries already made, or with a subject missing — nothing written then.
 */
@SpringBootTest
class FinishedYearsIntegrationTests {

  private static final Instant APPROVED = Instant.parse("2026-05-25T02:00:00Z");

  @Autowired FinishedYears finished;
  @Autowired TestClasses classes;
  @Autowired JdbcClient jdbc;

  @Test
  void aCompletePastYearIsStoredAsApproved() {
    TestClasses.Taught t = classes.taught(9, "toan", 2, 2025);
    int results = finished.bringIn(t.school().id(), t.classId(), year(t, null));

    assertThat(results).isEqualTo(4);
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(period || ':' || state, ',' ORDER BY period)"
                        + " FROM result_approval WHERE school_id = ? AND class_id = ?")
                .params(t.school().id(), t.classId())
                .query(String.class)
                .single())
        .isEqualTo("1:APPROVED,2:APPROVED");
    // TT22 art. 9: every subject Đạt/average 8.0 and conduct Tốt make a Tốt year, not repeated
    assertThat(
            jdbc.sql(
                    "SELECT DISTINCT learning || '/' || conduct || '/' || outcome FROM"
                        + " student_result WHERE school_id = ? AND class_id = ? AND period = 2")
                .params(t.school().id(), t.classId())
                .query(String.class)
                .list())
        .containsExactly("TOT/TOT/PROMOTED");
    assertThatThrownBy(() -> finished.bringIn(t.school().id(), t.classId(), year(t, null)))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("gradebook.bringIn.notEmpty");
  }

  @Test
  void theCurrentYearIsRefused() {
    TestClasses.Taught t = classes.taught(9, "toan", 2);
    assertThatThrownBy(() -> finished.bringIn(t.school().id(), t.classId(), year(t, null)))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("gradebook.bringIn.notPast");
    assertThat(cells(t)).isZero();
  }

  @Test
  void aYearMissingASubjectWritesNothing() {
    TestClasses.Taught t = classes.taught(9, "toan", 2, 2025);
    assertThatThrownBy(() -> finished.bringIn(t.school().id(), t.classId(), year(t, "ngu_van")))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("gradebook.bringIn.incomplete");
    assertThat(cells(t)).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM result_approval WHERE school_id = ? AND class_id = ?")
                .params(t.school().id(), t.classId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private int cells(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM score_cell WHERE school_id = ? AND class_id = ?")
        .params(t.school().id(), t.classId())
        .query(Integer.class)
        .single();
  }

  /** Every column 8.0 or Đạt, conduct Tốt; {@code left} a subject left out. */
  private FinishedYears.Year year(TestClasses.Taught t, String left) {
    List<FinishedYears.Cell> cells = new ArrayList<>();
    List<FinishedYears.Conduct> conduct = new ArrayList<>();
    for (long student : t.students()) {
      for (FinishedYears.Sheet sheet : finished.sheets(t.school().id(), t.classId())) {
        if (sheet.subject().equals(left)) {
          continue;
        }
        for (int term = 1; term <= 2; term++) {
          for (Slot slot : sheet.columns()) {
            cells.add(
                new FinishedYears.Cell(
                    student,
                    sheet.subject(),
                    term,
                    slot,
                    sheet.kind() == SubjectKind.SCORE
                        ? new Score(new BigDecimal("8.0"))
                        : Comment.DAT));
          }
        }
      }
      conduct.add(new FinishedYears.Conduct(student, Period.HK1, Level.TOT));
      conduct.add(new FinishedYears.Conduct(student, Period.HK2, Level.TOT));
    }
    long teacher = t.homeroomTeacher().id();
    return new FinishedYears.Year(
        cells, conduct, List.of(), teacher, "Thầy Trần Văn Chủ Nhiệm", teacher, APPROVED);
  }
}
