package vn.truongso.kindergarten.internal.nutrition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A day's ration computed by hand from the NIN 2007 table (per 100 g edible; refuse as the table
 * gives it): edible = gross × (1 − refuse), nutrient = edible ÷ 100 × value; energy shares at 4 / 9
 * / 4 kcal a gram; checked against the mẫu giáo norms of the programme (energy at school 615–726
 * kcal, protein 13–20 %, lipid 25–35 %, glucid 52–60 %; lunch 30–35 % and snack 15–25 % of the
 * daily 1 230–1 320 kcal).
 */
class RationTests {

  // code, name, refuse %, animal, kcal, protein, lipid, glucid, Ca, Fe, retinol, β-carotene, B1, C
  static final Food RICE =
      food("1004", "Gạo tẻ máy", 0, false, 344, 7.9, 1, 75.9, 30, 1.3, 0, 0, 0.1, 0);
  static final Food PORK =
      food("7017", "Thịt lợn nạc", 2, true, 139, 19, 7, 0, 7, 0.96, 2, 0, 0.9, 1);
  static final Food EGG =
      food("9001", "Trứng gà", 14, true, 166, 14.8, 11.6, 0.5, 55, 2.7, 700, 0, 0.16, 0);
  static final Food PUMPKIN =
      food("4003", "Bí ngô", 18.3, false, 27, 0.3, 0.1, 6.1, 24, 0.5, 0, 3100, 0.06, 8);
  static final Food LARD =
      food("6004", "Mỡ lợn nước", 0, true, 896, 0, 99.6, 0, 2, 0.3, 0, 0, 0.02, 0);
  static final Food MILK =
      food("10001", "Sữa bò tươi", 0, true, 74, 3.9, 4.4, 4.8, 120, 0.1, 50, 22, 0.05, 1);
  static final Food BANANA =
      food("5007", "Chuối tiêu", 35, false, 97, 1.5, 0.2, 22.2, 8, 0.6, 0, 45, 0.04, 6);

  /** Lunch: rice, pork with egg, pumpkin soup with lard; snack: milk and a banana. */
  static Menu.Day day(double riceGrams) {
    return new Menu.Day(
        List.of(
            new Menu.Meal(
                Menu.MealKind.LUNCH,
                List.of(
                    dish("Cơm", RICE, riceGrams),
                    new Menu.Dish(
                        "Thịt trứng kho",
                        List.of(new Menu.Ingredient(PORK, 40), new Menu.Ingredient(EGG, 30))),
                    new Menu.Dish(
                        "Canh bí ngô",
                        List.of(new Menu.Ingredient(PUMPKIN, 50), new Menu.Ingredient(LARD, 5))))),
            new Menu.Meal(
                Menu.MealKind.SNACK,
                List.of(dish("Sữa tươi", MILK, 200), dish("Chuối", BANANA, 60)))));
  }

  @Test
  void theDaysRationAsComputedByHand() {
    Ration r = Ration.of(day(80));
    // rice 80 g: 275.2 kcal; pork 40 g, 2 % refuse → 39.2 g: 54.488; egg 30 g, 14 % → 25.8 g:
    // 42.828; pumpkin 50 g, 18.3 % → 40.85 g: 11.0295; lard 5 g: 44.8; milk 200 g: 148; banana
    // 60 g, 35 % → 39 g: 37.83
    assertThat(r.total().energyKcal()).isCloseTo(614.1755, within(1e-9));
    assertThat(r.total().proteinG()).isCloseTo(26.09395, within(1e-9));
    assertThat(r.total().lipidG()).isCloseTo(20.43565, within(1e-9));
    assertThat(r.total().glucidG()).isCloseTo(81.59885, within(1e-9));
    // animal protein: pork 7.448 + egg 3.8184 + milk 7.8; vegetable: rice 6.32 + pumpkin 0.12255
    // + banana 0.585
    assertThat(r.animalProteinG()).isCloseTo(19.0664, within(1e-9));
    assertThat(r.vegetableProteinG()).isCloseTo(7.02755, within(1e-9));
    assertThat(r.animalProteinShare()).isCloseTo(73.0683, within(1e-4));
    // macronutrient energy 614.69205 kcal: protein 104.3758, lipid 183.92085, glucid 326.3954
    assertThat(r.proteinShare()).isCloseTo(16.98022, within(1e-4));
    assertThat(r.lipidShare()).isCloseTo(29.92078, within(1e-4));
    assertThat(r.glucidShare()).isCloseTo(53.09900, within(1e-4));
    assertThat(r.mealEnergyKcal().get(Menu.MealKind.LUNCH)).isCloseTo(428.3455, within(1e-9));
    assertThat(r.mealEnergyKcal().get(Menu.MealKind.SNACK)).isCloseTo(185.83, within(1e-9));
    // vitamin A as retinol equivalents: retinol egg 180.6 + milk 100 + pork 0.784; β-carotene
    // pumpkin 1266.35 + milk 44 + banana 17.55, divided by 6
    assertThat(r.total().vitaminAUg())
        .isCloseTo(281.384 + (1266.35 + 44 + 17.55) / 6, within(1e-9));
  }

