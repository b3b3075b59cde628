package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import vn.truongso.gradebook.internal.PrimaryEntry;
import vn.truongso.gradebook.internal.PrimarySheetFiles;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * A primary sheet in Excel and back (TT27, as the secondary sheets): every wrong cell named with
 * nothing written, the right file written line by line, a line typed in TruongSo after the export
 * not overwritten, another class's file refused.
 */
@SpringBootTest
class PrimarySheetFilesIntegrationTests {

  @Autowired PrimarySheetFiles files;
  @Autowired PrimaryEntry entry;
  @Autowired TestClasses testClasses;
  @Autowired TestOrg org;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aFileIsCheckedCellByCellThenWritten() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 4, "toan", 2);
    SecurityContextHolder.getContext().setAuthentication(t.subjectTeacher().signedIn());
    long school = t.school().id();
    byte[] file = files.export(school, t.classId(), "toan", PrimaryPoint.GHKI);

    // row 5 is the first pupil (title, mark, help, header); D level, E comment, F score
    byte[] wrong = edit(file, "D5=X", "F5=9", "D6=T", "F6=7.5");
    assertThat(problems(() -> import_(t, wrong)))
        .isEqualTo(
            "D5=gradebook.primary.subject.level,F6=assessment.problem.primary.score.decimal");
    assertThat(rows(t)).isZero();

    byte[] right = edit(file, "D5=T", "E5=Tính nhẩm nhanh.", "F5=9", "D6=h", "F6=7");
    assertThat(import_(t, right)).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(level || score || coalesce(comment, ''), ',' ORDER BY"
                        + " student_id) FROM primary_assessment WHERE class_id = ?")
                .param(t.classId())
                .query(String.class)
                .single())
        .isEqualTo("T9Tính nhẩm nhanh.,H7");

    // the same file again changes nothing; an older file does not overwrite a later line
    assertThat(import_(t, right)).isZero();
    entry.saveSubject(
        user(),
        school,
        t.classId(),
        "toan",
        PrimaryPoint.GHKI,
        t.students().get(1),
        new PrimaryEntry.Typed("T", "", "8", 1));
    byte[] stale = edit(right, "F6=6");
    assertThat(problems(() -> import_(t, stale))).isEqualTo("D6=primary.xlsx.changedSince");

    TestClasses.Taught other = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 4, "toan", 1);
    SecurityContextHolder.getContext().setAuthentication(other.subjectTeacher().signedIn());
    assertThatThrownBy(
            () ->
                files.importFile(
                    user(), other.school().id(), other.classId(), "toan", PrimaryPoint.GHKI, right))
        .isInstanceOf(UserInputException.class)
        .hasMessage("gradebook.import.otherSheet");
  }

  private int import_(TestClasses.Taught t, byte[] file) {
    return files.importFile(user(), t.school().id(), t.classId(), "toan", PrimaryPoint.GHKI, file);
  }

  private int rows(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM primary_assessment WHERE class_id = ?")
        .param(t.classId())
        .query(Integer.class)
        .single();
  }

  /** The file with cells set: {@code "D5=T"} (column letter, row number, text). */
  private static byte[] edit(byte[] file, String... cells) throws Exception {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file));
        var out = new ByteArrayOutputStream()) {
      var ws = wb.getSheetAt(0);
      for (String c : cells) {
        int col = c.charAt(0) - 'A';
        int row = Integer.parseInt(c.substring(1, c.indexOf('='))) - 1;
        Row r = ws.getRow(row) == null ? ws.createRow(row) : ws.getRow(row);
        r.createCell(col).setCellValue(c.substring(c.indexOf('=') + 1));
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static String problems(Runnable action) {
    try {
      action.run();
      return "";
    } catch (InvalidInput e) {
      return e.errors().stream()
          .map(f -> f.field() + "=" + f.messageKey())
          .sorted()
          .collect(Collectors.joining(","));
    }
  }

  private static AuthenticatedUser user() {
    return (AuthenticatedUser)
        SecurityContextHolder.getContext().getAuthentication().getPrincipal();
  }
}
