package vn.truongso.assessment.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Records;

/** TT22 art. 9.2–9.3: the learning level of a term or the year, with the one-subject adjustment. */
class LearningLevelTests {

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt22/learning-level.csv", numLinesToSkip = 1)
  void levelFollowsTheThresholdsAndTheAdjustment(
      String article, String why, String scores, String comments, Level expected) {
    assertThat(
            LearningLevel.level(Records.decimals(scores), Records.comments(comments), true).level())
        .isEqualTo(expected);
  }

  @Test
  void aCommentSubjectDoesNotAdjustWhenTheSchoolReadsArt93Narrowly() {
    var scores = Records.decimals("8.5;8.5;8.5;8.5;8.5;8.5;8.5;8.5");
    assertThat(LearningLevel.level(scores, Records.comments("DDDC"), false).level())
        .isEqualTo(Level.DAT);
    assertThat(LearningLevel.level(scores, Records.comments("DDDC"), true).raised()).isTrue();
  }
}
