package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.identity.Role;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.PdfTests;
import vn.truongso.support.PrimaryBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The homeroom teacher's qualities and competencies, the class's Bảng tổng hợp and the approval of
 * a primary class's terms (TT27 art. 6, 9, 13; DH-SD): a line saved with Đ typed as D, a wrong
 * letter refused on its line with nothing saved, the year-end result and commendation on the board,
 * an incomplete term not submitted, a submitted term frozen, returned with a reason and approved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrimaryBoardPageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired TestOrg org;
  @Autowired JdbcClient jdbc;
  @Autowired PrimaryBookData data;

  @Test
  void theHomeroomTeacherSavesALineOfQualitiesAndAWrongLetterIsRefusedOnIt() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 2, "toan", 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    String sheet = base(t) + "/primary-qualities";
    long an = t.students().get(0);

    assertThat(page(sheet + "?point=CHKI", homeroom))
        .contains("Phẩm chất, năng lực — lớp", "Tự chủ và tự học", "Nhận xét về năng lực")
        .contains("primary-qualities/export.xlsx?point=CHKI", "id=\"import-sheet\"");
    mvc.perform(
            line(sheet, "CHKI", an)
                .param("level_CHAM_CHI", "d")
                .param("level_TU_CHU_VA_TU_HOC", "T")
                .param("comment_PHAM_CHAT", "Chăm chỉ, lễ phép.")
                .with(authentication(homeroom)))
        .andExpect(flash().attribute("lineDone", "primary.sheet.saved"));
    assertThat(stored(t, an)).isEqualTo("CHAM_CHI:D,PHAM_CHAT:,TU_CHU_VA_TU_HOC:T");
    assertThat(page(sheet + "?point=CHKI", homeroom)).contains("Chăm chỉ, lễ phép.", "value=\"Đ\"");

    // a wrong letter names its item; nothing on the line is written, not even the good values
    mvc.perform(
            line(sheet, "CHKI", an)
                .param("level_CHAM_CHI", "T")
                .param("version_CHAM_CHI", "1")
                .param("level_NHAN_AI", "H")
                .with(authentication(homeroom)))
        .andExpect(flash().attribute("lineError", "gradebook.primary.quality.level"));
    assertThat(stored(t, an)).isEqualTo("CHAM_CHI:D,PHAM_CHAT:,TU_CHU_VA_TU_HOC:T");

    // the principal sees the page read-only; a subject teacher neither sees nor posts to it
    Authentication principal =
        accounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    assertThat(page(sheet + "?point=CHKI", principal))
        .contains("Chỉ giáo viên chủ nhiệm lớp nhập phẩm chất, năng lực", "Chăm chỉ, lễ phép.");
    Authentication teacher = t.subjectTeacher().signedIn();
    mvc.perform(get(sheet).with(authentication(teacher))).andExpect(status().isForbidden());
    mvc.perform(line(sheet, "CHKI", an).param("level_CHAM_CHI", "T").with(authentication(teacher)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theBoardShowsTheYearAndATermIsSubmittedFrozenReturnedAndApproved() throws Exception {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 5, "toan", 2);
    Authentication homeroom = t.homeroomTeacher().signedIn();
    Authentication teacher = t.subjectTeacher().signedIn();
    Authentication principal =
        accounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    long an = t.students().get(0);
    long binh = t.students().get(1);
    data.fill(t, an, PrimaryPoint.CHKI, "T", 9);
    data.fill(t, binh, PrimaryPoint.CHKI, "H", 7, "TRUNG_THUC");
    data.fill(t, an, PrimaryPoint.CN, "T", 10);
    data.fill(t, binh, PrimaryPoint.CN, "H", 6);

    // TT27 art. 9.2, 11.3, 13.1: all T with tests ≥ 9 — completed with excellence
    String board = page(base(t) + "/primary-board?point=CN", homeroom);
    assertThat(board)
        .contains(
            "Hoàn thành xuất sắc",
            "Học sinh Xuất sắc",
            "Hoàn thành chương trình tiểu học",
            "Hoàn thành xuất sắc: 1",
            "Hoàn thành: 1",
            "Hoàn thành xuất sắc (1)",
            "Nguyễn Văn An — Học sinh Xuất sắc");

    act(t, homeroom, 2, "submit")
        .andExpect(flash().attribute("approvalError", "gradebook.approval.term1First"));
    act(t, homeroom, 1, "submit")
        .andExpect(flash().attribute("approvalError", "gradebook.primary.incomplete"));
    assertThat(page(base(t) + "/primary-board?point=CHKI", homeroom))
        .contains("Thiếu mức đạt được của phẩm chất Trung thực");
    data.fill(t, binh, PrimaryPoint.CHKI, "H", 7);
    act(t, homeroom, 1, "submit")
        .andExpect(flash().attribute("approvalDone", "primary.board.done.submit"));

    // the submitted term takes no more values, at either of its points
    mvc.perform(
            post(base(t) + "/primary/toan/GHKI/" + an)
                .param("level", "H")
                .param("version", "0")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(flash().attribute("error", "gradebook.frozen"));
    act(t, homeroom, 1, "approve").andExpect(status().isForbidden());
    act(t, principal, 1, "return")
        .andExpect(flash().attribute("approvalError", "gradebook.approval.noteRequired"));
    mvc.perform(
            post(base(t) + "/primary-board/1/return")
                .param("note", "Xem lại nhận xét môn Toán")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("approvalDone", "primary.board.done.return"));
    assertThat(page(base(t) + "/primary-board?point=CHKI", homeroom))
        .contains("Hiệu trưởng trả lại: Xem lại nhận xét môn Toán");
    act(t, homeroom, 1, "submit")
        .andExpect(flash().attribute("approvalDone", "primary.board.done.submit"));
    act(t, principal, 1, "approve")
        .andExpect(flash().attribute("approvalDone", "primary.board.done.approve"));
    act(t, homeroom, 2, "submit")
        .andExpect(flash().attribute("approvalDone", "primary.board.done.submit"));
    act(t, principal, 2, "approve")
        .andExpect(flash().attribute("approvalDone", "primary.board.done.approve"));
    assertThat(page(base(t) + "/primary-board?point=CN", homeroom))
        .contains("Đã được Hiệu trưởng duyệt.")
        .doesNotContain("id=\"submit-form\"");

    // the principal prints the sheet: archival PDF, the year's columns and the signature blocks
    byte[] pdf =
        mvc.perform(
                get(base(t) + "/primary-board.pdf")
                    .param("point", "CN")
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC",
              "Cuối năm học",
              "HTXS",
              "HSXS",
              "XÁC NHẬN CỦA HIỆU TRƯỞNG",
              "GIÁO VIÊN CHỦ NHIỆM");
    }
    mvc.perform(get(base(t) + "/primary-board.pdf").with(authentication(teacher)))
        .andExpect(status().isForbidden());
  }

  private ResultActions act(TestClasses.Taught t, Authentication who, int term, String step)
      throws Exception {
    return mvc.perform(
        post(base(t) + "/primary-board/" + term + "/" + step)
            .with(csrf())
            .with(authentication(who)));
  }

  private static String base(TestClasses.Taught t) {
    return "/schools/" + t.school().id() + "/classes/" + t.classId();
  }

  private static MockHttpServletRequestBuilder line(String sheet, String point, long pupil) {
    return post(sheet + "/" + point + "/" + pupil).with(csrf());
  }

  private String stored(TestClasses.Taught t, long pupil) {
    return jdbc.sql(
            "SELECT string_agg(item || ':' || coalesce(level, ''), ',' ORDER BY item) FROM"
                + " primary_assessment WHERE class_id = ? AND student_id = ?")
        .params(t.classId(), pupil)
        .query(String.class)
        .single();
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
