package vn.truongso.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import tools.jackson.databind.json.JsonMapper;

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

  @ParameterizedTest(name = "[{0}]: {2}")
  @CsvFileSource(resources = "/people/personal-id-text.csv", nullValues = "")
  void becomesANumberOnlyFromTwelveDigits(String typed, String digits, String why) {
    String text = typed == null ? "" : typed;
    if (digits == null) {
      assertThatThrownBy(() -> PersonalId.of(text))
          .as(why)
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(PersonalId.parse(text)).as(why).isEmpty();
    } else {
      PersonalId id = PersonalId.of(text);
      assertThat(id.value()).as(why).isEqualTo(digits);
      assertThat(id.toString()).as(why).isEqualTo(digits);
      assertThat(PersonalId.parse(text)).as(why).contains(new PersonalId(digits));
      assertThat(PersonalId.ofNullable(text)).as(why).isEqualTo(id);
    }
  }

  @Test
  void noNumberIsNull() {
    assertThat(PersonalId.ofNullable(null)).isNull();
    assertThat(PersonalId.ofNullable("   ")).isNull();
    assertThat(PersonalId.parse(null)).isEmpty();
    assertThat(PersonalId.text(null)).isNull();
    assertThat(PersonalId.text(PersonalId.of("031214004567"))).isEqualTo("031214004567");
  }

  @Test
  void writesToJsonAsItsDigits() {
    // The audit log stores states as JSON and masks "personalId" strings on its page.
    JsonMapper json = JsonMapper.builder().build();
    assertThat(json.writeValueAsString(Map.of("personalId", PersonalId.of("031214004567"))))
        .isEqualTo("{\"personalId\":\"031214004567\"}");
    People.NewGuardian father =
        new People.NewGuardian("Trần Văn Hùng", 1980, null, null, PersonalId.of("031080001234"));
    assertThat(json.writeValueAsString(father)).contains("\"personalId\":\"031080001234\"");
  }
}
