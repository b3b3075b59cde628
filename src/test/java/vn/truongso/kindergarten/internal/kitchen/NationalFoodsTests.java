package vn.truongso.kindergarten.internal.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The shipped food composition table (NIN 2007) reads whole and as printed. */
class NationalFoodsTests {

  final NationalFoods foods =
      new NationalFoods(new ClassPathResource("kindergarten/nutrition/foods-nin-2007.csv"));

  @Test
  void everyFoodOfTheTableIsReadWithItsRefuseAndOrigin() {
    assertThat(foods.all()).hasSize(526);
    // NIN 2007, 7017 Thịt lợn nạc: 2 % refuse, 139 kcal, 19.0 g protein per 100 g edible
    var pork = foods.entry("7017").orElseThrow();
    assertThat(pork.food().refusePct()).isEqualTo(2.0);
    assertThat(pork.food().per100g().energyKcal()).isEqualTo(139.0);
    assertThat(pork.food().per100g().proteinG()).isEqualTo(19.0);
    assertThat(pork.food().animal()).isTrue();
    assertThat(pork.group()).isEqualTo(7);
    // a name with a comma, quoted in the file; soy oil is vegetable, lard animal
    assertThat(foods.entry("6010").orElseThrow().food().animal()).isFalse();
    assertThat(foods.entry("6004").orElseThrow().food().animal()).isTrue();
    assertThat(foods.all()).allSatisfy(e -> assertThat(e.food().refusePct()).isBetween(0.0, 99.9));
  }
}
