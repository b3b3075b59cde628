package vn.truongso.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.truongso.kindergarten.KitchenSetup;
import vn.truongso.kindergarten.KitchenSetup.Planned;
import vn.truongso.kindergarten.KitchenSetup.Recipe;
import vn.truongso.kindergarten.KitchenSetup.Supply;
import vn.truongso.org.School;

/**
 * The demo kindergarten's kitchen: a dozen dishes written from the food composition table, the
 * suppliers and their prices, the meal prices, and a fortnight of menus (last week and this one)
 * for both bands — five lunches in rotation, balanced to the norms for mẫu giáo (checked by hand in
 * {@code docs/domain/kindergarten-kitchen.md}'s arithmetic), at three quarters for nhà trẻ with an
 * afternoon porridge.
 */
final class KitchenDemo {

  private static final Map<String, Map<String, Double>> DISHES = new LinkedHashMap<>();

  static {
    DISHES.put("Cơm trắng", Map.of("1004", 70.0));
    DISHES.put("Thịt lợn rim", Map.of("7017", 40.0, "6010", 10.0, "13017", 3.0));
    DISHES.put("Trứng đúc thịt", Map.of("9001", 35.0, "7017", 15.0, "6010", 6.0));
    DISHES.put("Cá chép sốt cà chua", Map.of("8003", 60.0, "4005", 20.0, "6010", 7.0));
    DISHES.put("Gà om", Map.of("7013", 60.0, "6010", 6.0));
    DISHES.put("Đậu phụ sốt thịt", Map.of("3025", 40.0, "7017", 20.0, "6010", 9.0));
    DISHES.put("Canh rau ngót nấu thịt", Map.of("4086", 30.0, "7017", 10.0));
    DISHES.put("Canh bí đỏ nấu tôm", Map.of("4003", 40.0, "8052", 10.0));
    DISHES.put("Canh cải bắp", Map.of("4010", 40.0, "7017", 8.0));
    DISHES.put("Chuối tiêu", Map.of("5007", 60.0));
    DISHES.put("Dưa hấu", Map.of("5011", 100.0));
    DISHES.put("Sữa bột pha", Map.of("10006", 25.0, "12014", 5.0));
    DISHES.put("Chè đậu xanh", Map.of("3010", 20.0, "12014", 10.0, "6010", 3.0));
    DISHES.put("Sữa chua", Map.of("10004", 100.0));
    DISHES.put("Bánh mì ruốc", Map.of("1018", 40.0, "7017", 15.0, "6010", 3.0));
    DISHES.put(
        "Cháo thịt bằm cà rốt", Map.of("1004", 35.0, "7017", 25.0, "6010", 6.0, "4007", 10.0));
  }

  /** The five days' lunch (main dish, soup, fruit after rice) and mẫu giáo's snack. */
  private static final List<List<String>> LUNCHES =
      List.of(
          List.of("Thịt lợn rim", "Canh rau ngót nấu thịt", "Chuối tiêu"),
          List.of("Trứng đúc thịt", "Canh bí đỏ nấu tôm", "Dưa hấu"),
          List.of("Cá chép sốt cà chua", "Canh cải bắp", "Chuối tiêu"),
          List.of("Gà om", "Canh rau ngót nấu thịt", "Dưa hấu"),
          List.of("Đậu phụ sốt thịt", "Canh bí đỏ nấu tôm", "Chuối tiêu"));

  private static final List<List<String>> SNACKS =
      List.of(List.of("Sữa bột pha", "Chè đậu xanh"), List.of("Sữa chua", "Bánh mì ruốc"));

