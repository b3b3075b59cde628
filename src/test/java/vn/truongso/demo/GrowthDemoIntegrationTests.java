package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo kindergarten's children have been weighed and measured, and a group's page shows the
 * children at risk to its teacher.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GrowthDemoIntegrationTests {

  @Autowired DemoFixture demo;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void everyChildHasMeasurementsAndSomeAreAtRisk() throws Exception {
    demo.ensure();
    String[] c =
        jdbc.sql(
                "SELECT c.school_id || ',' || c.id FROM school_class c JOIN school s"
                    + " ON s.id = c.school_id WHERE s.name = 'Trường Mầm non Hoa Phượng'"
                    + " AND c.name = 'Mẫu giáo bé (Mầm)'")
            .query(String.class)
            .single()
            .split(",");
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT m.student_id) FROM growth_measurement m"
                        + " JOIN school s ON s.id = m.school_id"
                        + " WHERE s.name = 'Trường Mầm non Hoa Phượng'")
                .query(Integer.class)
                .single())
        .isEqualTo(76);
    String group =
        DemoFixture.page(mvc, demo.as("mn.gv2"), "/schools/" + c[0] + "/growth/classes/" + c[1]);
    assertThat(group).contains("data-finding=\"UNDERWEIGHT\"").contains("data-finding=\"STUNTED\"");
    assertThat(DemoFixture.page(mvc, demo.as("mn.gv2"), "/growth")).contains("Mẫu giáo bé (Mầm)");
    // the principal's list of the school's children to watch: every group's, and only those
    String risk =
        DemoFixture.page(mvc, demo.as("mn.hieutruong"), "/schools/" + c[0] + "/growth/at-risk");
    assertThat(risk)
        .contains(
            "Nhà trẻ 24–36 tháng", "Mẫu giáo bé (Mầm)", "Mẫu giáo nhỡ (Chồi)", "Mẫu giáo lớn (Lá)")
        .containsAnyOf("data-finding=\"OVERWEIGHT\"", "data-finding=\"OBESE\"");
    assertThat(risk.split("data-student=", -1).length - 1).isBetween(8, 30);
  }
}
