package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The demo kindergarten's kitchen has dishes, a fortnight of menus and its sheets show data. */
@SpringBootTest
@AutoConfigureMockMvc
class KitchenDemoIntegrationTests {

  @Autowired DemoFixture demo;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void theCookFindsAFortnightOfMenusAndTheDaysSheets() throws Exception {
    demo.ensure();
    Object[] row =
        jdbc.sql(
                "SELECT s.id, count(DISTINCT m.day), min(m.day) FROM school s JOIN kitchen_menu_item m"
                    + " ON m.school_id = s.id WHERE s.name = 'Trường Mầm non Hoa Phượng'"
                    + " GROUP BY s.id")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)})
            .single();
    assertThat((Integer) row[1]).as("menus of two weeks' school days").isBetween(6, 10);
    String menus =
        DemoFixture.page(
            mvc, demo.as("mn.capduong"), "/schools/" + row[0] + "/kitchen/menus?week=" + row[2]);
    assertThat(menus).contains("Cơm trắng", "Canh rau ngót nấu thịt", "Cân đối theo định mức");
    String sheet =
        DemoFixture.page(
            mvc, demo.as("mn.capduong"), "/schools/" + row[0] + "/kitchen/days/" + row[2]);
    assertThat(sheet)
        .contains("Mẫu giáo lớn (Lá)", "data-food=\"1004\"", "Công ty TNHH thực phẩm sạch Hải An")
        .contains("data-serving=\"Cơm trắng\"", "175 g chín/trẻ")
        .doesNotContain("Có thực phẩm chưa có giá");
  }

  @Test
  void aKindergartensPrincipalIsOfferedTheKitchenAndNoGradeBookPages() throws Exception {
    demo.ensure();
    assertThat(DemoFixture.page(mvc, demo.as("mn.capduong"), "/"))
        .contains("id=\"kitchen-panel\"", "Bếp ăn hôm nay", "Suất ăn: ");
    assertThat(DemoFixture.page(mvc, demo.as("mn.hieutruong"), "/"))
        .contains("href=\"/kitchen\"", "href=\"/growth\"", "id=\"kitchen-panel\"")
        .doesNotContain("href=\"/hocba-copies\"", "href=\"/control\"", "href=\"/monitoring\"");
    assertThat(DemoFixture.page(mvc, demo.as("thcs.hieutruong"), "/"))
        .contains("href=\"/hocba-copies\"")
        .doesNotContain("href=\"/kitchen\"");
  }
}
