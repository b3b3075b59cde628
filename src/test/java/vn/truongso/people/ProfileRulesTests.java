package vn.truongso.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.platform.InvalidInput;

/** The checks on a student's profile (issue 3, "Bad input"): each rule at and past its edge. */
class ProfileRulesTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @ParameterizedTest(name = "{9}")
  @CsvFileSource(resources = "/people/profile-rules.csv", nullValues = "")
  void checksAProfile(
      String family,
      String middle,
      String given,
      String birth,
      String sex,
      String personalId,
      String insurance,
      String field,
      String expectedKey,
      String why) {
    ProfileUpdate update = update(family, middle, given, birth, sex, personalId, insurance);
    if (expectedKey == null) {
      assertThat(ProfileRules.check(update, TODAY).name().given()).as(why).isEqualTo(given);
    } else {
      assertThatThrownBy(() -> ProfileRules.check(update, TODAY))
          .as(why)
          .isInstanceOfSatisfying(
              InvalidInput.class,
              e ->
                  assertThat(e.errors())
                      .anyMatch(
                          err ->
                              err.field().equals(field) && err.messageKey().equals(expectedKey)));
    }
  }

  @Test
  void aFiveMegabyteNameIsRefusedWithoutEchoingIt() {
    ProfileUpdate update =
        update("Nguyễn", "Văn", "A".repeat(5 * 1024 * 1024), "05/09/2014", "M", null, null);
    assertThatThrownBy(() -> ProfileRules.check(update, TODAY))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        err -> {
                          assertThat(err.field()).isEqualTo("givenName");
                          assertThat(err.messageKey()).isEqualTo("profile.name.tooLong");
                        }));
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    ProfileUpdate update = update("", "Văn", "An1", "31/02/2014", "", null, "X");
    assertThatThrownBy(() -> ProfileRules.check(update, TODAY))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(InvalidInput.FieldError::field)
                    .containsExactlyInAnyOrder(
                        "familyName", "givenName", "birthDate", "sex", "healthInsuranceNo"));
  }

  static ProfileUpdate update(
      String family,
      String middle,
      String given,
      String birth,
      String sex,
      String personalId,
      String insurance) {
    return ProfileUpdate.newStudent(family, middle, given, birth, sex, "01")
        .ids(personalId, null)
        .healthInsuranceNo(insurance)
        .build();
  }
}
