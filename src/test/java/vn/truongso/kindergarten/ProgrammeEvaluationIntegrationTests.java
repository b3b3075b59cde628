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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The group's programme evaluation at the end of a topic (issue 21 part 4): five areas for a mẫu
 * giáo group, objectives met and not yet; an objective not met must say which; the same topic
 * recorded again replaces the first; another group's teacher may not evaluate this group.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammeEvaluationIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught group;
  Authentication teacher;
  String path;

  @BeforeEach
  void setUp() {
    group = testClasses.taughtIn(testOrg.school(SchoolLevel.KINDERGARTEN), 0, null, 1);
    teacher = group.homeroomTeacher().signedIn();
    path = "/schools/" + group.school().id() + "/programme/classes/" + group.classId();
  }

  @Test
  void theTeacherEvaluatesATopicAreaByArea() throws Exception {
    mvc.perform(evaluation(teacher).param("metLANGUAGE", "3"))
        .andExpect(flash().attribute("programmeError", "kindergarten.programme.sayWhich"));
    mvc.perform(evaluation(teacher).param("metLANGUAGE", "5"))
        .andExpect(flash().attribute("programmeError", "kindergarten.programme.metOver"));
    assertThat(rows()).isZero();
    mvc.perform(
            evaluation(teacher)
                .param("metLANGUAGE", "3")
                .param("notMetLANGUAGE", "Kể lại truyện theo tranh: bé Minh, bé Lan cần hỗ trợ"))
        .andExpect(flash().attribute("programmeDone", "kindergarten.programme.saved"));
    mvc.perform(
            evaluation(teacher)
                .param("metLANGUAGE", "4")
                .param("adjustment", "Thêm giờ kể chuyện buổi chiều"))
        .andExpect(flash().attribute("programmeDone", "kindergarten.programme.saved"));
    assertThat(rows()).isEqualTo(5);
    String page =
        mvc.perform(get(path).with(authentication(teacher)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("Chủ đề Gia đình (kết thúc 27/11/2026)")
        .contains("Phát triển ngôn ngữ")
        .contains("đạt 4/4 mục tiêu")
        .contains("Thêm giờ kể chuyện buổi chiều");

    TestClasses.Taught other = testClasses.taughtIn(group.school(), 0, "Lá 2", null, 1);
    mvc.perform(evaluation(other.homeroomTeacher().signedIn()).param("metLANGUAGE", "4"))
        .andExpect(status().isForbidden());
  }

  /** Every area 4 objectives, all met but language (set per test). */
  private MockHttpServletRequestBuilder evaluation(Authentication who) {
    MockHttpServletRequestBuilder r =
        post(path)
            .with(csrf())
            .with(authentication(who))
            .param("period", "Chủ đề Gia đình")
            .param("endsOn", "2026-11-27");
    for (String area : new String[] {"PHYSICAL", "COGNITIVE", "LANGUAGE", "SOCIAL", "AESTHETIC"}) {
      r.param("objectives" + area, "4");
      if (!area.equals("LANGUAGE")) {
        r.param("met" + area, "4");
      }
    }
    return r;
  }

  private int rows() {
    return jdbc.sql("SELECT count(*) FROM programme_evaluation WHERE class_id = ?")
        .param(group.classId())
        .query(Integer.class)
        .single();
  }
}
