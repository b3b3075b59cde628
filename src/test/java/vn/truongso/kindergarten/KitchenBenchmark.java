package vn.truongso.kindergarten;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.truongso.attendance.PastRolls;
import vn.truongso.identity.Role;
import vn.truongso.kindergarten.internal.kitchen.Menus;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.support.BenchHttp;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * Issue 21's kitchen figures: a 600-child kindergarten (20 groups of 30, every age band) with a
 * week of menus for both bands and the day's rolls taken — the day's kitchen sheet (counts from the
 * rolls, portions, market list, the month's carried balance) over HTTP, and the nutrition of a
 * week's menus recomputed for every group of its first 400 children after one food's composition
 * changes. Run by {@code bench/kitchen.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KitchenBenchmark {

  static final String PASSWORD = "Cap-Duong-Do-Tai-2026";
  static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  @LocalServerPort int port;
  @Autowired GeneratedSchools generator;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired KitchenSetup setup;
  @Autowired PastRolls rolls;
  @Autowired Menus menus;
  @Autowired JdbcClient jdbc;

  @Test
  void theKitchenSheetOfA600ChildSchoolAndAWeeksNutritionAfterAFoodChanges() throws Exception {
    GeneratedSchools.Generated school =
        generator.kindergarten(
            testOrg.wardOffice(testOrg.province(), "11411"), "Trường Mầm non Đo Tải", 20, 30);
    long schoolId = school.school().id();
    TestAccounts.Created cook =
        accounts.create(school.school(), Role.COOK, "Cấp dưỡng", PASSWORD, false);
    jdbc.sql(
            "INSERT INTO kitchen_food (school_id, code, name, refuse_pct, animal, energy_kcal,"
                + " protein_g, lipid_g, glucid_g, created_by, created_at) VALUES (?, 'T1',"
                + " 'Chả cá địa phương', 0, true, 150, 15, 5, 10, 0, now())")
        .param(schoolId)
        .update();
    setup.bringIn(schoolId, recipes(), supplies(), 25_000, 22_000, menus(schoolId), cook.id());
    for (GeneratedSchools.GeneratedClass g : school.classes()) {
      rolls.bringIn(
          schoolId,
          g.id(),
          List.of(new PastRolls.Day(DAY, Map.of(g.students()[0], "P", g.students()[1], "K"))),
          cook.id());
    }

    BenchHttp http = new BenchHttp(port);
    BenchHttp.Session s = http.login(cook.username(), PASSWORD);
    String path = "/schools/" + schoolId + "/kitchen/days/" + DAY;
    assertThat(http.page(s, path).body()).contains("Số suất ăn: 560 trẻ");
    report("kitchen sheet (600 children, 20 groups)", time(http, s, path, 5, 30));
    report("kitchen sheet, Excel", time(http, s, path + "/sheet.xlsx", 3, 20));
    // two days on: the month's balance carried in from the days before (each recomputed)
    report(
        "kitchen sheet two days on, balance carried from the month's earlier days",
        time(http, s, "/schools/" + schoolId + "/kitchen/days/" + DAY.plusDays(2), 3, 20));
    report(
        "week's menus page (mẫu giáo)",
        time(http, s, "/schools/" + schoolId + "/kitchen/menus?band=MAU_GIAO&week=" + DAY, 3, 20));

    // every group of the first 400 children: its band's week, recomputed after T1 changes
    SecurityContextHolder.getContext().setAuthentication(cook.signedIn());
    try {
      long[] runs = new long[20];
      for (int r = 0; r < runs.length + 5; r++) {
        jdbc.sql("UPDATE kitchen_food SET energy_kcal = ? WHERE school_id = ? AND code = 'T1'")
            .params(140 + r % 20, schoolId)
            .update();
        long t0 = System.nanoTime();
        double kcal = 0;
        for (GeneratedSchools.GeneratedClass g : school.classes().subList(0, 14)) {
          Norms.Band band =
              jdbc.sql("SELECT age_from FROM school_class WHERE id = ?")
                      .param(g.id())
                      .query(String.class)
                      .single()
                      .startsWith("NT")
                  ? Norms.Band.NHA_TRE
                  : Norms.Band.MAU_GIAO;
          var week = menus.week(schoolId, band, DAY);
          kcal += week.average() == null ? 0 : week.average().energyKcal();
        }
        assertThat(kcal).isPositive();
        if (r >= 5) {
          runs[r - 5] = System.nanoTime() - t0;
        }
      }
      report("week's nutrition of 14 groups (420 children) after a food changes", runs);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static long[] time(BenchHttp http, BenchHttp.Session s, String path, int warm, int n)
      throws Exception {
    for (int i = 0; i < warm; i++) {
      assertThat(http.page(s, path).statusCode()).isEqualTo(200);
    }
    long[] runs = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      assertThat(http.page(s, path).statusCode()).isEqualTo(200);
      runs[i] = System.nanoTime() - t0;
    }
    return runs;
  }

  private static void report(String what, long[] runs) {
    long[] sorted = runs.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "BENCH kitchen: %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)%n",
        what,
        BenchHttp.pct(sorted, 50),
        BenchHttp.pct(sorted, 95),
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }

  private static List<KitchenSetup.Recipe> recipes() {
    List<KitchenSetup.Recipe> out = new ArrayList<>();
    out.add(new KitchenSetup.Recipe("Cơm", Map.of("1004", 70.0)));
    out.add(new KitchenSetup.Recipe("Thịt rim", Map.of("7017", 40.0, "6010", 10.0, "13017", 3.0)));
    out.add(new KitchenSetup.Recipe("Chả cá", Map.of("T1", 40.0, "4005", 20.0, "6010", 6.0)));
    out.add(new KitchenSetup.Recipe("Canh rau", Map.of("4086", 30.0, "7017", 10.0)));
    out.add(new KitchenSetup.Recipe("Canh bí", Map.of("4003", 40.0, "8052", 10.0)));
    out.add(new KitchenSetup.Recipe("Chuối", Map.of("5007", 60.0)));
    out.add(new KitchenSetup.Recipe("Sữa", Map.of("10006", 25.0, "12014", 5.0)));
    out.add(new KitchenSetup.Recipe("Chè", Map.of("3010", 20.0, "12014", 10.0, "6010", 3.0)));
    out.add(new KitchenSetup.Recipe("Cháo", Map.of("1004", 35.0, "7017", 25.0, "6010", 6.0)));
    return out;
  }

  private static List<KitchenSetup.Supply> supplies() {
    List<KitchenSetup.Supply> out = new ArrayList<>();
    Map<String, Integer> prices = new HashMap<>();
    for (String code :
        List.of(
            "1004", "7017", "6010", "13017", "T1", "4005", "4086", "4003", "8052", "5007", "10006",
            "12014", "3010")) {
      prices.put(code, 20_000 + code.hashCode() % 5 * 10_000);
    }
    prices.forEach(
        (code, price) ->
            out.add(
                new KitchenSetup.Supply(code, "Nhà cung cấp " + code.charAt(0), Math.abs(price))));
    return out;
  }

  private List<KitchenSetup.Planned> menus(long schoolId) {
    List<KitchenSetup.Planned> out = new ArrayList<>();
    for (LocalDate d : setup.openDays(schoolId, DAY.minusDays(1), DAY.plusDays(3))) {
      boolean odd = d.getDayOfMonth() % 2 == 1;
      for (String dish :
          List.of("Cơm", odd ? "Thịt rim" : "Chả cá", odd ? "Canh rau" : "Canh bí", "Chuối")) {
        out.add(new KitchenSetup.Planned(d, "MAU_GIAO", "LUNCH", dish, 100));
        out.add(new KitchenSetup.Planned(d, "NHA_TRE", "LUNCH", dish, 75));
      }
      out.add(new KitchenSetup.Planned(d, "MAU_GIAO", "SNACK", "Sữa", 100));
      out.add(new KitchenSetup.Planned(d, "MAU_GIAO", "SNACK", "Chè", 100));
      out.add(new KitchenSetup.Planned(d, "NHA_TRE", "AFTERNOON", "Cháo", 100));
      out.add(new KitchenSetup.Planned(d, "NHA_TRE", "SNACK", "Sữa", 60));
    }
    return out;
  }
}
