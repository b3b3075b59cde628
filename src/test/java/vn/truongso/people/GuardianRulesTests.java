package vn.truongso.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.platform.InvalidInput;

/** PH-MN: the guardians' name, year of birth, occupation and phone are kept, and kept right. */
class GuardianRulesTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void cleansWhatIsTyped() {
    GuardianRules.Checked g =
        GuardianRules.check(
            new People.GuardianUpdate(
                "MOTHER", "  Trần   Thị Mai ", "1985", "Giáo viên", "+84 912 345 678", "", ""),
            TODAY);
    assertThat(g.fullName()).isEqualTo("Trần Thị Mai");
    assertThat(g.phone()).isEqualTo("0912345678");
    assertThat(g.birthYear()).isEqualTo(1985);
    assertThat(g.relation()).isEqualTo(People.Relation.MOTHER);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          no relation           | -       | Trần Văn Hùng | 1980 | 0912345678 | -            | -           | relation   | guardian.relation.required
          digits in the name    | FATHER  | Trần Văn 2    | 1980 | 0912345678 | -            | -           | fullName   | profile.name.letters
          a child's birth year  | FATHER  | Trần Văn Hùng | 2020 | 0912345678 | -            | -           | birthYear  | guardian.birthYear.implausible
          nine-digit phone      | FATHER  | Trần Văn Hùng | 1980 | 091234567  | -            | -           | phone      | guardian.phone.invalid
          ID of 11 digits       | FATHER  | Trần Văn Hùng | 1980 | -          | 03108001234  | -           | personalId | personalId.format
          ID of another year    | FATHER  | Trần Văn Hùng | 1980 | -          | 031081001234 | -           | personalId | personalId.birthYear
          e-mail without domain | FATHER  | Trần Văn Hùng | 1980 | -          | -            | hung@       | email      | guardian.email.invalid
          """)
  void refuses(
      String what,
      String relation,
      String name,
      String year,
      String phone,
      String id,
      String email,
      String field,
      String key) {
    assertThatThrownBy(
            () ->
                GuardianRules.check(
                    new People.GuardianUpdate(relation, name, year, "", phone, id, email), TODAY))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::messageKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(field, key)));
  }
}