  private static final List<Supply> SUPPLIES =
      List.of(
          new Supply("1004", "HTX nông nghiệp Đông Hải", 18_000, true),
          new Supply("3010", "HTX nông nghiệp Đông Hải", 45_000, true),
          new Supply("1018", "HTX nông nghiệp Đông Hải", 22_000, true),
          new Supply("12014", "HTX nông nghiệp Đông Hải", 25_000, true),
          new Supply("7017", "Công ty TNHH thực phẩm sạch Hải An", 140_000),
          new Supply("7013", "Công ty TNHH thực phẩm sạch Hải An", 120_000),
          new Supply("9001", "Công ty TNHH thực phẩm sạch Hải An", 40_000),
          new Supply("8003", "Công ty TNHH thực phẩm sạch Hải An", 70_000),
          new Supply("8052", "Công ty TNHH thực phẩm sạch Hải An", 180_000),
          new Supply("3025", "Công ty TNHH thực phẩm sạch Hải An", 30_000),
          new Supply("4086", "Hộ rau an toàn bà Nguyễn Thị Lan", 20_000),
          new Supply("4003", "Hộ rau an toàn bà Nguyễn Thị Lan", 15_000),
          new Supply("4010", "Hộ rau an toàn bà Nguyễn Thị Lan", 12_000),
          new Supply("4005", "Hộ rau an toàn bà Nguyễn Thị Lan", 20_000),
          new Supply("4007", "Hộ rau an toàn bà Nguyễn Thị Lan", 18_000),
          new Supply("5007", "Hộ rau an toàn bà Nguyễn Thị Lan", 25_000),
          new Supply("5011", "Hộ rau an toàn bà Nguyễn Thị Lan", 15_000),
          new Supply("10006", "Đại lý sữa Hồng Bàng", 280_000, true),
          new Supply("10004", "Đại lý sữa Hồng Bàng", 60_000),
          new Supply("6010", "Đại lý sữa Hồng Bàng", 50_000, true),
          new Supply("13017", "Đại lý sữa Hồng Bàng", 40_000));

  private final KitchenSetup setup;

  KitchenDemo(KitchenSetup setup) {
    this.setup = setup;
  }

  void build(School school, long cook, LocalDate today) {
    List<Recipe> recipes = new ArrayList<>();
    // the cooked yields the serving staff divide by: rice about 2.5 times, porridge 4 times
    Map<String, Integer> yields = Map.of("Cơm trắng", 250, "Cháo thịt bằm cà rốt", 400);
    DISHES.forEach((name, grams) -> recipes.add(new Recipe(name, grams, yields.get(name))));
    List<Planned> menus = new ArrayList<>();
    LocalDate monday = today.with(DayOfWeek.MONDAY).minusWeeks(1);
    for (LocalDate day : setup.openDays(school.id(), monday, monday.plusDays(11))) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
        continue;
      }
      int n = day.getDayOfWeek().getValue() - 1;
      for (String dish : lunch(n)) {
        menus.add(new Planned(day, "MAU_GIAO", "LUNCH", dish, 100));
        menus.add(new Planned(day, "NHA_TRE", "LUNCH", dish, 75));
      }
      for (String dish : SNACKS.get(n % 2)) {
        menus.add(new Planned(day, "MAU_GIAO", "SNACK", dish, 100));
      }
      menus.add(new Planned(day, "NHA_TRE", "AFTERNOON", "Cháo thịt bằm cà rốt", 100));
      menus.add(new Planned(day, "NHA_TRE", "AFTERNOON", "Chuối tiêu", 100));
      menus.add(new Planned(day, "NHA_TRE", "SNACK", "Sữa chua", 100));
    }
    setup.bringIn(school.id(), recipes, SUPPLIES, 25_000, 22_000, menus, cook);
    // the month's dry goods, received on the first school day of the fortnight
    LocalDate received =
        monday.isBefore(today.withDayOfMonth(1)) ? today.withDayOfMonth(1) : monday;
    setup.receive(school.id(), received, "1004", 100, 18_000, cook);
    setup.receive(school.id(), received, "6010", 10, 50_000, cook);
    setup.receive(school.id(), received, "12014", 10, 25_000, cook);
    setup.receive(school.id(), received, "10006", 12, 280_000, cook);
  }

  private static List<String> lunch(int weekday) {
    List<String> dishes = new ArrayList<>();
    dishes.add("Cơm trắng");
    dishes.addAll(LUNCHES.get(weekday));
    return dishes;
  }
}
