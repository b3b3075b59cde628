package vn.truongso.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The correction procedure across its three people (DH-SD art. 5.2): the subject teacher files a
 * request with evidence for a locked cell, the principal approves, the teacher and the data
 * administrator both confirm, and only then the value changes, the column locks again and the
 * minutes print. With the races and bad input the issue names.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CorrectionsIntegrationTests {

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  /** A class whose term-I Toán GK of the first student holds 6 and is locked by the principal. */
  record Locked(
      TestClasses.Taught t,
      Authentication teacher,
      TestAccounts.Created principal,
      TestAccounts.Created admin) {
    long student() {
      return t.students().get(0);
    }
  }

  Locked locked() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    var admin = testAccounts.create(t.school(), Role.DATA_ADMIN, "Quản trị", "x", false);
    Authentication teacher = t.subjectTeacher().signedIn();
    save(t, teacher, "GK", "6", 0).andExpect(status().isOk());
    lockTerm(t, principal.signedIn());
    return new Locked(t, teacher, principal, admin);
  }

  @Test
  void aLockedMarkChangesOnlyAfterApprovalAndBothConfirmationsThenLocksAgainWithMinutes()
      throws Exception {
    Locked l = locked();
    long id = file(l, "GK", "8", "Nhập nhầm điểm của bạn khác", evidence("so-diem.pdf", PDF));
    assertThat(state(id)).isEqualTo("FILED");
    assertThat(value(l, "GK")).isEqualTo("6");

    // the data administrator cannot carry out what the principal has not approved
    confirm(l, l.admin().signedIn(), id)
        .andExpect(flash().attribute("error", "corrections.state.notApproved"));
    // nor can the teacher approve, nor the administrator decide
    decide(l, l.teacher(), id, true, "").andExpect(status().isForbidden());
    decide(l, l.admin().signedIn(), id, true, "").andExpect(status().isForbidden());

    decide(l, l.principal().signedIn(), id, true, "Đồng ý, đã đối chiếu bài kiểm tra")
        .andExpect(flash().attribute("done", "corrections.done.approved"));
    // a second approval finds the decision taken, and who took it
    var vice = testAccounts.create(l.t().school(), Role.RESULTS_APPROVER, "Phó HT", "x", false);
    decide(l, vice.signedIn(), id, false, "Không đồng ý")
        .andExpect(flash().attribute("error", "corrections.state.decided.approved"));

    confirm(l, l.teacher(), id).andExpect(flash().attribute("done", "corrections.done.waiting"));
    assertThat(value(l, "GK")).isEqualTo("6");
    confirm(l, l.teacher(), id)
        .andExpect(flash().attribute("error", "corrections.confirm.already"));
    confirm(l, l.admin().signedIn(), id)
        .andExpect(flash().attribute("done", "corrections.done.carried_out"));

    assertThat(state(id)).isEqualTo("CARRIED_OUT");
    assertThat(value(l, "GK")).isEqualTo("8");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE school_id = ?"
                        + " AND action = 'gradebook.score.corrected'"
                        + " AND after_state::jsonb ->> 'correctionRequest' = ?")
                .params(l.t().school().id(), String.valueOf(id))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // the corrected column is locked on its own, so opening the class would not open it
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM entry_lock WHERE school_id = ? AND class_id = ?"
                        + " AND slot = 'GK' AND lifted_at IS NULL AND NOT opens")
                .params(l.t().school().id(), l.t().classId())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // the teacher still cannot type into it
    save(l.t(), l.teacher(), "GK", "9", 2).andExpect(status().isUnprocessableEntity());

    // a school's full name is long: the motto beside it must still keep to one line
    jdbc.sql("UPDATE school SET name = ? WHERE id = ?")
        .params("Trường Trung học cơ sở Nguyễn Văn Trỗi, phường Bến Thành", l.t().school().id())
        .update();
    byte[] pdf =
        mvc.perform(
                get("/schools/{s}/corrections/{id}/minutes.pdf", l.t().school().id(), id)
                    .with(authentication(l.principal().signedIn())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "BIÊN BẢN SỬA CHỮA ĐIỂM",
              "Nguyễn Văn An",
              "Nhập nhầm điểm của bạn khác",
              l.principal().username(),
              l.admin().username(),
              l.t().subjectTeacher().username(),
              "HIỆU TRƯỞNG")
          // the national motto on one line, never "…VIỆT / NAM"
          .containsPattern("(?m)^.*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\s*$");
    }
    assertThat(vn.truongso.platform.PdfTests.pdfA3bFailures(pdf)).isEmpty();
  }

  @Test
  void aRequestWhoseCellChangedAfterFilingIsVoidAndChangesNothing() throws Exception {
    Locked l = locked();
    long id = file(l, "GK", "8", "Nhầm", evidence("bai-kiem-tra.png", png()));
    // the principal opens the column for a while and the teacher types another value
    lockColumn(l, true);
    save(l.t(), l.teacher(), "GK", "7", 1).andExpect(status().isOk());
    lockColumn(l, false);

    decide(l, l.principal().signedIn(), id, true, "")
        .andExpect(flash().attribute("done", "corrections.done.stale"));
    assertThat(state(id)).isEqualTo("STALE");
    assertThat(value(l, "GK")).isEqualTo("7");
    confirm(l, l.teacher(), id)
        .andExpect(flash().attribute("error", "corrections.state.ended.stale"));
  }

  @Test
  void badRequestsAreRefusedWithTheirReasonAndKeepNothing() throws Exception {
    Locked l = locked();
    byte[] exe = new byte[64];
    exe[0] = 'M';
    exe[1] = 'Z';
    String refused = refused(l, "GK", "8", "Nhầm", evidence("so-diem.pdf", exe));
    assertThat(refused).contains("không phải PDF, JPEG hay PNG");
    // an open column needs no request: TX1 of term II is not locked
    String open = refused(l, "TX1", "8", "Nhầm", evidence("a.pdf", PDF), 2);
    assertThat(open).contains("Ô này đang mở");
    String noEvidence = refused(l, "GK", "8", "Nhầm", null);
    assertThat(noEvidence).contains("Cần kèm ít nhất một tệp minh chứng");
    String same = refused(l, "GK", "6", "Nhầm", evidence("a.pdf", PDF));
    assertThat(same).contains("trùng với giá trị hiện tại");
    // another teacher of the school cannot ask to change this class's marks
    var other = testClasses.anotherTeacher(testClasses.taught(8, "toan", 1), "toan");
    mvc.perform(
            multipart("/schools/{s}/corrections", l.t().school().id())
                .file(evidence("a.pdf", PDF))
                .param("classId", String.valueOf(l.t().classId()))
                .param("subject", "toan")
                .param("term", "1")
                .param("reason", "x")
                .param("cell-" + l.student() + ":GK", "9")
                .with(csrf())
                .with(authentication(other.signedIn())))
        .andExpect(status().isForbidden());
    assertThat(requests(l)).isZero();

    // one request at a time for a cell
    file(l, "GK", "8", "Nhầm", evidence("a.pdf", PDF));
    String busy = refused(l, "GK", "9", "Nhầm", evidence("a.pdf", PDF));
    assertThat(busy).contains("đã có trong một phiếu khác");
    assertThat(requests(l)).isEqualTo(1);
  }

  @Test
  void addingEvidenceWithoutAFileSaysSoAndKeepsTheRequest() throws Exception {
    Locked l = locked();
    long id = file(l, "GK", "8", "Nhầm", evidence("bai-kiem-tra.png", png()));
    // the form sent with no file chosen (no part at all, or an empty one)
    mvc.perform(
            multipart("/schools/{s}/corrections/{id}/evidence", l.t().school().id(), id)
                .with(csrf())
                .with(authentication(l.teacher())))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", "corrections.evidence.none"));
    mvc.perform(
            multipart("/schools/{s}/corrections/{id}/evidence", l.t().school().id(), id)
                .file(evidence("", new byte[0]))
                .with(csrf())
                .with(authentication(l.teacher())))
        .andExpect(flash().attribute("error", "corrections.evidence.none"));
    assertThat(state(id)).isEqualTo("FILED");
  }

  @Test
  void aTeacherListsTheirOwnRequestsLeadersListAllAndOutsidersNone() throws Exception {
    Locked l = locked();
    long id = file(l, "GK", "8", "Nhầm", evidence("a.pdf", PDF));
    // a colleague teaching another subject in the same class
    var colleague = testClasses.anotherTeacher(l.t(), "ngu_van");
    String link = "/corrections/" + id + "\"";
    assertThat(list(l, l.teacher())).contains(link);
    assertThat(list(l, l.admin().signedIn())).contains(link);
    assertThat(list(l, l.principal().signedIn())).contains(link);
    assertThat(list(l, colleague.signedIn())).doesNotContain(link);
    mvc.perform(
            get("/schools/{s}/corrections/{id}", l.t().school().id(), id)
                .with(authentication(colleague.signedIn())))
        .andExpect(status().isNotFound());
    var elsewhere = testClasses.taught(7, "toan", 1);
    mvc.perform(
            get("/schools/{s}/corrections", l.t().school().id())
                .with(authentication(elsewhere.subjectTeacher().signedIn())))
        .andExpect(status().isNotFound());
  }

  private String list(Locked l, Authentication who) throws Exception {
    return mvc.perform(
            get("/schools/{s}/corrections", l.t().school().id()).with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void afterTheCutOffOnlyThePrincipalsDocumentedExceptionLetsARequestBeFiled() throws Exception {
    Locked l = locked();
    calendar(l, "2027-05-31");
    clock.moveTo(LocalDate.of(2027, 6, 10));
    String barred = refused(l, "GK", "8", "Nhầm", evidence("a.pdf", PDF));
    assertThat(barred).contains("Đã qua ngày khóa sổ 31/05/2027");
    assertThat(requests(l)).isZero();

    waiver(l, l.teacher()).andExpect(status().isForbidden());
    waiver(l, l.principal().signedIn())
        .andExpect(flash().attribute("done", "corrections.done.waiver"));
    long id = file(l, "GK", "8", "Phúc khảo", evidence("a.pdf", PDF));
    assertThat(
            jdbc.sql("SELECT exception_id IS NOT NULL FROM correction_request WHERE id = ?")
                .params(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void theWeekBeforeTheEndOfTermTestTakesNoRequests() throws Exception {
    Locked l = locked();
    Authentication principal = l.principal().signedIn();
    calendar(l, "");
    mvc.perform(
            post("/schools/{s}/control/test-dates", l.t().school().id())
                .param("year", "2026")
                .param("term", "1")
                .param("slot", "CK")
                .param("on", "2026-12-21")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("controlSaved", true));
    clock.moveTo(LocalDate.of(2026, 12, 15));
    String barred = refused(l, "GK", "8", "Nhầm", evidence("a.pdf", PDF));
    assertThat(barred).contains("Từ 14/12/2026 đến");
    clock.moveTo(LocalDate.of(2026, 12, 13));
    file(l, "GK", "8", "Nhầm", evidence("a.pdf", PDF));
  }

  @Test
  void theHomeroomTeacherCorrectsALockedConductLevel() throws Exception {
    Locked l = locked();
    Authentication homeroom = l.t().homeroomTeacher().signedIn();
    // the term's lock set in locked() closes conduct too; open it a moment to enter the level
    long lockId = newestLock(l);
    mvc.perform(
            post("/schools/{s}/control/locks/{id}/lift", l.t().school().id(), lockId)
                .param("year", "2026")
                .param("reason", "Nhập hạnh kiểm")
                .with(csrf())
                .with(authentication(l.principal().signedIn())))
        .andExpect(flash().attribute("controlSaved", true));
    mvc.perform(
            post("/schools/{s}/classes/{c}/book/conduct", l.t().school().id(), l.t().classId())
                .param("student-" + l.student(), "1")
                .param("HK1-" + l.student(), "KHA")
                .with(csrf())
                .with(authentication(homeroom)))
        .andExpect(status().is3xxRedirection());
    lockTerm(l.t(), l.principal().signedIn());

    long id =
        mvc.perform(
                multipart("/schools/{s}/corrections", l.t().school().id())
                    .file(evidence("so-chu-nhiem.jpg", jpeg()))
                    .param("classId", String.valueOf(l.t().classId()))
                    .param("subject", "")
                    .param("term", "1")
                    .param("reason", "Ghi nhầm mức rèn luyện")
                    .param("cell-" + l.student() + ":HK1", "TOT")
                    .with(csrf())
                    .with(authentication(homeroom)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl()
            .transform(u -> Long.parseLong(u.replaceAll(".*/corrections/(\\d+).*", "$1")));
    decide(l, l.principal().signedIn(), id, true, "").andExpect(status().is3xxRedirection());
    confirm(l, l.admin().signedIn(), id)
        .andExpect(flash().attribute("done", "corrections.done.waiting"));
    confirm(l, homeroom, id).andExpect(flash().attribute("done", "corrections.done.carried_out"));
    assertThat(
            jdbc.sql(
                    "SELECT level FROM conduct_entry WHERE school_id = ? AND class_id = ?"
                        + " AND student_id = ? AND period = 'HK1'")
                .params(l.t().school().id(), l.t().classId(), l.student())
                .query(String.class)
                .single())
        .isEqualTo("TOT");
  }

  // --- helpers

  /** The page a refused filing answers with. */
  private String refused(Locked l, String slot, String value, String reason, MockMultipartFile f)
      throws Exception {
    return refused(l, slot, value, reason, f, 1);
  }

  private String refused(
      Locked l, String slot, String value, String reason, MockMultipartFile f, int term)
      throws Exception {
    return fileForm(l, slot, value, reason, f, term)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The principal saves the year's calendar with a cut-off ("" none). */
  private void calendar(Locked l, String cutoff) throws Exception {
    mvc.perform(
            post("/schools/{s}/control/calendar", l.t().school().id())
                .param("year", "2026")
                .param("regularWeeks", "8, 17, 26, 34")
                .param("workingDays", "10")
                .param("retestBy", "2027-08-31")
                .param("cutoff", cutoff)
                .param("stopDays", "7")
                .with(csrf())
                .with(authentication(l.principal().signedIn())))
        .andExpect(flash().attribute("controlSaved", true));
  }

  /** An exception to the filing bar for the class until 15 June 2027, asked by {@code who}. */
  private ResultActions waiver(Locked l, Authentication who) throws Exception {
    return mvc.perform(
        post("/schools/{s}/corrections/waivers", l.t().school().id())
            .param("year", "2026")
            .param("classId", String.valueOf(l.t().classId()))
            .param("reason", "Công văn 45/PGD ngày 08/6/2027: phúc khảo bài thi")
            .param("until", "2027-06-15")
            .with(csrf())
            .with(authentication(who)));
  }

  private long file(Locked l, String slot, String value, String reason, MockMultipartFile f)
      throws Exception {
    String url =
        fileForm(l, slot, value, reason, f)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return Long.parseLong(url.replaceAll(".*/corrections/(\\d+).*", "$1"));
  }

  private ResultActions fileForm(
      Locked l, String slot, String value, String reason, MockMultipartFile f) throws Exception {
    return fileForm(l, slot, value, reason, f, 1);
  }

  private ResultActions fileForm(
      Locked l, String slot, String value, String reason, MockMultipartFile f, int term)
      throws Exception {
    var request =
        multipart("/schools/{s}/corrections", l.t().school().id())
            .param("classId", String.valueOf(l.t().classId()))
            .param("subject", "toan")
            .param("term", String.valueOf(term))
            .param("reason", reason)
            .param("cell-" + l.student() + ":" + slot, value);
    if (f != null) {
      request.file(f);
    }
    return mvc.perform(request.with(csrf()).with(authentication(l.teacher())));
  }

  private ResultActions decide(Locked l, Authentication who, long id, boolean approve, String note)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/corrections/{id}/decision", l.t().school().id(), id)
            .param("approve", String.valueOf(approve))
            .param("note", note)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions confirm(Locked l, Authentication who, long id) throws Exception {
    return mvc.perform(
        post("/schools/{s}/corrections/{id}/confirm", l.t().school().id(), id)
            .with(csrf())
            .with(authentication(who)));
  }

  private void lockTerm(TestClasses.Taught t, Authentication principal) throws Exception {
    mvc.perform(
            post("/schools/{s}/control/locks", t.school().id())
                .param("year", "2026")
                .param("term", "1")
                .param("classId", String.valueOf(t.classId()))
                .param("reason", "Khóa sổ học kỳ I")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("controlSaved", true));
  }

  private void lockColumn(Locked l, boolean opens) throws Exception {
    mvc.perform(
            post("/schools/{s}/control/locks", l.t().school().id())
                .param("year", "2026")
                .param("term", "1")
                .param("classId", String.valueOf(l.t().classId()))
                .param("subject", "toan")
                .param("slot", "GK")
                .param("opens", String.valueOf(opens))
                .param("reason", opens ? "Mở để sửa" : "Khóa lại")
                .with(csrf())
                .with(authentication(l.principal().signedIn())))
        .andExpect(flash().attribute("controlSaved", true));
  }

  private ResultActions save(
      TestClasses.Taught t, Authentication who, String slot, String value, int version)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/scores/toan/cell", t.school().id(), t.classId())
            .param("term", "1")
            .param("student", String.valueOf(t.students().get(0)))
            .param("slot", slot)
            .param("value", value)
            .param("version", String.valueOf(version))
            .with(csrf())
            .with(authentication(who)));
  }

  private String value(Locked l, String slot) {
    return jdbc.sql(
            "SELECT trim_scale(score)::text FROM score_cell WHERE school_id = ? AND class_id = ?"
                + " AND subject_code = 'toan' AND term_no = 1 AND student_id = ? AND slot = ?")
        .params(l.t().school().id(), l.t().classId(), l.student(), slot)
        .query(String.class)
        .single();
  }

  private String state(long id) {
    return jdbc.sql("SELECT state FROM correction_request WHERE id = ?")
        .params(id)
        .query(String.class)
        .single();
  }

  private int requests(Locked l) {
    return jdbc.sql("SELECT count(*) FROM correction_request WHERE school_id = ?")
        .params(l.t().school().id())
        .query(Integer.class)
        .single();
  }

  private long newestLock(Locked l) {
    return jdbc.sql("SELECT max(id) FROM entry_lock WHERE school_id = ?")
        .params(l.t().school().id())
        .query(Long.class)
        .single();
  }

  static MockMultipartFile evidence(String name, byte[] content) {
    return new MockMultipartFile("evidence", name, "application/octet-stream", content);
  }

  /** A real 4 × 3 picture, as a phone would send evidence. */
  static byte[] png() {
    return picture("png");
  }

  static byte[] jpeg() {
    return picture("jpg");
  }

  private static byte[] picture(String format) {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB),
          format,
          out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
