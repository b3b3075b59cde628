package vn.truongso.assessment.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.assessment.Records;
import vn.truongso.assessment.TermMarks;

/** TT22 art. 9.1b: term and year averages, one decimal rounded half up. */
class SubjectAverageTests {

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(
      resources = "/assessment/tt22/term-average.csv",
      useHeadersInDisplayName = false,
      numLinesToSkip = 1)
  void termAverage(
      String article, String why, String regular, String mid, String fin, String expected) {
    var marks = Records.marks(regular);
    TermMarks t = new TermMarks(marks, Records.mark(mid), Records.mark(fin));
    assertThat(SubjectAverage.term(t, marks.size())).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt22/year-average.csv", numLinesToSkip = 1)
  void yearAverage(String article, String why, String term1, String term2, String expected) {
    assertThat(SubjectAverage.year(new BigDecimal(term1), new BigDecimal(term2)))
        .isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvFileSource(resources = "/assessment/tt22/regular-count.csv", numLinesToSkip = 1)
  void regularAssessmentsFollowThePeriods(
      String article, String why, String kind, int periods, int expected) {
    assertThat(RegularCount.required(vn.truongso.assessment.SubjectKind.valueOf(kind), periods))
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void noAverageWhileAMarkIsMissing() {
    TermMarks t = new TermMarks(Records.marks("8;8;8"), Records.mark("7"), null);
    assertThat(SubjectAverage.term(t, 3)).isNull();
    assertThat(
            SubjectAverage.term(
                new TermMarks(Records.marks("8;8"), Records.mark("7"), Records.mark("7")), 3))
        .isNull();
  }
}
