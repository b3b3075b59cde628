package vn.truongso.reporting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.support.TestClasses;

/** The requests the anomaly tests make: a leader's home page, and a teacher's mid-term mark. */
final class LeaderPages {

  private LeaderPages() {}

  static String home(MockMvc mvc, Authentication who) throws Exception {
    return mvc.perform(get("/").with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The first student's mid-term (GK) mark in maths, term I, typed on the sheet. */
  static void saveMidterm(
      MockMvc mvc, TestClasses.Taught t, Authentication who, String value, int version)
      throws Exception {
    saveMidterm(mvc, t.school().id(), t.classId(), t.students().get(0), who, value, version);
  }

  /** The same, for a process that knows the class only by its ids. */
  static void saveMidterm(
      MockMvc mvc,
      long school,
      long classId,
      long student,
      Authentication who,
      String value,
      int version)
      throws Exception {
    mvc.perform(
            post("/schools/{s}/classes/{c}/scores/toan/cell", school, classId)
                .param("term", "1")
                .param("student", String.valueOf(student))
                .param("slot", "GK")
                .param("value", value)
                .param("version", String.valueOf(version))
                .with(csrf())
                .with(authentication(who)))
        .andExpect(status().isOk());
  }
}
