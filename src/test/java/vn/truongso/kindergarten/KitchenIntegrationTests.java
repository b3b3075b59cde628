package vn.truongso.kindergarten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.truongso.attendance.PastRolls;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The kindergarten kitchen (issue 21 part 2): the cook writes recipes from the food composition
 * table, builds a day's menu and sees its balance against the norms with the dish to change; bad
 * recipes and a menu on a closed day are refused with nothing stored; the day's portion sheet and
 * market list come from the day's roll, and nobody but the cook and the leaders sees the kitchen.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KitchenIntegrationTests {

  static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;
  @Autowired PastRolls pastRolls;

  School school;
  TestClasses.Taught group;
  Authentication cook;

  @BeforeEach
  void setUp() {
    clock.moveTo(TUESDAY.atTime(10, 0));
    school = testOrg.school(SchoolLevel.KINDERGARTEN);
    group = testClasses.taughtIn(school, 0, null, 3);
    // two of mẫu giáo age (4 years), one of nhà trẻ age (30 months): a mixed-age count
    jdbc.sql("UPDATE student SET birth_date = '2022-10-01' WHERE id IN (?, ?)")
        .params(group.students().get(0), group.students().get(1))
        .update();
    jdbc.sql("UPDATE student SET birth_date = '2024-06-01' WHERE id = ?")
        .param(group.students().get(2))
        .update();
    cook = accounts.create(school, Role.COOK, "Cấp dưỡng", "Cap-Duong-2026-x", false).signedIn();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aRecipeWithAnUnknownFoodOrKilogramsTypedAsGramsIsRefusedAndNothingStored() throws Exception {
    String page =
        body(
            dish(
                "Cơm thịt",
                List.of("1004", "99999", "7017", "6010"),
                List.of("60", "10", "5000", "-3")));
    assertThat(page)
        .contains("Dòng 2: không có thực phẩm «99999»")
        .contains("Dòng 3: 5000 g Thịt lợn nạc cho một trẻ là quá nhiều")
        .contains("Dòng 4: hãy ghi số gam của Dầu đậu tương");
    assertThat(count("kitchen_dish")).isZero();
    assertThat(body(dish("", List.of(), List.of()))).contains("Hãy ghi tên món");
    assertThat(count("kitchen_dish")).isZero();
  }

  @Test
  void theCookBuildsADaysMenuAndSeesTheBalanceWithTheDishToChange() throws Exception {
    long rice = saveDish("Cơm", List.of("1004"), List.of("60"));
    long pork = saveDish("Thịt kho", List.of("7017", "6010"), List.of("40", "5"));
    long soup = saveDish("Canh rau ngót", List.of("4086"), List.of("25"));
    long yoghurt = saveDish("Sữa chua", List.of("10004"), List.of("100"));
    for (long d : List.of(rice, pork, soup)) {
      put(TUESDAY, "MAU_GIAO", "LUNCH", d, 100).andExpect(status().isOk());
    }
    String card =
        put(TUESDAY, "MAU_GIAO", "SNACK", yoghurt, 100)
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    // by hand, per child: rice 60 g × 344/100 = 206.4; pork 40 g less 2 % refuse = 39.2 g ×
    // 139/100 = 54.488; soy oil 5 g × 900/100 = 45; rau ngót 25 g less 23 % = 19.25 g × 35/100 =
    // 6.7375; yoghurt 100 g × 61/100 = 61 — 373.6 kcal, short of mẫu giáo's 615–726 (TT 28/2016)
    assertThat(card)
        .contains("Một trẻ: 374 kcal")
        .contains("data-item=\"ENERGY\"")
        .contains("Năng lượng 374 kcal, ngoài định mức 615–726 kcal.")
        .contains("Món góp nhiều nhất: Cơm (tăng khẩu phần).");
    // a bigger portion of rice moves the energy up: 206.4 × 2 more = 580 kcal
    assertThat(
            put(TUESDAY, "MAU_GIAO", "LUNCH", rice, 200)
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("Một trẻ: 580 kcal");

    // Sunday: closed; an afternoon meal is not mẫu giáo's; nothing stored
    String refused =
        put(LocalDate.of(2026, 12, 6), "MAU_GIAO", "LUNCH", rice, 100)
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("trường nghỉ");
    assertThat(
            put(TUESDAY, "MAU_GIAO", "AFTERNOON", rice, 100)
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("Độ tuổi này không có bữa ăn đó");
    assertThat(count("kitchen_menu_item")).isEqualTo(4);

    String week = page("/schools/" + school.id() + "/kitchen/menus?band=MAU_GIAO&week=2026-12-01");
    assertThat(week).contains("Thứ Ba 01/12/2026").contains("Canh rau ngót");
  }

  @Test
  void thePortionSheetAndMarketListComeFromTheDaysRoll() throws Exception {
    long rice = saveDish("Cơm", List.of("1004"), List.of("60"));
    mvc.perform(
            dish("Cơm", List.of("1004"), List.of("60"))
                .param("edit", String.valueOf(rice))
                .param("yieldPct", "5000"))
        .andExpect(status().isOk());
    mvc.perform(
            dish("Cơm", List.of("1004"), List.of("60"))
                .param("edit", String.valueOf(rice))
                .param("yieldPct", "250"))
        .andExpect(status().is3xxRedirection());
    long porridge = saveDish("Cháo thịt", List.of("1004", "7017"), List.of("30", "20"));
    put(TUESDAY, "MAU_GIAO", "LUNCH", rice, 100).andExpect(status().isOk());
    put(TUESDAY, "NHA_TRE", "LUNCH", porridge, 100).andExpect(status().isOk());
    send(
        school.id() + "/kitchen/supplies",
        Map.of("foodCode", "1004", "supplier", "HTX Đông Hải", "price", "20000"));
    send(
        school.id() + "/kitchen/supplies",
        Map.of("foodCode", "7017", "supplier", "Chợ Rồng", "price", "150.000"));
    send(
        school.id() + "/kitchen/settings",
        Map.of("mealPriceNhaTre", "25000", "mealPriceMauGiao", "22000", "cancelBy", "08:00"));
    // the roll: one of the two mẫu giáo children is away
    pastRolls.bringIn(
        school.id(),
        group.classId(),
        List.of(new PastRolls.Day(TUESDAY, Map.of(group.students().get(0), "P"))),
        group.homeroomTeacher().id());

    String sheet = page("/schools/" + school.id() + "/kitchen/days/2026-12-01");
    // rice: 60 g for the one mẫu giáo child + 30 g for the nhà trẻ child = 90 g; pork 20 g
    assertThat(sheet)
        .contains("Số suất ăn: 2 trẻ")
        .contains("theo điểm danh")
        .containsPattern("data-food=\"1004\"[\\s\\S]*?0[.,]090")
        .containsPattern("data-food=\"7017\"[\\s\\S]*?0[.,]020")
        // cooked rice: 60 g raw × 250 % = 150 g a child, for the one mẫu giáo child eating
        .containsPattern("data-serving=\"Cơm\"[\\s\\S]*?150 g chín/trẻ[\\s\\S]*?0[.,]15 kg");
    // cost: 0.09 kg × 20 000 = 1 800; 0.02 kg × 150 000 = 3 000; collected 22 000 + 25 000
    assertThat(sheet).containsPattern("id=\"day-balance\"[^>]*>42[.,  ]200 đ");
    // the next day carries the month's balance in: the first day's surplus
    put(TUESDAY.plusDays(1), "MAU_GIAO", "LUNCH", rice, 100).andExpect(status().isOk());
    assertThat(page("/schools/" + school.id() + "/kitchen/days/2026-12-02"))
        .containsPattern("id=\"carried-in\"[^>]*>42[.,  ]200 đ");
    byte[] xlsx =
        mvc.perform(
                get("/schools/{s}/kitchen/days/2026-12-01/sheet.xlsx", school.id())
                    .with(authentication(cook)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(xlsx).startsWith('P', 'K');
    byte[] pdf =
        mvc.perform(
                get("/schools/{s}/kitchen/days/2026-12-01/sheet.pdf", school.id())
                    .with(authentication(cook)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc")
          .contains("SỔ TÍNH KHẨU PHẦN ĂN VÀ PHIẾU KÊ CHỢ")
          .contains("Gạo tẻ máy")
          .contains("Hiệu trưởng duyệt");
    }
  }

  @Test
  void dryGoodsAreReceivedIntoTheStoreAndIssuedByTheDaysSheet() throws Exception {
    long rice = saveDish("Cơm", List.of("1004"), List.of("60"));
    put(TUESDAY, "MAU_GIAO", "LUNCH", rice, 100).andExpect(status().isOk());
    send(
        school.id() + "/kitchen/supplies",
        Map.of(
            "foodCode", "1004", "supplier", "HTX Đông Hải", "price", "20000", "stocked", "true"));
    send(
        school.id() + "/kitchen/stock",
        Map.of("day", "2026-12-01", "foodCode", "1004", "kg", "mười"));
    send(
        school.id() + "/kitchen/stock",
        Map.of("day", "2026-12-05", "foodCode", "1004", "kg", "10"));
    assertThat(count("kitchen_stock_move")).isZero();
    send(
        school.id() + "/kitchen/stock",
        Map.of("day", "2026-12-01", "foodCode", "1004", "kg", "10", "price", "19.500"));
    String sheet = page("/schools/" + school.id() + "/kitchen/days/2026-12-01");
    // rice is issued from the store, not bought: 2 children of mẫu giáo age × 60 g
    assertThat(sheet).contains("data-issued=\"1004\"").doesNotContain("HTX Đông Hải</h3>");
    send(school.id() + "/kitchen/days/2026-12-01/issue", Map.of());
    send(school.id() + "/kitchen/days/2026-12-01/issue", Map.of());
    assertThat(page("/schools/" + school.id() + "/kitchen/stock"))
        .containsPattern("data-food=\"1004\"[\\s\\S]*?class=\"text-end balance\"[^>]*>9[.,]880<");
    assertThat(count("kitchen_stock_move")).isEqualTo(2);
  }

  @Test
  void theMonthsMealStatementRefundsTheAbsencesAnnouncedBeforeTheCancellationHour()
      throws Exception {
    long rice = saveDish("Cơm", List.of("1004"), List.of("60"));
    put(TUESDAY, "MAU_GIAO", "LUNCH", rice, 100).andExpect(status().isOk());
    put(TUESDAY.plusDays(1), "MAU_GIAO", "LUNCH", rice, 100).andExpect(status().isOk());
    send(
        school.id() + "/kitchen/settings",
        Map.of("mealPriceNhaTre", "25000", "mealPriceMauGiao", "22000", "cancelBy", "08:00"));
    long an = group.students().get(0);
    long binh = group.students().get(1);
    pastRolls.bringIn(
        school.id(),
        group.classId(),
        List.of(new PastRolls.Day(TUESDAY, Map.of(an, "P", binh, "K"))),
        group.homeroomTeacher().id());
    // An's family wrote the evening before; Bình's at nine, after the kitchen had bought the food
    request(an, "2026-11-30T20:00:00+07:00");
    request(binh, "2026-12-01T09:00:00+07:00");

    String page =
        page(
            "/schools/"
                + school.id()
                + "/kitchen/statements?group="
                + group.classId()
                + "&month=2026-12");
    // two cooked days each; An: one refunded (22 000 back of 44 000); Bình: none; the youngest
    // child, of nhà trẻ age, at 25 000 a day
    assertThat(page)
        .containsPattern("data-student=\"" + an + "\"[\\s\\S]*?class=\"text-end due\">22[.,  ]000<")
        .containsPattern(
            "data-student=\"" + binh + "\"[\\s\\S]*?class=\"text-end due\">44[.,  ]000<")
        .containsPattern(
            "data-student=\""
                + group.students().get(2)
                + "\"[\\s\\S]*?class=\"text-end due\">50[.,  ]000<");
  }

  private void request(long student, String at) {
    jdbc.sql(
            "INSERT INTO attendance_request (school_id, student_id, class_id, from_day, to_day,"
                + " reason, requested_by, requested_at, state) VALUES (?, ?, ?, '2026-12-01',"
                + " '2026-12-01', 'Cháu ốm', 1, ?::timestamptz, 'PENDING')")
        .params(school.id(), student, group.classId(), at)
        .update();
  }

  @Test
  void aFailedFoodCheckMustSayWhatWasWrongAndOnlyTheKitchenSeesIt() throws Exception {
    send(
        school.id() + "/kitchen/days/2026-12-01/checks",
        Map.of("step", "RECEIVING", "passed", "false"));
    assertThat(count("kitchen_food_check")).isZero();
    send(
        school.id() + "/kitchen/days/2026-12-01/checks",
        Map.of("step", "RECEIVING", "passed", "false", "note", "Rau héo, đã trả lại nhà cung cấp"));
    assertThat(count("kitchen_food_check")).isEqualTo(1);
    assertThat(page("/schools/" + school.id() + "/kitchen/days/2026-12-01"))
        .contains("Rau héo, đã trả lại nhà cung cấp");

    Authentication teacher = group.homeroomTeacher().signedIn();
    mvc.perform(get("/schools/{s}/kitchen/menus", school.id()).with(authentication(teacher)))
        .andExpect(status().isNotFound());
    School other = testOrg.school(SchoolLevel.KINDERGARTEN);
    Authentication otherCook =
        accounts.create(other, Role.COOK, "Cấp dưỡng khác", "Cap-Duong-2026-y", false).signedIn();
    mvc.perform(
            get("/schools/{s}/kitchen/days/2026-12-01", school.id())
                .with(authentication(otherCook)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/schools/{s}/kitchen/dishes", school.id())
                .param("name", "Cơm")
                .param("code", "1004")
                .param("grams", "60")
                .with(csrf())
                .with(authentication(otherCook)))
        .andExpect(status().isNotFound());
    assertThat(count("kitchen_dish")).isZero();
  }

  @Test
  void aSchoolAddsALocalFoodCheckedForItsEnergyAndCooksWithIt() throws Exception {
    Map<String, String> food =
        new java.util.HashMap<>(
            Map.of(
                "name", "Chả cá Cát Bà",
                "refusePct", "0",
                "animal", "true",
                "energyKcal", "400",
                "proteinG", "15",
                "lipidG", "5",
                "glucidG", "10",
                "source", "Phiếu kiểm nghiệm số 12/2026"));
    // 4 × 15 + 9 × 5 + 4 × 10 = 145 kcal, not 400: refused, nothing stored
    mvc.perform(foodPost(food)).andExpect(status().isOk());
    assertThat(count("kitchen_food")).isZero();
    food.put("energyKcal", "150");
    mvc.perform(foodPost(food)).andExpect(status().is3xxRedirection());
    assertThat(page("/schools/" + school.id() + "/kitchen/foods?q=cha ca"))
        .contains("data-code=\"T1\"")
        .contains("Chả cá Cát Bà");
    long dish = saveDish("Chả cá sốt cà chua", List.of("T1", "4005"), List.of("30", "20"));
    assertThat(page("/schools/" + school.id() + "/kitchen/dishes"))
        .contains("data-dish=\"" + dish + "\"")
        // 30 g × 150/100 = 45 kcal; tomato 20 g less 5 % = 19 g × 20/100 = 3.8 kcal
        .containsPattern("Chả cá sốt cà chua[\\s\\S]*?>49<");
  }

  private MockHttpServletRequestBuilder foodPost(Map<String, String> params) {
    MockHttpServletRequestBuilder r =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
            "/schools/{s}/kitchen/foods", school.id());
    params.forEach(r::param);
    return r.with(csrf()).with(authentication(cook));
  }

  private long saveDish(String name, List<String> codes, List<String> grams) throws Exception {
    mvc.perform(dish(name, codes, grams)).andExpect(status().is3xxRedirection());
    return jdbc.sql("SELECT id FROM kitchen_dish WHERE school_id = ? AND name = ?")
        .params(school.id(), name)
        .query(Long.class)
        .single();
  }

  private MockHttpServletRequestBuilder dish(String name, List<String> codes, List<String> grams) {
    MockHttpServletRequestBuilder r =
        post("/schools/{s}/kitchen/dishes", school.id()).param("name", name);
    codes.forEach(c -> r.param("code", c));
    grams.forEach(g -> r.param("grams", g));
    return r.with(csrf()).with(authentication(cook));
  }

  private org.springframework.test.web.servlet.ResultActions put(
      LocalDate day, String band, String meal, long dishId, int portion) throws Exception {
    return mvc.perform(
        post("/schools/{s}/kitchen/menus/{d}/{b}", school.id(), day, band)
            .header("HX-Request", "true")
            .param("meal", meal)
            .param("dishId", String.valueOf(dishId))
            .param("portion", String.valueOf(portion))
            .with(csrf())
            .with(authentication(cook)));
  }

  private void send(String path, Map<String, String> params) throws Exception {
    MockHttpServletRequestBuilder r =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
            "/schools/" + path);
    params.forEach(r::param);
    mvc.perform(r.with(csrf()).with(authentication(cook))).andExpect(status().is3xxRedirection());
  }

  private String body(MockHttpServletRequestBuilder r) throws Exception {
    return mvc.perform(r)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String page(String path) throws Exception {
    return body(get(path).with(authentication(cook)));
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE school_id = ?")
        .param(school.id())
        .query(Long.class)
        .single();
  }
}
