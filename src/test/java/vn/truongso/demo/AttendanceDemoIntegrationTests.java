package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every demo class has its last school week's rolls, today's left to take; a month's sheet shows a
 * student to watch; the kindergarten's groups take the roll twice a day.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttendanceDemoIntegrationTests {

  @Autowired DemoFixture demo;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void theDemoSchoolsHaveAWeekOfRollsAndTodaysToTake() throws Exception {
    demo.ensure();
    List<Integer> perClass =
        jdbc.sql(
                "SELECT count(DISTINCT r.day)::int FROM attendance_roll r JOIN school_class c ON"
                    + " c.school_id = r.school_id AND c.id = r.class_id JOIN school s ON s.id ="
                    + " c.school_id WHERE c.start_year = 2026 AND s.code IN ('31211101',"
                    + " '31211201', '31211301', '31211102') GROUP BY r.class_id")
            .query(Integer.class)
            .list();
    assertThat(perClass).isNotEmpty().allMatch(n -> n == 5);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM attendance_roll r JOIN school s ON s.id = r.school_id"
                        + " WHERE s.name = 'Trường Mầm non Hoa Phượng' AND r.session = 'CHIEU'")
                .query(Long.class)
                .single())
        .as("full-day groups take an afternoon roll too")
        .isPositive();

    assertThat(page("/", "mn.gv1")).contains("Điểm danh hôm nay", "chưa điểm danh");
    String today = page("/attendance", "mn.hieutruong");
    assertThat(today).contains("Trường Mầm non Hoa Phượng", "lớp chưa điểm danh");

    String[] c =
        jdbc.sql(
                "SELECT r.school_id || ',' || r.class_id || ',' || to_char(max(r.day), 'YYYY-MM')"
                    + " FROM attendance_roll r JOIN school s ON s.id = r.school_id"
                    + " WHERE s.name = 'Trường Mầm non Hoa Phượng' GROUP BY r.school_id, r.class_id"
                    + " ORDER BY r.class_id LIMIT 1")
            .query(String.class)
            .single()
            .split(",");
    String month =
        page(
            "/schools/" + c[0] + "/classes/" + c[1] + "/attendance/month?month=" + c[2],
            "mn.hieutruong");
    assertThat(month).contains("cần chú ý", "Nghỉ không phép nhiều");
  }

  private String page(String path, String username) throws Exception {
    return DemoFixture.page(mvc, demo.as(username), path);
  }
}
