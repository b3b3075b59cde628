package vn.truongso.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grade book's columns and conduct periods as the policies draw them: regular assessments by
 * the subject's periods (TT22 art. 6.2; TT58 art. 7 as amended by TT26/2020), one mid-term and one
 * end-of-term assessment (TT22 art. 7), the re-assessment in the summer (TT22 art. 14), conduct for
 * each term, the year where the teacher gives it (TT58) and the summer (TT22 art. 13).
 */
class SlotsAndPeriodsTests {

  @ParameterizedTest(name = "{0} {1} periods, {2}: {3}")
  @CsvSource({
    "TT22_2021, 35, SCORE, TX1 TX2 GK CK",
    "TT22_2021, 70, SCORE, TX1 TX2 TX3 GK CK",
    "TT22_2021, 105, SCORE, TX1 TX2 TX3 TX4 GK CK",
    "TT22_2021, 140, COMMENT, TX1 TX2 GK CK",
    "TT58_2011, 35, SCORE, TX1 TX2 GK CK",
    "TT58_2011, 52, COMMENT, TX1 TX2 TX3 GK CK",
    "TT58_2011, 105, SCORE, TX1 TX2 TX3 TX4 GK CK"
  })
  void theSheetsColumnsComeFromThePolicy(
      PolicyCode code, int periods, SubjectKind kind, String columns) {
    AssessmentPolicy policy = Policies.of(code);
    assertThat(policy.sheetSlots(kind, periods).stream().map(Slot::name))
        .containsExactly(columns.split(" "));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"TT22_2021, HK1 HK2 HE", "TT58_2011, HK1 HK2 CN HE"})
  void conductIsAskedForThePeriodsOfThePolicy(PolicyCode code, String periods) {
    assertThat(Policies.secondary(code).conductPeriods().stream().map(Period::name))
        .containsExactly(periods.split(" "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "TX1, true, false, false",
    "TX4, true, false, false",
    "GK, false, true, false",
    "CK, false, true, false",
    "RETEST, false, false, true"
  })
  void whatEachColumnIs(Slot slot, boolean regular, boolean periodic, boolean summer) {
    assertThat(slot.regular()).isEqualTo(regular);
    assertThat(slot.periodic()).isEqualTo(periodic);
    assertThat(slot.summer()).isEqualTo(summer);
    assertThat(Slot.parse(slot.name())).contains(slot);
    assertThat(Slot.isRegular(slot.name())).isEqualTo(regular);
  }

  @Test
  void regularColumnsAreNumberedFromOneToFour() {
    assertThat(List.of(1, 2, 3, 4).stream().map(Slot::regular).map(Slot::regularNumber))
        .containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> Slot.regular(5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(Slot.GK::regularNumber).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUnknownCodeIsNoColumnAndNoPeriod() {
    for (String code : List.of("TX5", "tx1", "", "HK3", "P")) {
      assertThat(Slot.parse(code)).as(code).isEmpty();
      assertThat(Slot.isRegular(code)).as(code).isFalse();
      assertThat(Period.parse(code)).as(code).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}: term {1}, frozen by {2}, covers {3}")
  @CsvSource({"HK1, 1, 1, 1", "HK2, 2, 2, 2", "CN, 2, 2, 1 2", "HE, 2, 0, ''"})
  void whichTermEachPeriodBelongsTo(Period p, int term, int approvalTerm, String covers) {
    assertThat(p.term()).isEqualTo(term);
    assertThat(p.approvalTerm()).isEqualTo(approvalTerm);
    List<Integer> covered = List.of(1, 2).stream().filter(p::covers).toList();
    assertThat(covered.stream().map(String::valueOf))
        .containsExactlyElementsOf(
            Arrays.stream(covers.split(" ")).filter(s -> !s.isEmpty()).toList());
    assertThat(p.summer()).isEqualTo(p == Period.HE);
  }

  @Test
  void theFamilyIsSealedIntoASecondaryAndAPrimaryBranch() {
    assertThat(AssessmentPolicy.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(SecondaryPolicy.class, PrimaryPolicy.class);
    assertThat(Policies.of(PolicyCode.TT22_2021)).isInstanceOf(SecondaryPolicy.class);
    assertThat(Policies.of(PolicyCode.TT27_2020)).isInstanceOf(PrimaryPolicy.class);
    assertThatThrownBy(() -> Policies.secondary(PolicyCode.TT27_2020))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Policies.primary(PolicyCode.TT22_2021))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