  @ParameterizedTest(name = "rice {0} g: {1}")
  @CsvSource({
    // 80 g: 614.18 kcal, 0.82 short of 615: give more rice, the dish with the most energy
    "80, ENERGY LOW Cơm INCREASE",
    // 85 g: +17.2 kcal → 631.38, within every range
    "85, ''",
    // 200 g: 1 026.18 kcal, lunch over 462 kcal, lipid 18.9 % (under 25), glucid 67.2 % (over
    // 60): rice is the dish to cut for each
    "200, ENERGY HIGH Cơm REDUCE; LIPID_SHARE LOW Cơm REDUCE; GLUCID_SHARE HIGH Cơm REDUCE;"
        + " LUNCH_ENERGY HIGH Cơm REDUCE"
  })
  void theMauGiaoNormsAndTheDishThatMovesTheBalanceMost(double rice, String expected) {
    List<String> got =
        Balance.check(day(rice), Norms.of(Norms.CURRENT, Norms.Band.MAU_GIAO)).stream()
            .map(
                w ->
                    w.item()
                        + " "
                        + (w.value() < w.range().min() ? "LOW" : "HIGH")
                        + " "
                        + w.dish()
                        + " "
                        + w.remedy())
            .toList();
    assertThat(got)
        .containsExactlyElementsOf(expected.isBlank() ? List.of() : List.of(expected.split("; ")));
  }

  @Test
  void aFattyMenuForTheYoungestNamesTheFattiestDish() {
    // nhà trẻ: lipid 30–40 % of the energy. Lard 25 g in the soup puts it far above.
    Menu.Day fatty =
        new Menu.Day(
            List.of(
                new Menu.Meal(
                    Menu.MealKind.LUNCH,
                    List.of(
                        dish("Cơm", RICE, 90),
                        new Menu.Dish(
                            "Canh bí ngô",
                            List.of(
                                new Menu.Ingredient(PUMPKIN, 50), new Menu.Ingredient(LARD, 25))),
                        dish("Thịt kho", PORK, 50)))));
    List<Balance.Warning> w = Balance.check(fatty, Norms.of(Norms.CURRENT, Norms.Band.NHA_TRE));
    Balance.Warning lipid =
        w.stream().filter(x -> x.item() == Balance.Item.LIPID_SHARE).findFirst().orElseThrow();
    assertThat(lipid.value()).isGreaterThan(40);
    assertThat(lipid.dish()).isEqualTo("Canh bí ngô");
    assertThat(lipid.remedy()).isEqualTo(Balance.Remedy.REDUCE);
  }

  @Test
  void theNormsAreReadFromTheirVersionsTable() {
    Norms n = Norms.of(Norms.CURRENT, Norms.Band.NHA_TRE);
    assertThat(n.energyAtSchool()).isEqualTo(new Norms.Range(600, 651));
    assertThat(n.lipidShare()).isEqualTo(new Norms.Range(30, 40));
    Norms m = Norms.of(Norms.CURRENT, Norms.Band.MAU_GIAO);
    assertThat(m.energyAtSchool()).isEqualTo(new Norms.Range(615, 726));
    assertThat(m.mealEnergy(Menu.MealKind.LUNCH)).isEqualTo(new Norms.Range(369, 462));
    assertThat(m.mealEnergy(Menu.MealKind.AFTERNOON)).isNull();
  }

  @Test
  void theEdiblePartLeavesTheRefuseOut() {
    assertThat(BANANA.edible(100)).isCloseTo(65, within(1e-9));
    assertThat(PUMPKIN.of(100).energyKcal()).isCloseTo(27 * 0.817, within(1e-9));
  }

  private static Menu.Dish dish(String name, Food food, double grams) {
    return new Menu.Dish(name, List.of(new Menu.Ingredient(food, grams)));
  }

  private static Food food(String code, String name, double refuse, boolean animal, double... v) {
    return new Food(
        code,
        name,
        refuse,
        animal,
        new Nutrients(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]));
  }
}
