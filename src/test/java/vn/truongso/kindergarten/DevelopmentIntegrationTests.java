package vn.truongso.kindergarten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * Five-year-olds against the development standard (issue 21 part 4, TT 23/2010: 4 areas, 28
 * standards, 120 indicators as data with an evidence grade per row): the group's teacher marks
 * indicators met or not yet; rows not confirmed against the official text are marked so; the
 * group's summary counts per area; an unknown indicator is refused with nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DevelopmentIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught group;
  Authentication teacher;
  long an;

  @BeforeEach
  void setUp() {
    group = testClasses.taughtIn(testOrg.school(SchoolLevel.KINDERGARTEN), 0, null, 2);
    an = group.students().getFirst();
    teacher = group.homeroomTeacher().signedIn();
  }

  @Test
  void theTeacherMarksIndicatorsAndTheGroupSummaryCountsThemByArea() throws Exception {
    String path = "/schools/" + group.school().id() + "/development/students/" + an;
    String form = page(path);
    assertThat(form.split("data-indicator=", -1)).hasSize(121);
    // indicator 1 (Bật xa tối thiểu 50cm) is quoted by a source; indicator 9 is recalled wording
    assertThat(form)
        .contains("data-indicator=\"1\" data-confirmed=\"true\"")
        .contains("data-indicator=\"9\" data-confirmed=\"false\"")
        .contains("Chỉ số 1. Bật xa tối thiểu 50cm")
        .contains("chờ đối chiếu văn bản");

    mvc.perform(record(path).param("i1", "MET").param("i2", "NOT_YET").param("i999", "MET"))
        .andExpect(flash().attribute("developmentError", "kindergarten.development.unknown"));
    assertThat(stored()).isZero();
    mvc.perform(record(path).param("i1", "MET").param("i2", "NOT_YET").param("i30", "MET"))
        .andExpect(flash().attribute("developmentSaved", true));
    assertThat(stored()).isEqualTo(3);

    String summary =
        page("/schools/" + group.school().id() + "/development/classes/" + group.classId());
    // area I has indicators 1–26, area II 27–60: An met 1 and 30
    assertThat(summary)
        .containsPattern("data-student=\"" + an + "\"[\\s\\S]*?>1/26<[\\s\\S]*?>1/34<")
        .containsPattern("data-student=\"" + an + "\"[\\s\\S]*?class=\"text-end met\">2<");

    TestClasses.Taught other = testClasses.taughtIn(group.school(), 0, "Lá 2", null, 1);
    mvc.perform(
            record(path)
                .param("i3", "MET")
                .with(authentication(other.homeroomTeacher().signedIn())))
        .andExpect(status().isForbidden());
    assertThat(stored()).isEqualTo(3);
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder record(
      String path) {
    return post(path).with(csrf()).with(authentication(teacher));
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(authentication(teacher)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private int stored() {
    return jdbc.sql("SELECT count(*) FROM development_record WHERE student_id = ?")
        .param(an)
        .query(Integer.class)
        .single();
  }
}
