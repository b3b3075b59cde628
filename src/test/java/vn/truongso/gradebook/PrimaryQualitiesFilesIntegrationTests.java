package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.gradebook.internal.PrimaryQualitiesFiles;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The homeroom teacher's qualities and competencies in Excel and back (TT27 art. 6.2): a wrong
 * letter named by its cell with nothing written, the right file written pupil by pupil through the
 * page's save, the same file again changing nothing.
 */
@SpringBootTest
class PrimaryQualitiesFilesIntegrationTests {

  @Autowired PrimaryQualitiesFiles files;
  @Autowired TestClasses testClasses;
  @Autowired TestOrg org;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aFileOfQualitiesIsCheckedThenWrittenLineByLine() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 3, "toan", 2);
    SecurityContextHolder.getContext().setAuthentication(t.homeroomTeacher().signedIn());
    byte[] file = files.export(t.school().id(), t.classId(), PrimaryPoint.CHKI);

    // the fifteen levels are columns D to R, the two comments S and T; the first pupil is row 5
    byte[] wrong = edit(file, 5, "T", "Chăm ngoan.", "X");
    assertThat(problems(wrong, t)).isEqualTo("F5=gradebook.primary.quality.level");
    assertThat(rows(t)).isZero();

    byte[] right = edit(edit(file, 5, "T", "Chăm ngoan.", null), 6, "d", "", null);
    assertThat(import_(right, t)).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(DISTINCT level, ',') FROM primary_assessment WHERE"
                        + " class_id = ? AND student_id = ?")
                .params(t.classId(), t.students().get(1))
                .query(String.class)
                .single())
        .isEqualTo("D");
    assertThat(rows(t)).isEqualTo(15 + 1 + 15);
    assertThat(import_(right, t)).isZero();
  }

  private int import_(byte[] file, TestClasses.Taught t) {
    return files.importFile(user(), t.school().id(), t.classId(), PrimaryPoint.CHKI, file);
  }

  private String problems(byte[] file, TestClasses.Taught t) {
    try {
      import_(file, t);
      return "";
    } catch (InvalidInput e) {
      return e.errors().stream()
          .map(f -> f.field() + "=" + f.messageKey())
          .sorted()
          .collect(Collectors.joining(","));
    }
  }

  private int rows(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM primary_assessment WHERE class_id = ?")
        .param(t.classId())
        .query(Integer.class)
        .single();
  }

  /** Row {@code row}: every level {@code level}, the qualities comment, and F (the third) wrong. */
  private static byte[] edit(byte[] file, int row, String level, String comment, String third)
      throws Exception {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file));
        var out = new ByteArrayOutputStream()) {
      Row r = wb.getSheetAt(0).getRow(row - 1);
      for (int col = 3; col < 18; col++) {
        r.createCell(col).setCellValue(col == 5 && third != null ? third : level);
      }
      r.createCell(18).setCellValue(comment);
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static AuthenticatedUser user() {
    return (AuthenticatedUser)
        SecurityContextHolder.getContext().getAuthentication().getPrincipal();
  }
}
