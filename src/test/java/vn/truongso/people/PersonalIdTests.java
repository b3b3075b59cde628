package vn.truongso.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Nghị định 137/2015 art. 13 and Thông tư 07/2016/TT-BCA art. 7: the structure of the 12 digits.
 */
class PersonalIdTests {

  @ParameterizedTest(name = "{0}: {4}")
  @CsvFileSource(resources = "/people/personal-id.csv", nullValues = "")
  void checksTheStructureAgainstBirthDateAndSex(
      String id, LocalDate birthDate, Sex sex, String expected, String why) {
    assertThat(PersonalId.problem(id, birthDate, sex).orElse(null)).as(why).isEqualTo(expected);
  }

  @Test
  void prefixesFitTheRules() {
    assertThat(PersonalId.prefix("031", LocalDate.of(2012, 5, 1), Sex.F)).isEqualTo("031312");
    assertThat(PersonalId.prefix("079", LocalDate.of(1978, 5, 1), Sex.M)).isEqualTo("079078");
    assertThat(
            PersonalId.problem(
                PersonalId.prefix("031", LocalDate.of(2012, 5, 1), Sex.F) + "000001",
                LocalDate.of(2012, 5, 1),
                Sex.F))
        .isEmpty();
  }
}
