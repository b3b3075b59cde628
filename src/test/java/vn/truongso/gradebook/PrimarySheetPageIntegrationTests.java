package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The primary subject teacher's sheet as the page posts it (TT27): a pupil's level, comment and
 * score saved at a point with a test; a decimal score refused on its line with nothing saved;
 * another class's teacher refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrimarySheetPageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestOrg org;
  @Autowired JdbcClient jdbc;

  @Test
  void aSubjectTeacherSavesALineAndADecimalScoreIsRefusedOnItsLine() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 4, "toan", 2);
    Authentication teacher = t.subjectTeacher().signedIn();
    String sheet = "/schools/" + t.school().id() + "/classes/" + t.classId() + "/primary/toan";
    long an = t.students().get(0);
    long binh = t.students().get(1);

    // the teacher's way in: the home page lists the subject in the class
    assertThat(page("/", teacher)).contains("Môn tôi dạy ở tiểu học", sheet);
    assertThat(page(sheet + "?point=GHKI", teacher))
        .contains("Giữa học kì I", "Điểm KTĐK", "Thời điểm này có bài kiểm tra định kì.")
        .contains("primary/toan/export.xlsx?point=GHKI", "id=\"import-sheet\"");
    save(sheet, "GHKI", an, teacher, "T", "Tính toán cẩn thận.", "9", 0)
        .andExpect(flash().attribute("savedStudent", an));
    save(sheet, "GHKI", binh, teacher, "H", "", "7.5", 0)
        .andExpect(flash().attribute("error", "assessment.problem.primary.score.decimal"))
        .andExpect(flash().attribute("errorStudent", binh));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM primary_assessment WHERE class_id = ? AND student_id = ?")
                .params(t.classId(), binh)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(page(sheet + "?point=GHKI", teacher)).contains("Tính toán cẩn thận.", "value=\"9\"");
    // another point starts empty; the comment is offered from the teacher's comment bank
    assertThat(page(sheet + "?point=GHKII", teacher))
        .doesNotContain("value=\"Tính toán cẩn thận.\" aria-label")
        .contains("<option value=\"Tính toán cẩn thận.\">");

    // the sheet's script gets the refusal in words, on its field, with nothing saved
    mvc.perform(
            post(sheet + "/GHKI/" + binh)
                .accept(MediaType.APPLICATION_JSON)
                .param("level", "T")
                .param("score", "8,5")
                .param("version", "0")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.field").value("score"))
        .andExpect(jsonPath("$.message").value(containsString("không cho điểm thập phân")));
    mvc.perform(
            post(sheet + "/GHKI/" + binh)
                .accept(MediaType.APPLICATION_JSON)
                .param("level", "T")
                .param("score", "8")
                .param("version", "0")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1));

    // the Excel round trip through the page: the file taken, given back unchanged, nothing changes
    byte[] xlsx =
        mvc.perform(get(sheet + "/export.xlsx?point=GHKI").with(authentication(teacher)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    mvc.perform(
            multipart(sheet + "/import")
                .file(new MockMultipartFile("file", "so.xlsx", null, xlsx))
                .param("point", "GHKI")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(flash().attribute("imported", 0));
    mvc.perform(
            multipart(sheet + "/import")
                .file(new MockMultipartFile("file", "so.xlsx", null, xlsx))
                .param("point", "CN")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(
            flash()
                .attribute(
                    "importProblems",
                    List.of("Tệp này là sổ điểm của lớp, môn hoặc học kì khác.")));

    TestClasses.Taught other = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 4, "toan", 1);
    mvc.perform(get(sheet).with(authentication(other.subjectTeacher().signedIn())))
        .andExpect(status().isForbidden());
  }

  private ResultActions save(
      String sheet,
      String point,
      long pupil,
      Authentication who,
      String level,
      String comment,
      String score,
      int version)
      throws Exception {
    return mvc.perform(
        post(sheet + "/" + point + "/" + pupil)
            .param("level", level)
            .param("comment", comment)
            .param("score", score)
            .param("version", String.valueOf(version))
            .with(csrf())
            .with(authentication(who)));
  }

  private String page(String path, Authentication who) throws Exception {
    return new String(
        mvc.perform(get(path).with(authentication(who)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray(),
        StandardCharsets.UTF_8);
  }
}
