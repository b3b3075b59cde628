package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo kindergarten's oldest group has health checks, development records and daily notes, and
 * the family of its first child reads them in the portal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KindergartenRecordsDemoIntegrationTests {

  @Autowired DemoFixture demo;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void theOldestGroupsRecordsReachTheTeacherAndTheFamily() throws Exception {
    demo.ensure();
    String[] c =
        jdbc.sql(
                "SELECT c.school_id || ',' || c.id FROM school_class c JOIN school s"
                    + " ON s.id = c.school_id WHERE s.name = 'Trường Mầm non Hoa Phượng'"
                    + " AND c.name = 'Mẫu giáo lớn (Lá)'")
            .query(String.class)
            .single()
            .split(",");
    String summary =
        DemoFixture.page(
            mvc, demo.as("mn.gv4"), "/schools/" + c[0] + "/development/classes/" + c[1]);
    assertThat(summary).contains("Bộ chuẩn phát triển trẻ em năm tuổi").contains("/26<");
    long child =
        jdbc.sql(
                "SELECT g.student_id FROM student_guardian g JOIN guardian p"
                    + " ON p.id = g.guardian_id WHERE p.phone = '0987654321' AND g.school_id = ?")
            .param(Long.parseLong(c[0]))
            .query(Long.class)
            .single();
    String growth =
        DemoFixture.page(mvc, demo.as("0987654321"), "/portal/" + c[0] + "/" + child + "/growth");
    assertThat(growth).contains("Khám sức khỏe định kỳ").contains("Sức khỏe bình thường");
    String notes =
        DemoFixture.page(mvc, demo.as("0987654321"), "/portal/" + c[0] + "/" + child + "/notes");
    assertThat(notes).contains("Ngủ trưa").contains("data-day=");
  }
}
