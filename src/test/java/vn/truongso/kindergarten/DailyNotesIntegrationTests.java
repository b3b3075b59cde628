package vn.truongso.kindergarten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * A child's day for the family (issue 21 part 4): the group's teacher writes how the child ate and
 * slept and shares a photo; the child's family reads it in the portal and sees the photo, which no
 * other family can fetch; a note for a day to come, too old or empty is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DailyNotesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  TestClasses.Taught group;
  Authentication teacher;
  long an;

  @BeforeEach
  void setUp() {
    clock.moveTo(java.time.LocalDateTime.of(2026, 12, 1, 16, 0));
    group = testClasses.taughtIn(testOrg.school(SchoolLevel.KINDERGARTEN), 0, null, 2);
    an = group.students().getFirst();
    teacher = group.homeroomTeacher().signedIn();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theTeacherSharesTheDayAndOnlyThatFamilySeesThePhoto() throws Exception {
    mvc.perform(note("2026-12-02").param("note", "Mai gặp lại"))
        .andExpect(flash().attribute("noteError", "kindergarten.note.day.invalid"));
    mvc.perform(note("2026-11-20").param("note", "Cũ quá"))
        .andExpect(flash().attribute("noteError", "kindergarten.note.day.invalid"));
    mvc.perform(note("2026-12-01"))
        .andExpect(flash().attribute("noteError", "kindergarten.note.empty"));
    mvc.perform(note("2026-12-01").param("sleptMinutes", "900"))
        .andExpect(flash().attribute("noteError", "kindergarten.note.slept.invalid"));
    assertThat(count()).isZero();

    mvc.perform(
            note("2026-12-01")
                .file(new MockMultipartFile("photo", "be-an.png", "image/png", png()))
                .param("ate", "MOST")
                .param("sleptMinutes", "110")
                .param("note", "Hôm nay con vẽ bức tranh gia đình"))
        .andExpect(flash().attribute("noteSaved", true));
    assertThat(count()).isEqualTo(1);

    Authentication family =
        accounts.guardian(group.school(), an, "Phụ huynh bé An", "Phu-Huynh-2026-n").signedIn();
    String page = body(get("/portal/{s}/{id}/notes", group.school().id(), an), family);
    assertThat(page)
        .contains("Ăn gần hết", "Ngủ trưa 110 phút", "Hôm nay con vẽ bức tranh gia đình")
        .contains("/notes/photo/" + group.school().id() + "/" + an + "/2026-12-01");
    mvc.perform(
            get("/notes/photo/{s}/{id}/2026-12-01", group.school().id(), an)
                .with(authentication(family)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/jpeg"))
        .andExpect(
            header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));

    Authentication other =
        accounts
            .guardian(group.school(), group.students().get(1), "Phụ huynh khác", "Phu-Huynh-2026-o")
            .signedIn();
    mvc.perform(
            get("/notes/photo/{s}/{id}/2026-12-01", group.school().id(), an)
                .with(authentication(other)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/portal/{s}/{id}/notes", group.school().id(), an).with(authentication(other)))
        .andExpect(status().isNotFound());
  }

  private MockMultipartHttpServletRequestBuilder note(String day) {
    MockMultipartHttpServletRequestBuilder r =
        multipart("/schools/{s}/notes/students/{id}", group.school().id(), an);
    r.param("day", day);
    r.with(csrf()).with(authentication(teacher));
    return r;
  }

  private String body(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r,
      Authentication who)
      throws Exception {
    return mvc.perform(r.with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private int count() {
    return jdbc.sql("SELECT count(*) FROM daily_note WHERE student_id = ?")
        .param(an)
        .query(Integer.class)
        .single();
  }
}
