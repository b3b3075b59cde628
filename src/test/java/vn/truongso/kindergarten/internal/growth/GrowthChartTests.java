package vn.truongso.kindergarten.internal.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.truongso.people.Sex;

/** The chart's geometry: WHO's lines where the tables put them, the child's points on them. */
class GrowthChartTests {

  @Test
  void aChildAtTheMedianSitsOnTheMedianLine() {
    // WHO 2006 boys' weight-for-age on day 731 (24 months): M = 12.1548 kg
    int day = (int) Math.round(24 * ZScores.DAYS_PER_MONTH);
    double median = GrowthTables.who().weightForAge(Sex.M, day).m();
    assertThat(median).isCloseTo(12.1548, within(1e-4));
    GrowthChart.Chart c =
        GrowthChart.of(
            GrowthChart.Indicator.WEIGHT_FOR_AGE,
            Sex.M,
            List.of(new GrowthChart.Point(day, median)));
    GrowthChart.Line sd0 = c.lines().stream().filter(l -> l.sd() == 0).findFirst().orElseThrow();
    // day 731 is month 24.02: within half a unit of the line's point at month 24
    String[] at24 = sd0.points().split(" ")[24].split(",");
    assertThat(c.dots().getFirst()[0]).isCloseTo(Double.parseDouble(at24[0]), within(0.5));
    assertThat(c.dots().getFirst()[1]).isCloseTo(Double.parseDouble(at24[1]), within(0.5));
    // five lines, lowest first; the axis runs to the child's age rounded up to a year: day 731 is
    // just past 24 months, so to 36
    assertThat(c.lines()).extracting(GrowthChart.Line::sd).containsExactly(-3, -2, 0, 2, 3);
    assertThat(c.xTicks())
        .extracting(GrowthChart.Tick::label)
        .containsExactly("0", "12", "24", "36");
  }

  @Test
  void pastFiveYearsTheLinesFollowThe2007Reference() {
    GrowthChart.Chart c =
        GrowthChart.of(
            GrowthChart.Indicator.LENGTH_FOR_AGE, Sex.F, List.of(new GrowthChart.Point(2200, 112)));
    // 2 200 days = 72.3 months: the axis runs to 84, one point a month on each line
    assertThat(c.xTicks().getLast().label()).isEqualTo("84");
    assertThat(c.lines().getFirst().points().split(" ")).hasSize(85);
    // higher SD lines are higher on the chart (smaller y) at every month
    String[] low = c.lines().getFirst().points().split(" ");
    String[] high = c.lines().getLast().points().split(" ");
    for (int m = 0; m < low.length; m++) {
      assertThat(Double.parseDouble(high[m].split(",")[1]))
          .isLessThan(Double.parseDouble(low[m].split(",")[1]));
    }
  }
}
