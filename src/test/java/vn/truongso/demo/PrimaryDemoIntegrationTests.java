package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The primary demo school shows every primary page with data: the English teacher's sheets, grade
 * 5's year-end results with a commendation and a pupil awaiting the supplementary assessment, grade
 * 2's end of term I half entered.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrimaryDemoIntegrationTests {

  @Autowired DemoFixture demo;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void kimDongHasAYearToShowAndATermStillBeingEntered() throws Exception {
    demo.ensure();
    assertThat(page("/", "th.gvanh")).contains("Môn tôi dạy ở tiểu học", "Ngoại ngữ 1 — lớp 5A");
    String fifth = page(board("5A") + "?point=CN", "th.gv5");
    assertThat(fifth)
        .contains("Học sinh Xuất sắc", "Hoàn thành chương trình tiểu học", "Chờ đánh giá bổ sung");
    String second = page(board("2A") + "?point=CHKI", "th.gv2");
    assertThat(second).contains("Thiếu mức đạt được cuối năm của môn Toán");
    assertThat(page(board("2A") + "?point=GHKI", "th.gv2")).doesNotContain("<summary>");

    // the principal follows the progress: grade 2 has half of end of term I, grade 5 all of it
    assertThat(page("/", "th.hieutruong")).contains("Tiến độ nhập sổ tiểu học");
    String school = board("2A").split("/")[2];
    String progress = page("/schools/" + school + "/primary-progress?grade=2", "th.hieutruong");
    assertThat(progress).contains("data-class=\"2A\"").doesNotContain("data-class=\"5A\"");
    assertThat(progress.replaceAll("\\s+", " "))
        .contains("data-point=\"GHKI\" class=\"table-success\">100%")
        .contains("data-point=\"CHKI\">50%");
    // a teacher without a class list of the school does not see it
    mvc.perform(
            get("/schools/" + school + "/primary-progress")
                .with(authentication(demo.as("th.gvanh"))))
        .andExpect(status().isForbidden());
  }

  private String board(String className) {
    List<Long> ids =
        jdbc
            .sql(
                "SELECT c.school_id || ',' || c.id FROM school_class c JOIN school s ON s.id ="
                    + " c.school_id WHERE s.name = 'Trường Tiểu học Kim Đồng' AND c.name = ?"
                    + " AND c.start_year = 2026")
            .param(className)
            .query(String.class)
            .list()
            .stream()
            .flatMap(s -> java.util.Arrays.stream(s.split(",")))
            .map(Long::valueOf)
            .toList();
    return "/schools/" + ids.get(0) + "/classes/" + ids.get(1) + "/primary-board";
  }

  private String page(String path, String username) throws Exception {
    return DemoFixture.page(mvc, demo.as(username), path);
  }
}
