package vn.truongso.assessment.tt27;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PrimaryLevel;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYear.PrimarySubject;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;

/**
 * TT27 art. 9.2 over many generated years (a fixed seed, so a failure replays): raising one
 * subject's level, one test score or one quality's or competency's level never lowers the result.
 */
class Tt27PropertyTests {

  private static final String[] SUBJECTS = {"tieng_viet", "toan", "dao_duc", "tu_nhien_va_xa_hoi"};
  private final Random random = new Random(27_2020);

  @Test
  void raisingAnythingNeverLowersTheResult() {
    for (int n = 0; n < 5_000; n++) {
      PrimaryYear y = random();
      PrimaryResult before = Tt27Policy.INSTANCE.evaluate(y).result();
      PrimaryResult after = Tt27Policy.INSTANCE.evaluate(raised(y)).result();
      // the enum runs from the best result to the worst
      assertThat(after.ordinal()).as("%s", y).isLessThanOrEqualTo(before.ordinal());
    }
  }

  private PrimaryYear random() {
    List<PrimarySubject> subjects = new ArrayList<>();
    for (String code : SUBJECTS) {
      boolean tested = code.startsWith("t");
      subjects.add(
          new PrimarySubject(
              code, pick(PrimaryLevel.values()), tested, tested ? random.nextInt(11) : null));
    }
    Map<Quality, QualityLevel> qualities = new EnumMap<>(Quality.class);
    for (Quality q : Quality.values()) {
      qualities.put(q, pick(QualityLevel.values()));
    }
    Map<Competence, QualityLevel> competences = new EnumMap<>(Competence.class);
    for (Competence c : Competence.values()) {
      competences.put(c, pick(QualityLevel.values()));
    }
    return new PrimaryYear(3, subjects, qualities, competences, false, null, false, null);
  }

  /** One thing raised a step: a subject's level or score, or a quality's or competency's level. */
  private PrimaryYear raised(PrimaryYear y) {
    List<PrimarySubject> subjects = new ArrayList<>(y.subjects());
    Map<Quality, QualityLevel> qualities = new EnumMap<>(y.qualities());
    Map<Competence, QualityLevel> competences = new EnumMap<>(y.competences());
    switch (random.nextInt(4)) {
      case 0 -> {
        int i = random.nextInt(subjects.size());
        PrimarySubject s = subjects.get(i);
        subjects.set(
            i,
            new PrimarySubject(
                s.code(), better(PrimaryLevel.values(), s.level()), s.tested(), s.score()));
      }
      case 1 -> {
        PrimarySubject s = subjects.get(0);
        subjects.set(0, new PrimarySubject(s.code(), s.level(), true, Math.min(10, s.score() + 1)));
      }
      case 2 -> {
        Quality q = pick(Quality.values());
        qualities.put(q, better(QualityLevel.values(), qualities.get(q)));
      }
      default -> {
        Competence c = pick(Competence.values());
        competences.put(c, better(QualityLevel.values(), competences.get(c)));
      }
    }
    return new PrimaryYear(3, subjects, qualities, competences, false, null, false, null);
  }

  /** The level one step up (the enums run from the best down). */
  private static <T extends Enum<T>> T better(T[] values, T level) {
    return values[Math.max(0, level.ordinal() - 1)];
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
