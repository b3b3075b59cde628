package vn.truongso.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The steps to a signed học bạ as the pages post them: the year approved (two students' results and
 * conduct, both periods submitted and approved), a certificate linked, the class signed by the
 * homeroom teacher and sealed by the principal.
 */
public final class HocBaSteps {

  private HocBaSteps() {}

  /**
   * Fills {@code first}'s and {@code second}'s year (scores 9 and 7) and approves it: conduct, then
   * each period submitted by the homeroom teacher and approved by the principal.
   */
  public static void approvedYear(
      MockMvc mvc,
      GradeBookData data,
      TestClasses.Taught t,
      Authentication homeroom,
      Authentication principal,
      long first,
      long second)
      throws Exception {
    data.fillYear(t, first, "9");
    approveYear(mvc, data, t, homeroom, principal, first, second);
  }

  /** {@code second}'s year filled (score 7), then the year approved as above. */
  public static void approveYear(
      MockMvc mvc,
      GradeBookData data,
      TestClasses.Taught t,
      Authentication homeroom,
      Authentication principal,
      long first,
      long second)
      throws Exception {
    data.fillYear(t, second, "7");
    ClassBookSteps.conduct(mvc, t, homeroom, first, "TOT", second, "KHA");
    for (int period = 1; period <= 2; period++) {
      ClassBookSteps.act(mvc, t, homeroom, "submit", period).andExpect(status().is3xxRedirection());
      ClassBookSteps.act(mvc, t, principal, "approve", period)
          .andExpect(status().is3xxRedirection());
    }
  }

  /** Links a certificate ({@code PERSONAL} or {@code SEAL}) and returns its id. */
  public static long link(
      MockMvc mvc,
      JdbcClient jdbc,
      TestClasses.Taught t,
      Authentication who,
      String purpose,
      byte[] p12,
      String pin)
      throws Exception {
    upload(mvc, t, who, purpose, p12, pin).andExpect(flash().attribute("uploadSaved", true));
    return jdbc.sql("SELECT max(id) FROM signing_certificate WHERE school_id = ? AND purpose = ?")
        .params(t.school().id(), purpose)
        .query(Long.class)
        .single();
  }

  /** The certificate form's post, whatever its outcome. */
  public static ResultActions upload(
      MockMvc mvc, TestClasses.Taught t, Authentication who, String purpose, byte[] p12, String pin)
      throws Exception {
    return mvc.perform(
        multipart("/schools/{s}/certificates", t.school().id())
            .file(new MockMultipartFile("file", "key.p12", "application/x-pkcs12", p12))
            .param("purpose", purpose)
            .param("pin", pin)
            .with(csrf())
            .with(authentication(who)));
  }

  /** The class's {@code sign} (homeroom teacher) or {@code seal} (principal) form, redirected. */
  public static ResultActions step(
      MockMvc mvc,
      TestClasses.Taught t,
      String step,
      Authentication who,
      long certificate,
      String pin)
      throws Exception {
    return mvc.perform(
            post("/schools/{s}/classes/{c}/hocba/" + step, t.school().id(), t.classId())
                .param("certificate", String.valueOf(certificate))
                .param("pin", pin)
                .with(csrf())
                .with(authentication(who)))
        .andExpect(status().is3xxRedirection());
  }
}
