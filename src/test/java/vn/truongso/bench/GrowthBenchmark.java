package vn.truongso.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.truongso.kindergarten.internal.growth.ZScores;
import vn.truongso.people.Sex;

/**
 * Issue 21's z-score benchmark: the four WHO indicators of 100 000 measurements of children aged 0
 * to 6 years (a sixth of them past 5 years, on the 2007 reference), on one thread. Run with {@code
 * bench/growth.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class GrowthBenchmark {

  static final int MEASUREMENTS = 100_000;

  ZScores.Measurement[] measurements;

  @Setup
  public void setUp() {
    Random random = new Random(2026);
    measurements = new ZScores.Measurement[MEASUREMENTS];
    for (int i = 0; i < MEASUREMENTS; i++) {
      int days = random.nextInt(6 * 365);
      double months = days / ZScores.DAYS_PER_MONTH;
      // roughly a child's size at that age, spread as a population is
      double height = 50 + 25 * Math.log1p(months / 12) / Math.log(2) + random.nextGaussian() * 4;
      double weight = 3.3 + months * 0.22 + random.nextGaussian() * 1.5;
      measurements[i] =
          new ZScores.Measurement(
              random.nextBoolean() ? Sex.M : Sex.F,
              days,
              Math.max(1.5, weight),
              height,
              days < 731 ? ZScores.Position.LYING : ZScores.Position.STANDING,
              false);
    }
  }

  @Benchmark
  public double scoreAll() {
    double sum = 0;
    for (ZScores.Measurement m : measurements) {
      ZScores.Scores s = ZScores.of(m);
      if (s.weightForAge() != null) {
        sum += s.weightForAge();
      }
    }
    return sum;
  }
}
