package vn.truongso.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The homeroom teacher's and the principal's steps on a class book, as their pages post them: the
 * two terms' conduct of two students, a period's submission or approval.
 */
public final class ClassBookSteps {

  private ClassBookSteps() {}

  /** Conduct of both terms for two students: {@code first} and {@code second} get their levels. */
  public static void conduct(
      MockMvc mvc,
      TestClasses.Taught t,
      Authentication homeroom,
      long first,
      String firstLevel,
      long second,
      String secondLevel)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post("/schools/{s}/classes/{c}/book/conduct", t.school().id(), t.classId());
    for (var student : new Object[][] {{first, firstLevel}, {second, secondLevel}}) {
      request
          .param("student-" + student[0], "1")
          .param("HK1-" + student[0], (String) student[1])
          .param("HK2-" + student[0], (String) student[1]);
    }
    mvc.perform(request.with(csrf()).with(authentication(homeroom)))
        .andExpect(status().is3xxRedirection());
  }

  /** A period's {@code submit}, {@code approve} or {@code return}, by {@code who}. */
  public static ResultActions act(
      MockMvc mvc, TestClasses.Taught t, Authentication who, String action, int period)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/book/" + action, t.school().id(), t.classId())
            .param("period", String.valueOf(period))
            .with(csrf())
            .with(authentication(who)));
  }
}
