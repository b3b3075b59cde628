package vn.truongso.kindergarten.internal.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cut-offs of docs/domain/kindergarten.md §5 (WHO 2006 z-scores as taught to kindergarten
 * staff; over 5 years WHO 2007 BMI-for-age): strictly beyond each line.
 */
class NutritionTests {

  @ParameterizedTest(name = "{0}: W/A {1}, H/A {2}, W/H or BMI {3} → {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        "2006; 0; 0; 0; ''",
        "2006; -2; -2; -2; ''",
        "2006; -2.01; 0; 0; UNDERWEIGHT",
        "2006; -3.01; 0; 0; SEVERELY_UNDERWEIGHT",
        "2006; 0; -2.5; 0; STUNTED",
        "2006; 0; -3.2; 0; SEVERELY_STUNTED",
        "2006; 0; 0; -2.3; WASTED",
        "2006; 0; 0; -4; SEVERELY_WASTED",
        "2006; 0; 0; 2; ''",
        "2006; 0; 0; 2.1; OVERWEIGHT",
        "2006; 0; 0; 3.1; OBESE",
        "2006; -2.5; -3.5; -2.1; UNDERWEIGHT SEVERELY_STUNTED WASTED",
        "2007; 0; 0; 1; ''",
        "2007; 0; 0; 1.1; OVERWEIGHT",
        "2007; 0; 0; 2.1; OBESE",
        "2007; 0; 0; -2.1; WASTED",
        "2007; 0; -2.1; 0; STUNTED"
      })
  void theCutOffs(String reference, double wfa, double hfa, double body, String expected) {
    boolean who2007 = reference.equals("2007");
    ZScores.Scores s =
        new ZScores.Scores(
            who2007, wfa, hfa, who2007 ? null : body, who2007 ? body : 0.0, 100.0, 15.0, Set.of());
    List<Nutrition.Finding> want =
        expected.isBlank()
            ? List.of()
            : Arrays.stream(expected.split(" ")).map(Nutrition.Finding::valueOf).toList();
    assertThat(Nutrition.of(s)).containsExactlyInAnyOrderElementsOf(want);
  }
}
