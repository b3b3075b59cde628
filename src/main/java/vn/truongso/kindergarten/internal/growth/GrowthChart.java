package vn.truongso.kindergarten.internal.growth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.truongso.people.Sex;

/**
 * A growth chart drawn on the server as SVG coordinates (no script, light enough for the families'
 * portal on a weak connection): WHO's curves at −3, −2, 0, +2 and +3 SD of weight- or
 * length/height-for-age over the child's age in months (2006 standards to 60 months, 2007 reference
 * after), and the child's measurements on them.
 */
public final class GrowthChart {

  private GrowthChart() {}

  public enum Indicator {
    WEIGHT_FOR_AGE,
    LENGTH_FOR_AGE
  }

  /** The SD lines drawn, from the lowest. */
  static final int[] LINES = {-3, -2, 0, 2, 3};

  public static final int WIDTH = 360;
  public static final int HEIGHT = 240;
  static final int LEFT = 32;
  static final int BOTTOM = 20;

  /** A measurement to plot: the age in days and the value (kg or cm). */
  public record Point(int ageDays, double value) {}

  /** An SD line: its z and its {@code points} attribute. */
  public record Line(int sd, String points) {}

  /** A tick of an axis: where, and its label. */
  public record Tick(double at, String label) {}

  /** The chart, in the SVG's own coordinates ({@code 0 0 WIDTH HEIGHT}). */
  public record Chart(
      Indicator indicator,
      List<Line> lines,
      List<double[]> dots,
      String path,
      List<Tick> xTicks,
      List<Tick> yTicks) {}

  public static Chart of(Indicator indicator, Sex sex, List<Point> points) {
    int lastMonth = 24;
    for (Point p : points) {
      lastMonth = Math.max(lastMonth, (int) Math.ceil(p.ageDays() / ZScores.DAYS_PER_MONTH));
    }
    lastMonth =
        Math.min(((lastMonth + 11) / 12) * 12, indicator == Indicator.WEIGHT_FOR_AGE ? 120 : 228);
    List<double[][]> curves = new ArrayList<>();
    double low = Double.MAX_VALUE;
    double high = 0;
    for (int sd : LINES) {
      List<double[]> c = new ArrayList<>();
      for (int m = 0; m <= lastMonth; m++) {
        Lms lms = lms(indicator, sex, m);
        if (lms != null) {
          double v = lms.at(sd);
          c.add(new double[] {m, v});
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
      curves.add(c.toArray(double[][]::new));
    }
    for (Point p : points) {
      low = Math.min(low, p.value());
      high = Math.max(high, p.value());
    }
    double step = indicator == Indicator.WEIGHT_FOR_AGE ? 2 : 10;
    double y0 = Math.floor(low / step) * step;
    double y1 = Math.ceil(high / step) * step;
    Scale s = new Scale(lastMonth, y0, y1);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < LINES.length; i++) {
      StringBuilder b = new StringBuilder();
      for (double[] xy : curves.get(i)) {
        b.append(s.x(xy[0])).append(',').append(s.y(xy[1])).append(' ');
      }
      lines.add(new Line(LINES[i], b.toString().strip()));
    }
    List<double[]> dots = new ArrayList<>();
    StringBuilder path = new StringBuilder();
    for (Point p : points) {
      double x = s.xNum(p.ageDays() / ZScores.DAYS_PER_MONTH);
      double y = s.yNum(p.value());
      dots.add(new double[] {x, y});
      path.append(path.isEmpty() ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
    }
    List<Tick> xTicks = new ArrayList<>();
    for (int m = 0; m <= lastMonth; m += 12) {
      xTicks.add(new Tick(s.xNum(m), String.valueOf(m)));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (double v = y0; v <= y1 + 1e-9; v += step * (y1 - y0 > 10 * step ? 2 : 1)) {
      yTicks.add(new Tick(s.yNum(v), String.valueOf((int) v)));
    }
    return new Chart(indicator, lines, dots, path.toString(), xTicks, yTicks);
  }

  private static @Nullable Lms lms(Indicator indicator, Sex sex, int month) {
    GrowthTables t = GrowthTables.who();
    if (month <= 60) {
      int day =
          (int) Math.min(Math.round(month * ZScores.DAYS_PER_MONTH), GrowthTables.LAST_DAY_2006);
      return indicator == Indicator.WEIGHT_FOR_AGE
          ? t.weightForAge(sex, day)
          : t.lengthForAge(sex, day);
    }
    return indicator == Indicator.WEIGHT_FOR_AGE
        ? t.weightForAge2007(sex, month)
        : t.heightForAge2007(sex, month);
  }

  private record Scale(int months, double y0, double y1) {
    double xNum(double month) {
      return LEFT + (WIDTH - LEFT - 8) * month / months;
    }

    double yNum(double v) {
      return (HEIGHT - BOTTOM) - (HEIGHT - BOTTOM - 8) * (v - y0) / (y1 - y0);
    }

    String x(double month) {
      return fmt(xNum(month));
    }

    String y(double v) {
      return fmt(yNum(v));
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
