package vn.truongso.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Role;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * Messages between the school and families (issue 20 part 3): who may address whom, the family's
 * inbox and its limits (another family's message or child does not exist), attachments judged by
 * content, the hourly limit, and the two-way conversation about a child.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MessagingIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired Provisioning provisioning;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;
  @Autowired vn.truongso.support.GradeBookData data;

  TestClasses.Taught t;
  long an;
  long binh;
  Authentication anParent;
  Authentication binhParent;
  Authentication homeroom;

  @BeforeEach
  void setUp() {
    clock.moveTo(java.time.LocalDateTime.of(2026, 12, 1, 7, 30));
    t = testClasses.taught(7, "toan", 2);
    an = t.students().get(0);
    binh = t.students().get(1);
    anParent = accounts.guardian(t.school(), an, "Phụ huynh", "Phu-Huynh-2026").signedIn();
    binhParent = accounts.guardian(t.school(), binh, "Phụ huynh", "Phu-Huynh-2026").signedIn();
    homeroom = t.homeroomTeacher().signedIn();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aClassNoticeReachesTheClasssFamiliesAndNoOneElse() throws Exception {
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    Authentication stranger =
        accounts
            .guardian(other.school(), other.students().getFirst(), "Phụ huynh", "Phu-Huynh-2026")
            .signedIn();
    long id = send(homeroom, "CLASS", "Họp phụ huynh lớp 7A1", "Thứ bảy 5/12, 8 giờ, phòng 7A1.");

    String inbox = page(anParent, "/portal/messages");
    assertThat(inbox).contains("Họp phụ huynh lớp 7A1");
    assertThat(page(binhParent, "/portal/messages")).contains("Họp phụ huynh lớp 7A1");
    assertThat(page(stranger, "/portal/messages")).doesNotContain("Họp phụ huynh");
    String child = "/portal/" + t.school().id() + "/" + an;
    assertThat(page(anParent, child)).contains("id=\"inbox-link\"").contains("<b>1</b>");

    String message = page(anParent, "/portal/messages/" + t.school().id() + "/" + id);
    assertThat(message).contains("Thứ bảy 5/12, 8 giờ, phòng 7A1.").contains("name=\"replyTo\"");
    // read now: the header's count is gone, and the sender sees one family has read it
    assertThat(page(anParent, child)).doesNotContain("<b>1</b>");
    String status = page(homeroom, "/schools/" + t.school().id() + "/messages/" + id);
    assertThat(status).contains("1 / 2 gia đình đã đọc");

    mvc.perform(
            get("/portal/messages/{s}/{id}", t.school().id(), id).with(authentication(stranger)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aHomeroomTeacherAddressesOnlyTheirClass() throws Exception {
    TestClasses.Taught other = testClasses.taught(8, "toan", 1);
    mvc.perform(notice(homeroom, "SCHOOL", "Toàn trường", "Nội dung"))
        .andExpect(status().isForbidden());
    // another class of the same school: not theirs
    long otherClass = classInSchool(t, 6);
    mvc.perform(notice(homeroom, t.school().id(), otherClass, "CLASS", "Lớp khác", "Nội dung"))
        .andExpect(status().isForbidden());
    // a class of another school, picked by id: not a class of this school
    String page =
        mvc.perform(
                notice(
                    homeroom,
                    t.school().id(),
                    other.classId(),
                    "CLASS",
                    "Lớp trường khác",
                    "Nội dung"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Hãy chọn một lớp của năm học này.").contains("Lớp trường khác");
    assertThat(count("SELECT count(*) FROM message WHERE school_id = ?", t.school().id())).isZero();
  }

  @Test
  void theNurseSendsHealthNoticesToTheWholeSchoolButNoOrdinaryOnes() throws Exception {
    Authentication nurse =
        accounts.create(t.school(), Role.NURSE, "Y tá Lan", "Y-Ta-Lan-2026", false).signedIn();
    long id = send(nurse, "SCHOOL", "Phòng bệnh cúm", "Nhà trường khuyến cáo...", "HEALTH");
    assertThat(page(binhParent, "/portal/messages")).contains("Phòng bệnh cúm").contains("Y tế");
    assertThat(
            count(
                "SELECT count(*) FROM message_recipient WHERE school_id = ? AND message_id = ?",
                t.school().id(),
                id))
        .isEqualTo(2);
    mvc.perform(notice(nurse, "SCHOOL", "Thông báo thường", "x")).andExpect(status().isForbidden());
  }

  @Test
  void anAttachmentIsJudgedByItsContentNotItsName() throws Exception {
    MockMultipartFile fake =
        new MockMultipartFile(
            "attachment",
            "thoi-khoa-bieu.pdf",
            "application/pdf",
            "<script>x</script>".repeat(4).getBytes());
    String page =
        mvc.perform(notice(homeroom, "CLASS", "Thời khoá biểu", "Xem tệp").file(fake))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("phải là PDF, PNG hoặc JPEG").contains("Thời khoá biểu");

    byte[] pdf =
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    MockMultipartFile real = new MockMultipartFile("attachment", "tkb.pdf", "application/pdf", pdf);
    long id =
        Long.parseLong(
            redirectId(
                mvc.perform(notice(homeroom, "CLASS", "Thời khoá biểu", "Xem tệp").file(real))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl()));
    byte[] got =
        mvc.perform(
                get("/portal/messages/{s}/{id}/attachment", t.school().id(), id)
                    .with(authentication(anParent)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(got).isEqualTo(pdf);
  }

  @Test
  void aSenderIsStoppedAtTheHourlyLimit() throws Exception {
    for (int i = 0; i < 30; i++) {
      send(homeroom, "CLASS", "Tin " + i, "Nội dung " + i);
    }
    String page =
        mvc.perform(notice(homeroom, "CLASS", "Tin thứ 31", "Nội dung"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("tối đa 30 tin trong một giờ");
    // an hour later the teacher may write again
    clock.moveTo(java.time.LocalDateTime.of(2026, 12, 1, 8, 31));
    send(homeroom, "CLASS", "Tin thứ 31", "Nội dung");
  }

  @Test
  void aFamilyAndTheHomeroomTeacherTalkAboutTheChild() throws Exception {
    long notice = send(homeroom, "CLASS", "Họp phụ huynh", "Thứ bảy 5/12.");
    String thread = "/portal/" + t.school().id() + "/" + an + "/conversation";
    mvc.perform(
            post(thread)
                .with(authentication(anParent))
                .with(csrf())
                .param("body", "Gia đình xin phép đến muộn 15 phút.")
                .param("replyTo", "" + notice))
        .andExpect(status().is3xxRedirection());

    String list = page(homeroom, "/schools/" + t.school().id() + "/conversations");
    assertThat(list).contains("Gia đình xin phép đến muộn");
    String staffThread = "/schools/" + t.school().id() + "/conversations/" + an;
    assertThat(page(homeroom, staffThread)).contains("trả lời: Họp phụ huynh");
    mvc.perform(
            post(staffThread)
                .with(authentication(homeroom))
                .with(csrf())
                .param("body", "Cô đã nhận, gia đình cứ đến."))
        .andExpect(status().is3xxRedirection());

    assertThat(page(anParent, "/portal/messages")).contains("<b class=\"tag urgent\">1</b>");
    assertThat(page(anParent, thread)).contains("Cô đã nhận, gia đình cứ đến.");
    // Bình's family sees neither the conversation nor may open it
    mvc.perform(get(thread).with(authentication(binhParent))).andExpect(status().isNotFound());
    mvc.perform(
            post(thread).with(authentication(binhParent)).with(csrf()).param("body", "Xin chào"))
        .andExpect(status().isNotFound());
    assertThat(page(binhParent, "/portal/" + t.school().id() + "/" + binh + "/conversation"))
        .doesNotContain("Cô đã nhận");
    // a reply to a message the family never received is kept as a plain post
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    String to =
        mvc.perform(
                notice(
                    other.homeroomTeacher().signedIn(),
                    other.school().id(),
                    other.classId(),
                    "CLASS",
                    "Khác",
                    "Khác"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long elsewhere = Long.parseLong(redirectId(to));
    mvc.perform(
            post(thread)
                .with(authentication(anParent))
                .with(csrf())
                .param("body", "Trả lời lạ")
                .param("replyTo", "" + elsewhere))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT reply_to FROM conversation_post WHERE body = 'Trả lời lạ'")
                .query(Long.class)
                .optional())
        .isEmpty();
  }

  @Test
  void aSubjectTeacherHasNoConversationsToAnswer() throws Exception {
    mvc.perform(
            get("/schools/{s}/conversations/{id}", t.school().id(), an)
                .with(authentication(t.subjectTeacher().signedIn())))
        .andExpect(status().isForbidden());
  }

  @Test
  void aFamilyIsToldOnceWhenTheMonthsUnexcusedAbsencesReachTheSchoolsLimit() throws Exception {
    // the school's default: 3 sessions without permission in a month
    for (int day = 1; day <= 4; day++) {
      clock.moveTo(java.time.LocalDateTime.of(2026, 12, day, 7, 30));
      mvc.perform(
              post("/schools/{s}/classes/{c}/attendance", t.school().id(), t.classId())
                  .with(authentication(homeroom))
                  .with(csrf())
                  .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                  .accept(org.springframework.http.MediaType.APPLICATION_JSON)
                  .content(
                      "{\"key\":\""
                          + java.util.UUID.randomUUID()
                          + "\",\"day\":\"2026-12-0"
                          + day
                          + "\",\"session\":\"SANG\",\"version\":0,\"note\":null,"
                          + "\"marks\":{\""
                          + an
                          + "\":{\"kind\":\"K\",\"reason\":\"\"}}}"))
          .andExpect(status().isOk());
      String inbox = page(anParent, "/portal/messages");
      assertThat(inbox.contains("đã nghỉ 3 buổi không phép trong tháng 12/2026"))
          .as("day %d", day)
          .isEqualTo(day >= 3);
    }
    assertThat(
            count(
                "SELECT count(*) FROM message_recipient r JOIN message m ON m.id = r.message_id"
                    + " WHERE m.kind = 'ABSENCE' AND r.student_id = ?",
                an))
        .isEqualTo(1);
    assertThat(page(binhParent, "/portal/messages")).doesNotContain("không phép");
  }

  @Test
  void thePrincipalReleasesPeriodicSummariesThatShowOnlyWhatIsPublished() throws Exception {
    data.fillYear(t, an, "9.5");
    Authentication principal =
        accounts
            .create(t.school(), Role.PRINCIPAL, "Cô Hiệu Trưởng", "Hieu-Truong-2026", false)
            .signedIn();
    mvc.perform(
            post("/schools/{s}/messages/summaries", t.school().id())
                .with(authentication(homeroom))
                .with(csrf())
                .param("from", "2026-11-01")
                .param("to", "2026-11-30"))
        .andExpect(status().isForbidden());

    long first = prepare(principal);
    assertThat(summaryOf(first, an))
        .doesNotContain("9,5")
        .doesNotContain("9.5")
        .contains("Không có điểm mới được công bố.")
        .contains("chưa đến lúc công bố");
    assertThat(page(anParent, "/portal/messages")).doesNotContain("Kết quả học tập");
    release(principal, first);
    assertThat(page(anParent, "/portal/messages")).contains("Kết quả học tập của em");
    assertThat(page(binhParent, "/portal/messages")).contains("Kết quả học tập của em");
    // released once only
    mvc.perform(
            post("/schools/{s}/messages/summaries/{b}/release", t.school().id(), first)
                .with(authentication(principal))
                .with(csrf()))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("releaseError", "messaging.error.summaryReleased"));

    // Term I published: its marks are new in the next summary, and not new in the one after
    mvc.perform(
            post("/schools/{s}/publication", t.school().id())
                .with(authentication(principal))
                .with(csrf())
                .param("mode", "TERM")
                .param("term1", "true"))
        .andExpect(status().is3xxRedirection());
    long second = prepare(principal);
    assertThat(summaryOf(second, an)).contains("9,5").doesNotContain("Không có điểm mới");
    release(principal, second);
    assertThat(summaryOf(prepare(principal), an)).contains("Không có điểm mới được công bố.");
  }

  private long prepare(Authentication principal) throws Exception {
    String to =
        mvc.perform(
                post("/schools/{s}/messages/summaries", t.school().id())
                    .with(authentication(principal))
                    .with(csrf())
                    .param("from", "2026-11-01")
                    .param("to", "2026-11-30"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return Long.parseLong(redirectId(to));
  }

  private void release(Authentication principal, long batch) throws Exception {
    mvc.perform(
            post("/schools/{s}/messages/summaries/{b}/release", t.school().id(), batch)
                .with(authentication(principal))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private String summaryOf(long batch, long student) {
    return jdbc.sql("SELECT body FROM message WHERE summary_batch = ? AND audience = ?")
        .params(batch, "STUDENT:" + student)
        .query(String.class)
        .single();
  }

  private long send(Authentication who, String scope, String title, String body) throws Exception {
    return send(who, scope, title, body, "NOTICE");
  }

  private long send(Authentication who, String scope, String title, String body, String kind)
      throws Exception {
    String to =
        mvc.perform(notice(who, scope, title, body).param("kind", kind))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return Long.parseLong(redirectId(to));
  }

  private static String redirectId(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private MockMultipartHttpServletRequestBuilder notice(
      Authentication who, String scope, String title, String body) {
    return notice(who, t.school().id(), t.classId(), scope, title, body);
  }

  private MockMultipartHttpServletRequestBuilder notice(
      Authentication who, long school, long classId, String scope, String title, String body) {
    MockMultipartHttpServletRequestBuilder b = multipart("/schools/{s}/messages", school);
    b.with(authentication(who)).with(csrf());
    b.param("scope", scope).param("title", title).param("body", body);
    if (scope.equals("CLASS")) {
      b.param("classId", "" + classId);
    }
    return b;
  }

  private String page(Authentication who, String path) throws Exception {
    return mvc.perform(get(path).with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private long classInSchool(TestClasses.Taught in, int grade) {
    return tx.execute(
        s ->
            jdbc.sql(
                    "INSERT INTO school_class (school_id, start_year, grade, name)"
                        + " VALUES (?, 2026, ?, ?) RETURNING id")
                .params(in.school().id(), grade, grade + "B9")
                .query(Long.class)
                .single());
  }

  private int count(String sql, Object... args) {
    return jdbc.sql(sql).params(args).query(Integer.class).single();
  }
}
