package vn.truongso.kindergarten.internal.growth;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A child's nutritional status from the z-scores, by the cut-offs taught to kindergarten staff
 * (docs/domain/kindergarten.md §5): under −2 SD malnourished and under −3 SD severely, for
 * weight-for-age (nhẹ cân), length/height-for-age (thấp còi) and weight-for-length/height (gầy
 * còm); above +2 SD overweight and above +3 SD obese under 5 years (WHO's convention); from 5 years
 * BMI-for-age: above +1 SD overweight, above +2 SD obese, under −2 / −3 SD thin.
 */
public final class Nutrition {

  private Nutrition() {}

  /** A finding, its message key {@code kindergarten.growth.<name>}. */
  public enum Finding {
    SEVERELY_UNDERWEIGHT,
    UNDERWEIGHT,
    SEVERELY_STUNTED,
    STUNTED,
    SEVERELY_WASTED,
    WASTED,
    OVERWEIGHT,
    OBESE
  }

  /** What the scores say, the severest of each kind; empty when every score is within range. */
  public static List<Finding> of(ZScores.Scores s) {
    List<Finding> out = new ArrayList<>();
    low(out, s.weightForAge(), Finding.SEVERELY_UNDERWEIGHT, Finding.UNDERWEIGHT);
    low(out, s.lengthForAge(), Finding.SEVERELY_STUNTED, Finding.STUNTED);
    // under 5: weight-for-length/height; from 5 years (the 2007 reference): BMI-for-age
    Double body = s.who2007() ? s.bmiForAge() : s.weightForLength();
    low(out, body, Finding.SEVERELY_WASTED, Finding.WASTED);
    if (body != null) {
      double obese = s.who2007() ? 2 : 3;
      double over = s.who2007() ? 1 : 2;
      if (body > obese) {
        out.add(Finding.OBESE);
      } else if (body > over) {
        out.add(Finding.OVERWEIGHT);
      }
    }
    return out;
  }

  private static void low(List<Finding> out, @Nullable Double z, Finding severe, Finding moderate) {
    if (z == null) {
      return;
    }
    if (z < -3) {
      out.add(severe);
    } else if (z < -2) {
      out.add(moderate);
    }
  }
}
