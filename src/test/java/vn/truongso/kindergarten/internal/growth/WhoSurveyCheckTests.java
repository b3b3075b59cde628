package vn.truongso.kindergarten.internal.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.truongso.people.Sex;

/**
 * Every row of WHO's own check data (see {@code kindergarten/growth/README.md}): the sample survey
 * scored by WHO's igrowup macro (0–5 years, restricted application) and by the who2007 macro (5–19
 * years). WHO's z-scores are rounded to 2 decimals, so ours must be within 0.005 of each; a score
 * WHO left empty (oedema, a missing value, outside the tables) must be empty here too, and WHO's
 * flags of implausible values must be ours. Rows past the tables' current ends are skipped for
 * their age-based scores only: WHO removed the 2006 rows past 1 826 days in 2025, and the 2007
 * tables end at 228 months (120 for weight), while the old macros that wrote the check files still
 * scored a few children beyond them.
 */
class WhoSurveyCheckTests {

  private static final double ROUNDED = 0.005 + 1e-9;

  static Stream<Arguments> survey2006() throws IOException {
    return rows("who2006_igrowup_survey_check.csv").stream().map(r -> Arguments.of(r.get("id"), r));
  }

  static Stream<Arguments> survey2007() throws IOException {
    return rows("who2007_survey_check.csv").stream().map(r -> Arguments.of(r.get("id"), r));
  }

  @ParameterizedTest(name = "2006 child {0}")
  @MethodSource("survey2006")
  void whoChildGrowthStandards2006(String id, Map<String, String> row) {
    int days = Integer.parseInt(row.get("age_days"));
    ZScores.Position position =
        switch (row.get("measure")) {
          case "l" -> ZScores.Position.LYING;
          case "h" -> ZScores.Position.STANDING;
          default -> null;
        };
    ZScores.Scores s =
        ZScores.who2006(
            new ZScores.Measurement(
                Sex.valueOf(row.get("sex")),
                days,
                number(row, "weight_kg"),
                number(row, "lenhei_cm"),
                position,
                row.get("oedema").equals("y")));
    Double corrected = number(row, "clenhei_cm");
    if (corrected != null) {
      assertThat(s.lengthCm()).isCloseTo(corrected, within(1e-6));
    }
    boolean pastTables = days > GrowthTables.LAST_DAY_2006;
    if (!pastTables) {
      same(s.weightForAge(), row, "zwei");
      same(s.lengthForAge(), row, "zlen");
      same(s.bmiForAge(), row, "zbmi");
      flagged(s, ZScores.Flag.WEIGHT_FOR_AGE, row, "fwei");
      flagged(s, ZScores.Flag.LENGTH_FOR_AGE, row, "flen");
      flagged(s, ZScores.Flag.BMI_FOR_AGE, row, "fbmi");
    }
    same(s.weightForLength(), row, "zwfl");
    flagged(s, ZScores.Flag.WEIGHT_FOR_LENGTH, row, "fwfl");
  }

  @ParameterizedTest(name = "2007 child {0}")
  @MethodSource("survey2007")
  void whoGrowthReference2007(String id, Map<String, String> row) {
    double months = Double.parseDouble(row.get("age_months"));
    ZScores.Scores s =
        ZScores.who2007(
            Sex.valueOf(row.get("sex")),
            months,
            number(row, "weight_kg"),
            number(row, "height_cm"),
            row.get("oedema").equals("y"));
    if (months <= 228) {
      same(s.lengthForAge(), row, "zhfa");
      same(s.bmiForAge(), row, "zbfa");
      flagged(s, ZScores.Flag.LENGTH_FOR_AGE, row, "fhfa");
      flagged(s, ZScores.Flag.BMI_FOR_AGE, row, "fbfa");
    }
    if (months <= 120) {
      same(s.weightForAge(), row, "zwfa");
      flagged(s, ZScores.Flag.WEIGHT_FOR_AGE, row, "fwfa");
    }
  }

  @Test
  void theCheckFilesAreReadWhole() throws IOException {
    assertThat(rows("who2006_igrowup_survey_check.csv")).hasSize(498);
    assertThat(rows("who2007_survey_check.csv")).hasSize(933);
  }

  private static void same(@Nullable Double ours, Map<String, String> row, String column) {
    Double who = number(row, column);
    if (who == null) {
      assertThat(ours).as(column + " (WHO: none)").isNull();
    } else {
      assertThat(ours).as(column).isNotNull();
      assertThat(ours).as(column).isCloseTo(who, within(ROUNDED));
    }
  }

  private static void flagged(
      ZScores.Scores s, ZScores.Flag flag, Map<String, String> row, String column) {
    String who = row.get(column);
    if (who != null && !who.isEmpty()) {
      assertThat(s.flags().contains(flag)).as(column).isEqualTo(who.equals("1"));
    }
  }

  private static @Nullable Double number(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null || v.isEmpty() ? null : Double.valueOf(v);
  }

  private static List<Map<String, String>> rows(String file) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                WhoSurveyCheckTests.class.getResourceAsStream("/kindergarten/growth/" + file),
                StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",", -1);
      List<Map<String, String>> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.split(",", -1);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < c.length ? c[i] : "");
        }
        out.add(row);
      }
      return out;
    }
  }
}
